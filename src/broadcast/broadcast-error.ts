import { AppError } from '../shared/errors.js';

/**
 * What went wrong, for callers to map: `not_found` (404), `invalid_state` (409, e.g. approving a
 * cancelled campaign), `forbidden` (403, e.g. the two-person rule), `invalid_input` (400, with `field`).
 */
export type BroadcastErrorCode = 'not_found' | 'invalid_state' | 'forbidden' | 'invalid_input';

/**
 * A refused broadcast operation. `key` is a `broadcast:errors.*` locale key with `params`, so the
 * admin API and console show it in the official's language; `message` is English for logs.
 */
export class BroadcastError extends AppError {
  constructor(
    readonly code: BroadcastErrorCode,
    readonly key: string,
    message: string,
    readonly params: Record<string, unknown> = {},
    readonly field?: string,
  ) {
    super(message);
  }
}
