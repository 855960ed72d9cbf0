import type { Logger } from '../shared/logger.js';
import type { Db } from '../storage/open-database.js';
import { AUTH_ZALO_CODES } from '../zalo/retry-policy.js';
import { ZaloApiError } from '../zalo/zalo-api-error.js';
import type { ZaloApi } from '../zalo/zalo-api.js';
import type { OutgoingMessage } from './dialog.js';

/** Zalo codes with which a message carrying buttons is refused (invalid parameter / unsupported type). */
const BUTTON_REFUSED_CODES = new Set([-201, -233]);
/** Refusals about the resident (window, block, quota), not the message: plain text would fail too. */
const RECIPIENT_CODES = new Set([-213, -217, -218, -227, -230, -232, -244]);
const BUTTONS_OFF_KEY = 'bot.buttons_disabled';
/** Replies are never resent blindly by the client: the reply outbox reconciles an unclear send first. */
const SEND_OPTIONS = { purpose: 'reply', retryUnclear: false } as const;

/**
 * Whether a permanent refusal of a message carrying buttons may be about the buttons: then the plain
 * text is tried once before giving up. Temporary failures are left to the outbox's retries.
 */
function mayBeTheButtons(err: unknown): err is ZaloApiError {
  if (!(err instanceof ZaloApiError) || err.retryable) return false;
  if (err.kind === 'api') return err.code !== null && !RECIPIENT_CODES.has(err.code) && !AUTH_ZALO_CODES.has(err.code);
  return err.kind === 'http' && err.status !== undefined && err.status >= 400 && err.status < 500 && err.status !== 401;
}

export interface ReplySender {
  /**
   * Sends one reply message (one Zalo-sized part; the reply outbox splits long texts) to a resident.
   * Throws what `ZaloApi.sendText` throws (`ZaloApiError` after the client's own retries, which skip
   * unclear outcomes: `outcomeUnknown` is then set); the outbox decides whether to retry or reconcile.
   * @returns Zalo's message id (of the last part, should the text still be split)
   */
  deliver(userId: string, message: OutgoingMessage): Promise<string | null>;
  buttonsEnabled(): boolean;
}

/**
 * Sends replies with `ZaloApi.sendText` (purpose 'reply'). Buttons are optional decoration: when Zalo
 * permanently refuses a message with buttons for a reason that is not about the resident, it is resent
 * as plain text (the text carries the numbered menu). After -201/-233 or an HTTP 4xx that the plain text
 * then passes, buttons stay off for good, remembered in the `meta` table across restarts.
 */
export function createReplySender({ zalo, db, log }: { zalo: ZaloApi; db: Db; log: Logger }): ReplySender {
  const readFlag = db.prepare('SELECT value FROM meta WHERE key = ?');
  const writeFlag = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  let buttonsOff = (readFlag.get(BUTTONS_OFF_KEY) as { value: string } | undefined)?.value === '1';

  return {
    async deliver(userId, message) {
      const buttons = buttonsOff ? undefined : message.buttons;
      let sent;
      try {
        sent = await zalo.sendText(userId, message.text, {
          ...SEND_OPTIONS,
          ...(buttons?.length ? { buttons } : {}),
        });
      } catch (err) {
        if (!buttons?.length || !mayBeTheButtons(err)) throw err;
        sent = await zalo.sendText(userId, message.text, SEND_OPTIONS);
        // The plain text went through where the same text with buttons did not: the buttons were the problem.
        if (BUTTON_REFUSED_CODES.has(err.code ?? 0) || err.kind === 'http') {
          buttonsOff = true;
          writeFlag.run(BUTTONS_OFF_KEY, '1');
          log.warn(
            { code: err.code, status: err.status },
            'Zalo refused reply buttons; sending plain numbered menus from now on',
          );
        } else {
          log.warn({ code: err.code }, 'a reply with buttons was refused; sent it again as plain text');
        }
      }
      return sent.at(-1)?.messageId ?? null;
    },
    buttonsEnabled: () => !buttonsOff,
  };
}
