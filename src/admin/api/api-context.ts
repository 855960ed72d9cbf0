import type { Request, Response } from 'express';
import type { i18n, TFunction } from 'i18next';
import { z } from 'zod';
import { parseActorName } from '../../broadcast/parse-actor-name.js';
import type { Broadcast } from '../../broadcast/create-broadcast.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { createApiViews } from './api-views.js';

export interface AdminApiDeps {
  broadcast: Pick<Broadcast, 'directory' | 'campaigns' | 'runs' | 'audit' | 'options'>;
  /** ADMIN_TOKEN; undefined → every request gets 503 saying the API is off */
  adminToken: string | undefined;
  i18n: i18n;
  clock: Clock;
  log: Logger;
}

/** What every route file of the API receives: the router's dependencies and the shared views. */
export type AdminApiContext = AdminApiDeps & { views: ReturnType<typeof createApiViews> };

/**
 * Reads the official acting: `X-Actor` header (percent-encoded UTF-8 allowed) or the body's `actor`
 * field, checked by `parseActorName` (no control or invisible characters, no look-alike letters, not
 * a name of the software's own). Missing: 400 `actor_required`; refused: 400 `actor_invalid` with the
 * problem. Mutating routes call it first and stop on null.
 */
export function requireActor(req: Request, res: Response, t: TFunction): string | null {
  const body = req.body as { actor?: unknown } | undefined;
  const raw = body?.actor ?? decodeHeader(req.get('x-actor'));
  const parsed = parseActorName(raw);
  if (parsed.ok) return parsed.name;
  if (parsed.problem === 'empty') {
    res.status(400).json({ error: 'actor_required', field: 'actor', message: t('api.actor_required') });
  } else {
    res.status(400).json({
      error: 'actor_invalid',
      field: 'actor',
      problem: parsed.problem,
      message: t(`errors.actor_${parsed.problem}`),
    });
  }
  return null;
}

function decodeHeader(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The request body without the `actor` field, for strict schemas. */
export function bodyWithoutActor(req: Request): unknown {
  const body = req.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body ?? {};
  const { actor: _actor, ...rest } = body;
  return rest;
}

/**
 * Validates `value` with `schema`; on failure answers 400 naming the first bad field and returns
 * null (nothing was changed).
 */
export function parseOr400<S extends z.ZodType>(
  schema: S,
  value: unknown,
  res: Response,
  t: TFunction,
): z.infer<S> | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const keys = (issue as { keys?: string[] }).keys;
  const field = [...issue.path.map(String), ...(keys?.length ? [keys[0]!] : [])].join('.') || 'body';
  res.status(400).json({
    error: 'invalid_request',
    field,
    message: t('api.invalid_field', { field, detail: issue.message }),
    detail: issue.message,
  });
  return null;
}

/** A positive integer route parameter, or null. */
export function idParam(value: string | undefined): number | null {
  return value !== undefined && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : null;
}

/** The response language: English when the client asks for it first, Vietnamese otherwise. */
export function tFor(req: Request, i18n: i18n): TFunction {
  const lang = /^\s*en\b/i.test(req.get('accept-language') ?? '') ? 'en' : 'vi';
  return i18n.getFixedT(lang, 'broadcast');
}
