import type { z } from 'zod';
import { zaloEventSchema, type ZaloEvent } from './zalo-event.js';

export type ParseZaloEventResult = { ok: true; event: ZaloEvent } | { ok: false; error: string };

/**
 * Validates a decoded webhook body against the event union. Extra fields are dropped, ids stay
 * strings, timestamps of any length pass. A body whose `event_name` is not modelled becomes an
 * `UnknownZaloEvent` (acknowledged, logged, never answered); a modelled event with a wrong shape is an
 * error naming the field, e.g. `user_send_text: message.text: Invalid input: expected string`.
 * @example parseZaloEvent(JSON.parse(rawBody))
 */
export function parseZaloEvent(json: unknown): ParseZaloEventResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, error: 'body is not a JSON object' };
  }
  const body = json as Record<string, unknown>;
  const name = body.event_name;
  if (typeof name !== 'string' || name === '') return { ok: false, error: 'event_name is missing' };
  const schema = zaloEventSchema(name);
  if (!schema) {
    const timestamp =
      typeof body.timestamp === 'string' || typeof body.timestamp === 'number' ? String(body.timestamp) : '';
    return { ok: true, event: { event_name: 'unknown', zalo_event_name: name, timestamp, payload: body } };
  }
  const result = schema.safeParse(body);
  return result.success
    ? { ok: true, event: result.data }
    : { ok: false, error: `${name}: ${describeIssue(result.error)}` };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}
