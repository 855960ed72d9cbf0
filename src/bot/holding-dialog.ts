import type { TFunction } from '../i18n/create-i18n.js';
import type { Dialog } from './dialog.js';

/**
 * A stand-in `Dialog` for when no FAQ dialog is wired: a welcome on follow, a polite holding reply
 * to text, a "text only, please" to anything else; texts from `locales/<lang>/bot.json`.
 * `t` must already be in the resident's language (Vietnamese by default).
 */
export function createHoldingDialog(t: TFunction): Dialog {
  return {
    async respond(_userId, input) {
      switch (input.kind) {
        case 'follow':
          return { messages: [{ text: t('bot:holding.welcome') }], outcome: { kind: 'smalltalk' } };
        case 'text':
          return { messages: [{ text: t('bot:holding.reply') }], outcome: { kind: 'fallback' } };
        case 'unsupported':
          return { messages: [{ text: t('bot:holding.unsupported') }], outcome: { kind: 'fallback' } };
      }
    },
    noteHumanReply() {},
  };
}
