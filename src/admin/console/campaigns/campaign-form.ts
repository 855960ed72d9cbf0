import type { Request } from 'express';
import type { Audience, Campaign, GroupKind, Schedule } from '../../../broadcast/broadcast-types.js';
import { campaignCreateSchema, type CampaignCreateInput } from '../../../broadcast/campaign-input.js';
import { formField, formList } from '../form-input.js';
import { parseFormDate, showFormDate } from './form-date.js';

/** What the campaign form shows: the raw values typed, so a refused form comes back filled in. */
export interface CampaignFormValues {
  title: string;
  text: string;
  imageUrl: string;
  all: boolean;
  kinds: string[];
  tags: string[];
  groupIds: string[];
  scheduleType: 'once' | 'now' | 'monthly' | 'cron';
  /** dd/mm/yyyy as typed */
  onceDate: string;
  /** HH:MM as typed */
  onceTime: string;
  monthlyDay: string;
  monthlyTime: string;
  cronExpression: string;
}

/** Form fields that can carry an error; keys of `campaigns.errors.*` in the admin locale. */
export type CampaignField = 'title' | 'text' | 'imageUrl' | 'audience' | 'schedule' | 'onceDate';

export const EMPTY_CAMPAIGN_FORM: CampaignFormValues = {
  title: '',
  text: '',
  imageUrl: '',
  all: false,
  kinds: [],
  tags: [],
  groupIds: [],
  scheduleType: 'once',
  onceDate: '',
  onceTime: '08:00',
  monthlyDay: '1',
  monthlyTime: '08:00',
  cronExpression: '',
};

/** Reads the posted campaign form as typed. */
export function readCampaignForm(req: Request): CampaignFormValues {
  const type = formField(req, 'scheduleType');
  // `onceAt` (yyyy-mm-ddTHH:MM, as the JSON API takes it) is still read when no date was typed
  const [isoDate = '', isoTime = ''] = formField(req, 'onceAt').trim().split('T');
  const onceDate = formField(req, 'onceDate').trim();
  return {
    title: formField(req, 'title'),
    text: formField(req, 'text').replace(/\r\n/g, '\n'),
    imageUrl: formField(req, 'imageUrl').trim(),
    all: formField(req, 'all') === '1',
    kinds: formList(req, 'kind'),
    tags: formList(req, 'tag'),
    groupIds: formList(req, 'group'),
    scheduleType: type === 'monthly' || type === 'cron' || type === 'now' ? type : 'once',
    onceDate: onceDate || showFormDate(isoDate),
    onceTime: formField(req, 'onceTime').trim() || isoTime,
    monthlyDay: formField(req, 'monthlyDay').trim(),
    monthlyTime: formField(req, 'monthlyTime').trim(),
    cronExpression: formField(req, 'cronExpression').trim(),
  };
}

/** The form filled from a stored campaign (for editing). */
export function campaignToForm(c: Campaign): CampaignFormValues {
  const s = c.schedule;
  return {
    ...EMPTY_CAMPAIGN_FORM,
    title: c.title,
    text: c.text,
    imageUrl: c.imageUrl ?? '',
    all: c.audience.all === true,
    kinds: c.audience.kinds ?? [],
    tags: c.audience.tags ?? [],
    groupIds: c.audience.groupIds ?? [],
    scheduleType: s.type,
    onceDate: s.type === 'once' ? showFormDate(s.at.split('T')[0] ?? '') : '',
    onceTime: s.type === 'once' ? (s.at.split('T')[1] ?? '') : EMPTY_CAMPAIGN_FORM.onceTime,
    monthlyDay: s.type === 'monthly' ? String(s.day) : EMPTY_CAMPAIGN_FORM.monthlyDay,
    monthlyTime: s.type === 'monthly' ? s.time : EMPTY_CAMPAIGN_FORM.monthlyTime,
    cronExpression: s.type === 'cron' ? s.expression : '',
  };
}

function toSchedule(v: CampaignFormValues): Schedule {
  if (v.scheduleType === 'monthly') return { type: 'monthly', day: Number(v.monthlyDay), time: v.monthlyTime };
  if (v.scheduleType === 'cron') return { type: 'cron', expression: v.cronExpression };
  if (v.scheduleType === 'now') return { type: 'now' };
  return { type: 'once', at: `${parseFormDate(v.onceDate) ?? ''}T${v.onceTime}` };
}

function toAudience(v: CampaignFormValues): Audience {
  if (v.all) return { all: true };
  const audience: Audience = {};
  if (v.kinds.length > 0) audience.kinds = v.kinds as GroupKind[];
  if (v.tags.length > 0) audience.tags = v.tags;
  if (v.groupIds.length > 0) audience.groupIds = v.groupIds;
  return audience;
}

/**
 * Validates the form with the broadcast domain's own schema (the same one the JSON API uses) and
 * names the form fields that failed.
 */
export function validateCampaignForm(
  v: CampaignFormValues,
): { ok: true; input: CampaignCreateInput } | { ok: false; fields: CampaignField[] } {
  const parsed = campaignCreateSchema.safeParse({
    title: v.title,
    text: v.text,
    imageUrl: v.imageUrl === '' ? null : v.imageUrl,
    audience: toAudience(v),
    schedule: toSchedule(v),
  });
  const badDate = v.scheduleType === 'once' && parseFormDate(v.onceDate) === null;
  if (parsed.success && !badDate) return { ok: true, input: parsed.data };
  const fields = new Set<CampaignField>(badDate ? ['onceDate'] : []);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const head = String(issue.path[0] ?? '');
    if (head === 'title' || head === 'text' || head === 'imageUrl' || head === 'audience') fields.add(head);
    if (head === 'schedule' && !badDate) fields.add(head);
  }
  return { ok: false, fields: [...fields] };
}
