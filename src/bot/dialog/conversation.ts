import type { Db } from '../../storage/open-database.js';
import { createHandoffRepository, type Handoff, type HandoffRepository } from './handoff-repository.js';
import { createThreadRepository, type Thread, type ThreadRepository } from './thread-repository.js';

/** How an official ends a hand-off: it was answered, or the conversation simply goes back to the bot. */
export type FinishHow = 'answered' | 'returned';

export interface Conversation {
  threads: ThreadRepository;
  handoffs: HandoffRepository;
  /** A resident's message lands in the thread (once per `source`); unread when `unanswered`. */
  residentWrote(
    userId: string,
    input: { text: string | null; source?: string; unanswered: boolean },
    now: number,
  ): void;
  /** The bot's replies to one inbox event. */
  botSaid(userId: string, texts: readonly string[], source: string | undefined, now: number): void;
  /** A hand-off request (or a safety case): the thread waits for an official unless one owns it. */
  requested(userId: string, urgent: boolean, now: number): void;
  /** An official wrote (console or OA chat): the thread is theirs and the bot stays silent. */
  officialWrote(userId: string, input: { actor: string; text: string | null; source?: string }, now: number): void;
  /** An official takes the thread, or gives it to another official. */
  assign(userId: string, to: string, actor: string, now: number): void;
  /** Ends the hand-off and gives the conversation back to the bot. */
  finish(userId: string, how: FinishHow, actor: string, now: number): Handoff | undefined;
  /** Returns the thread to the bot when no official wrote for `quietMs`; true when it did. */
  expireIfQuiet(userId: string, now: number, quietMs: number): boolean;
  /** The thread's state now ('bot' when the resident has none). */
  stateOf(userId: string): Thread['state'];
  /** A resident's message lands in the thread (never marked unread here); false when `source` was recorded already. */
  recordResident(userId: string, input: { text: string | null; source?: string }, now: number): boolean;
}

/**
 * The conversation model shared by the dialog (resident side) and the console (officials' side):
 * one thread per resident with explicit states bot → waiting / official → bot, and the hand-off
 * request that goes with them. `keepText` false (MESSAGE_RETENTION_DAYS=0) stores no message text.
 */
export function createConversation(db: Db, options: { keepText: boolean }): Conversation {
  const threads = createThreadRepository(db);
  const handoffs = createHandoffRepository(db);
  const keep = (text: string | null): string | null => (options.keepText ? text : null);
  const tx = <A extends unknown[], R>(fn: (...args: A) => R) => db.transaction(fn);

  const toBot = (userId: string, event: 'answered' | 'returned' | 'timeout', actor: string | null, now: number) => {
    threads.setState(userId, 'bot', now, { assignedTo: null });
    threads.markRead(userId);
    threads.add({ userId, kind: 'event', event, actor, now });
  };

  return {
    threads,
    handoffs,
    residentWrote: tx(
      (userId: string, input: { text: string | null; source?: string; unanswered: boolean }, now: number) => {
        const added = threads.add({ userId, kind: 'resident', text: keep(input.text), source: input.source, now });
        if (added && input.unanswered) threads.markUnread(userId);
      },
    ),
    botSaid: tx((userId: string, texts: readonly string[], source: string | undefined, now: number) => {
      texts.forEach((text, i) => {
        threads.add({ userId, kind: 'bot', text: keep(text), ...(source && { source: `${source}:${i}` }), now });
      });
    }),
    requested: tx((userId: string, urgent: boolean, now: number) => {
      const state = threads.get(userId)?.state ?? 'bot';
      if (state === 'bot') threads.setState(userId, 'waiting', now);
      threads.add({ userId, kind: 'event', event: urgent ? 'urgent' : 'request', now });
    }),
    officialWrote: tx((userId: string, input: { actor: string; text: string | null; source?: string }, now: number) => {
      const added = threads.add({
        userId,
        kind: 'official',
        text: keep(input.text),
        actor: input.actor,
        source: input.source,
        now,
      });
      if (!added) return;
      const thread = threads.get(userId)!;
      threads.setState(userId, 'official', now, { assignedTo: thread.assignedTo ?? input.actor });
      threads.noteOfficial(userId, now);
      threads.markRead(userId);
      handoffs.noteReply(userId, input.actor, now);
    }),
    assign: tx((userId: string, to: string, actor: string, now: number) => {
      threads.setState(userId, 'official', now, { assignedTo: to });
      threads.noteOfficial(userId, now);
      handoffs.assign(userId, to);
      threads.add({ userId, kind: 'event', event: 'assigned', actor: to === actor ? to : `${actor} → ${to}`, now });
    }),
    finish: tx((userId: string, how: FinishHow, actor: string, now: number) => {
      const closed = handoffs.finish(userId, actor, now);
      toBot(userId, how, actor, now);
      return closed;
    }),
    expireIfQuiet: tx((userId: string, now: number, quietMs: number) => {
      const thread = threads.get(userId);
      if (thread?.state !== 'official' || (thread.lastOfficialAt ?? 0) + quietMs > now) return false;
      handoffs.finish(userId, 'bot', now);
      toBot(userId, 'timeout', null, now);
      return true;
    }),
    stateOf: (userId) => threads.get(userId)?.state ?? 'bot',
    recordResident: (userId, input, now) =>
      threads.add({ userId, kind: 'resident', text: keep(input.text), source: input.source, now }),
  };
}
