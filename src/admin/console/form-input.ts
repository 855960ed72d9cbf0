import type { Request } from 'express';
import type { TFunction } from 'i18next';

/** A string field of a urlencoded form body; '' when absent or not a string. */
export function formField(req: Request, name: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/** Every value of a repeated form field (checkbox groups); non-strings are dropped. */
export function formList(req: Request, name: string): string[] {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string' && v.length > 0);
}

/** A route parameter as a string; '' when absent or repeated. */
export function routeParam(req: Request, name: string): string {
  const raw = req.params[name];
  return typeof raw === 'string' ? raw : '';
}

/** The `:id` route parameter as a positive integer; -1 when it is not one (lookups then find nothing). */
export function routeId(req: Request, name = 'id'): number {
  const raw = req.params[name];
  return typeof raw === 'string' && /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : -1;
}

/**
 * The confirmation after a redirect (`?done=saved`): only keys present in `done.*` of the locale are
 * shown, so the query string can never inject text.
 */
export function noticeFrom(t: TFunction, req: Request): { tone: 'ok'; text: string } | undefined {
  const key = req.query.done;
  if (typeof key !== 'string' || !/^[a-z_]{1,40}$/.test(key)) return undefined;
  const text = t(`done.${key}`, { defaultValue: '' });
  return text ? { tone: 'ok', text } : undefined;
}
