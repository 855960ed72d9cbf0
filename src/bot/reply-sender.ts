import { hashUserId, type Logger } from '../shared/logger.js';
import type { Db } from '../storage/open-database.js';
import { ZaloApiError } from '../zalo/zalo-api-error.js';
import type { ZaloApi } from '../zalo/zalo-api.js';
import type { OutgoingMessage } from './dialog.js';

/** Zalo codes with which a message carrying buttons is refused (invalid parameter / unsupported type). */
const BUTTON_REFUSED_CODES = new Set([-201, -233]);
const BUTTONS_OFF_KEY = 'bot.buttons_disabled';

export interface ReplySender {
  /**
   * Sends a dialog's messages to one resident, in order. Never throws: a failed send is logged with
   * Zalo's code and the remaining messages are skipped (they would arrive out of context).
   * @returns whether every message was sent
   */
  send(userId: string, messages: OutgoingMessage[]): Promise<boolean>;
  buttonsEnabled(): boolean;
}

/**
 * Sends replies with `ZaloApi.sendText` (purpose 'reply'). Buttons are optional decoration: when Zalo
 * refuses a message with buttons (-201/-233), it is resent as plain text (the text carries the numbered
 * menu) and buttons stay off for good, remembered in the `meta` table across restarts.
 */
export function createReplySender({ zalo, db, log }: { zalo: ZaloApi; db: Db; log: Logger }): ReplySender {
  const readFlag = db.prepare('SELECT value FROM meta WHERE key = ?');
  const writeFlag = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  let buttonsOff = (readFlag.get(BUTTONS_OFF_KEY) as { value: string } | undefined)?.value === '1';

  async function sendOne(userId: string, message: OutgoingMessage): Promise<void> {
    const buttons = buttonsOff ? undefined : message.buttons;
    try {
      await zalo.sendText(userId, message.text, { purpose: 'reply', ...(buttons?.length ? { buttons } : {}) });
    } catch (err) {
      if (!buttons?.length || !(err instanceof ZaloApiError) || !BUTTON_REFUSED_CODES.has(err.code ?? 0)) throw err;
      buttonsOff = true;
      writeFlag.run(BUTTONS_OFF_KEY, '1');
      log.warn({ code: err.code }, 'Zalo refused reply buttons; sending plain numbered menus from now on');
      await zalo.sendText(userId, message.text, { purpose: 'reply' });
    }
  }

  return {
    async send(userId, messages) {
      for (const message of messages) {
        try {
          await sendOne(userId, message);
        } catch (err) {
          const zaloError = err instanceof ZaloApiError ? err : undefined;
          log.error(
            { user: hashUserId(userId), code: zaloError?.failureCode, hint: zaloError?.hint, err: zaloError ? undefined : err },
            zaloError ? `reply not sent: ${zaloError.message}` : 'reply not sent',
          );
          return false;
        }
      }
      return true;
    },
    buttonsEnabled: () => !buttonsOff,
  };
}
