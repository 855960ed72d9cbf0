import type { Logger } from '../shared/logger.js';
import type { Db } from '../storage/open-database.js';
import { ZaloApiError } from '../zalo/zalo-api-error.js';
import type { ZaloApi } from '../zalo/zalo-api.js';
import type { OutgoingMessage } from './dialog.js';

/** Zalo codes with which a message carrying buttons is refused (invalid parameter / unsupported type). */
const BUTTON_REFUSED_CODES = new Set([-201, -233]);
const BUTTONS_OFF_KEY = 'bot.buttons_disabled';

export interface ReplySender {
  /**
   * Sends one reply message (one Zalo-sized part; the reply outbox splits long texts) to a resident.
   * Throws what `ZaloApi.sendText` throws (`ZaloApiError` after the client's own retries); the
   * outbox decides whether to retry.
   * @returns Zalo's message id (of the last part, should the text still be split)
   */
  deliver(userId: string, message: OutgoingMessage): Promise<string | null>;
  buttonsEnabled(): boolean;
}

/**
 * Sends replies with `ZaloApi.sendText` (purpose 'reply'). Buttons are optional decoration: when Zalo
 * refuses a message with buttons (-201/-233), it is resent as plain text (the text carries the numbered
 * menu) and buttons stay off for good, remembered in the `meta` table across restarts.
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
        sent = await zalo.sendText(userId, message.text, { purpose: 'reply', ...(buttons?.length ? { buttons } : {}) });
      } catch (err) {
        if (!buttons?.length || !(err instanceof ZaloApiError) || !BUTTON_REFUSED_CODES.has(err.code ?? 0)) throw err;
        buttonsOff = true;
        writeFlag.run(BUTTONS_OFF_KEY, '1');
        log.warn({ code: err.code }, 'Zalo refused reply buttons; sending plain numbered menus from now on');
        sent = await zalo.sendText(userId, message.text, { purpose: 'reply' });
      }
      return sent.at(-1)?.messageId ?? null;
    },
    buttonsEnabled: () => !buttonsOff,
  };
}
