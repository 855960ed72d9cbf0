import type { TFunction } from '../../i18n/create-i18n.js';
import type { FaqSnapshot } from '../../faq/faq-types.js';
import type { DialogInput } from '../dialog.js';
import { answerTimeText } from './answer-time-text.js';
import type { Conversation } from './conversation.js';
import type { ThreadState } from './thread-repository.js';

export interface HandoffTurnsDeps {
  conversation: Conversation;
  t: TFunction;
  /** Config.timeZone: office hours are read in it */
  timeZone: string;
  /** a thread started waiting for an official (the officials' group notice) */
  onWaiting?: (userId: string, now: number) => void;
}

/** The thread bookkeeping of one resident turn: what the dialog records and which state it answers in. */
export interface HandoffTurns {
  /** The thread message of an inbox event: its text, or a line for non-text. Undefined for a follow. */
  lineOf(input: DialogInput): string | null | undefined;
  /** Records the resident's message once per `source`; false when a re-run event was recorded already. */
  record(userId: string, input: DialogInput, source: string | undefined, now: number): boolean;
  /** Who owns the conversation; a 'waiting' thread whose request was closed elsewhere is the bot's again. */
  ownerOf(userId: string, now: number): ThreadState;
  /** A request (or a safety case) was made: the thread waits and the officials hear of it once. */
  requested(userId: string, urgent: boolean, now: number): void;
  /** The message right after a request, when the thread waits for it. */
  takesSubject(userId: string): boolean;
  /** "trong giờ làm việc hôm nay" / "từ 7:30 thứ Hai 08/12": when officials answer. */
  whenText(snapshot: FaqSnapshot, now: number): string;
}

/** Resident-side hand-off bookkeeping shared by the FAQ dialog's turns (docs/handoff.md). */
export function createHandoffTurns(deps: HandoffTurnsDeps): HandoffTurns {
  const { conversation, t } = deps;
  const { threads, handoffs } = conversation;
  const lineOf = (input: DialogInput): string | null | undefined => {
    if (input.kind === 'follow') return undefined;
    if (input.kind === 'text') return input.text.trim();
    return t('dialog:handoffReply.nonText', { kind: input.eventName.replace(/^user_send_/, '') });
  };
  return {
    lineOf,
    record(userId, input, source, now) {
      const text = lineOf(input);
      if (text === undefined) return true;
      return conversation.recordResident(userId, { text, source }, now);
    },
    ownerOf(userId, now) {
      const state = conversation.stateOf(userId);
      if (state !== 'waiting' || handoffs.openOf(userId)) return state;
      threads.setState(userId, 'bot', now);
      return 'bot';
    },
    requested(userId, urgent, now) {
      const before = conversation.stateOf(userId);
      conversation.requested(userId, urgent, now);
      if (before === 'bot') deps.onWaiting?.(userId, now);
    },
    takesSubject(userId) {
      const awaiting = threads.get(userId)?.awaitingSubject ?? false;
      if (awaiting) threads.setAwaitingSubject(userId, false);
      return awaiting;
    },
    whenText: (snapshot, now) => answerTimeText(snapshot.handoff, deps.timeZone, now, t),
  };
}
