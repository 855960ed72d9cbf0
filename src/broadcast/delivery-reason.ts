import type { TFunction } from '../i18n/create-i18n.js';
import { describeZaloError } from '../zalo/describe-zalo-error.js';
import type { SkipReason } from './resolve-audience.js';

/**
 * Texts an official reads in reports, in the language of `t`. Zalo failures take the client's
 * wording (`zalo:errors.<code>`); broadcast's own cases live in `broadcast:reasons.*`.
 */
export function failureReason(t: TFunction, failureCode: string): string {
  return describeZaloError(failureCode, t);
}

/** Why a target is left out (deleted, disabled group; cancelled campaign). */
export function skipReason(t: TFunction, reason: SkipReason | 'cancelled'): string {
  return t(`reasons.${reason}`, { ns: 'broadcast' });
}

/** A retryable failure that ran out of attempts. */
export function exhaustedReason(t: TFunction, failureCode: string, attempts: number): string {
  return t('reasons.exhausted', { ns: 'broadcast', reason: failureReason(t, failureCode), attempts });
}

/** A delivery whose outcome cannot be settled from the group's history: an official must look. */
export function unknownReason(t: TFunction, why: 'history_unavailable' | 'ambiguous' | 'history_incomplete'): string {
  return t('reasons.unknown', { ns: 'broadcast', detail: t(`reasons.unknown_${why}`, { ns: 'broadcast' }) });
}
