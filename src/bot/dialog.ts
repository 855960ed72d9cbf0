import type { ZaloButton } from '../zalo/zalo-api.js';

/**
 * The conversation seam between the event router (bot/handle-event.ts) and the FAQ dialog
 * (bot/dialog/*). The router turns Zalo events into `DialogInput`s and sends what `respond` returns;
 * the dialog never sees HTTP or Zalo payloads. `npm run ask` drives the same `Dialog`.
 */
export type DialogInput =
  | { kind: 'follow' }
  | { kind: 'text'; text: string }
  /** image, sticker, audio, location … : anything the bot cannot read */
  | { kind: 'unsupported'; eventName: string };

export interface OutgoingMessage {
  text: string;
  /** Optional quick buttons; the text must still carry a numbered menu that works without them. */
  buttons?: ZaloButton[];
}

/** What the dialog decided, for the `ask` CLI, the question log and tests. */
export interface DialogOutcome {
  kind: 'answer' | 'suggestions' | 'smalltalk' | 'fallback' | 'menu' | 'handoff' | 'silent' | 'flood';
  /** node id for answer/smalltalk/menu */
  id?: string;
  score?: number;
}

export interface DialogReply {
  messages: OutgoingMessage[];
  outcome: DialogOutcome;
}

/** Which delivery a turn answers: a retry of the same inbox event is the same turn, not a new message. */
export interface DialogTurn {
  eventId?: number;
}

export interface Dialog {
  /**
   * Answers one input of one resident. `now` is epoch ms (validity dates, windows, flood limit).
   * `turn.eventId` (the inbox event) makes a retried turn count once toward the flood limit.
   */
  respond(userId: string, input: DialogInput, now: number, turn?: DialogTurn): Promise<DialogReply>;
  /** A human admin wrote to this resident from the OA chat: stay quiet for a while. */
  noteHumanReply(userId: string, now: number): void;
  /**
   * An official wrote to this resident (an OA-chat echo with `admin_id`): it lands in the thread
   * once per `source` and the official owns the conversation (the bot is silent) until it is closed
   * or goes quiet. Dialogs without threads leave it out (the router then calls `noteHumanReply`).
   */
  officialWrote?(userId: string, input: { actor: string; text: string | null; source?: string }, now: number): void;
}
