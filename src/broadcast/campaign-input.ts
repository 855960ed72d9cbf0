import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import { parseClockTime } from './zoned-time.js';

/** Zalo's limit for a group text or image caption (shared with 1:1 texts). */
export const MAX_TEXT_CHARS = 2000;

/**
 * Characters as the limit is checked: UTF-16 units of the NFC text, exactly what the Zalo client
 * checks before sending (an emoji counts 2; typed-apart Vietnamese accents count once after NFC).
 */
export function countChars(text: string): number {
  return text.normalize('NFC').length;
}

const groupKind = z.enum(['agency', 'commune']);
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'expected local date-time YYYY-MM-DDTHH:MM');
const clockTime = z.string().refine((v) => parseClockTime(v) !== null, 'expected HH:MM (00:00–23:59)');
const cronExpression = z
  .string()
  .trim()
  .refine((v) => v.split(/\s+/).length === 5, 'expected 5 fields: minute hour day-of-month month day-of-week')
  .refine((v) => {
    try {
      CronExpressionParser.parse(v, { strict: false });
      return true;
    } catch {
      return false;
    }
  }, 'not a valid cron expression');

/** Where and when: the JSON shapes the admin API accepts (see docs/admin-api.md). */
export const scheduleSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('once'), at: localDateTime }),
  z.object({ type: z.literal('cron'), expression: cronExpression }),
  z.object({ type: z.literal('monthly'), day: z.number().int().min(1).max(31), time: clockTime }),
  z.object({ type: z.literal('now') }),
]);

export const audienceSchema = z
  .object({
    all: z.boolean().optional(),
    kinds: z.array(groupKind).max(2).optional(),
    tags: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
    groupIds: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9]{1,64}$/, 'not a Zalo group id'),
      )
      .max(5000)
      .optional(),
  })
  .strict()
  .refine((a) => a.all === true || (a.kinds?.length ?? 0) + (a.tags?.length ?? 0) + (a.groupIds?.length ?? 0) > 0, {
    message: 'choose all, kinds, tags or groupIds',
  });

const text = z
  .string()
  .transform((v) => v.normalize('NFC'))
  .refine((v) => v.trim().length > 0, 'must not be empty')
  .refine((v) => countChars(v) <= MAX_TEXT_CHARS, { message: `at most ${MAX_TEXT_CHARS} characters` });

const imageUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .nullable();

/** A new campaign. */
export const campaignCreateSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    text,
    imageUrl: imageUrl.optional(),
    audience: audienceSchema,
    schedule: scheduleSchema,
  })
  .strict();

/** An edit: any subset of the fields. */
export const campaignUpdateSchema = campaignCreateSchema.partial().strict();

export type CampaignCreateInput = z.infer<typeof campaignCreateSchema>;
export type CampaignUpdateInput = z.infer<typeof campaignUpdateSchema>;
