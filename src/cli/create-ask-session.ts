import type { TFunction } from '../i18n/create-i18n.js';
import type { DialogOutcome } from '../bot/dialog.js';
import { createFaqDialog } from '../bot/dialog/create-faq-dialog.js';
import type { FaqStore } from '../faq/faq-types.js';
import { createHouseholdFlow } from '../household/create-household-flow.js';
import type { Logger } from '../shared/logger.js';
import { openDatabase } from '../storage/open-database.js';

export type AskKind = 'answer' | 'suggestions' | 'smalltalk' | 'fallback';

/** The `npm run ask -- --json` line (design.md contract). */
export interface AskLine {
  question: string;
  kind: AskKind;
  id: string | null;
  score: number | null;
  text: string;
}

/** The dialog's richer outcome folded into the contract's four kinds. */
const ASK_KIND: Record<DialogOutcome['kind'], AskKind> = {
  answer: 'answer',
  suggestions: 'suggestions',
  menu: 'suggestions',
  smalltalk: 'smalltalk',
  handoff: 'smalltalk',
  fallback: 'fallback',
  silent: 'fallback',
  flood: 'fallback',
};

export interface AskSession {
  /** One message of resident `userId`'s conversation, answered as in chat; residents do not share state. */
  ask(userId: string, question: string): Promise<AskLine>;
  /** Closes the in-memory database (the caller closes `faq`). */
  close(): void;
}

/**
 * The dialog behind `npm run ask` (and `npm run eval:facts`): the same FAQ dialog as the webhook,
 * on an in-memory database, with no flood limit and no buttons, answering as at `now()`.
 * Each distinct `userId` is a fresh resident; repeated calls with one id continue that conversation.
 */
export function createAskSession(deps: { faq: FaqStore; t: TFunction; log: Logger; now: () => number }): AskSession {
  const db = openDatabase(':memory:');
  const dialog = createFaqDialog({
    faq: deps.faq,
    db,
    t: deps.t,
    log: deps.log,
    options: { buttons: false, flood: { max: Infinity, windowMs: 1 } },
    household: createHouseholdFlow(),
  });
  return {
    async ask(userId, question) {
      const reply = await dialog.respond(userId, { kind: 'text', text: question }, deps.now());
      return {
        question,
        kind: ASK_KIND[reply.outcome.kind],
        id: reply.outcome.id ?? null,
        score: reply.outcome.score ?? null,
        text: reply.messages.map((m) => m.text).join('\n\n'),
      };
    },
    close: () => db.close(),
  };
}
