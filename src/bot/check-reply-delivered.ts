import type { OutboundRepository } from '../zalo/outbound-repository.js';
import { AUTH_ZALO_CODES, RETRYABLE_ZALO_CODES } from '../zalo/retry-policy.js';
import { ZaloApiError } from '../zalo/zalo-api-error.js';
import type { ZaloApi, ZaloChatMessage } from '../zalo/zalo-api.js';
import type { ReplyEchoStore } from './reply-echo-store.js';

/** What Zalo's records say about one reply whose send outcome is unknown. */
export type ReplyVerdict =
  | { kind: 'sent'; messageId: string; via: 'echo' | 'conversation' }
  | { kind: 'not_sent' }
  | {
      kind: 'unsettled';
      why: 'history_unavailable' | 'history_incomplete';
      /** the conversation API refuses for good (permission, package): asking again will not help */
      permanent: boolean;
      code?: string;
      /** history_incomplete: the conversation offset the lookup stopped at (where the next one may go on) */
      readTo?: number;
    };

export interface ReplyToCheck {
  userId: string;
  text: string;
  /** the unknown send started at this time (epoch ms); earlier messages are not it */
  since: number;
  /** message ids other replies already own (they are not this one) */
  knownMessageIds: ReadonlySet<string>;
  /**
   * Where an earlier lookup of this reply stopped (0: from the newest message). Sound only when that
   * lookup ran after the send could still appear: messages are only added on top, so what it read
   * without a match stays above this offset. The lookup starts one page earlier (a recalled message).
   */
  fromOffset?: number;
}

/** Settles one reply: sent (with Zalo's message id), provably not sent, or still unsettled. */
export type ReplyDeliveryCheck = (reply: ReplyToCheck) => Promise<ReplyVerdict>;

const normalize = (s: string): string => s.normalize('NFC').replace(/\r\n/g, '\n').trim();

/**
 * Looks for a reply the outbox could not confirm, first among the `oa_send_text` echoes the webhook
 * recorded (local, no call), then in Zalo's conversation with the resident (`/v2.0/oa/conversation`,
 * newest first, 10 per page, like the broadcast sender's group history): an OA message (src 0) at or
 * after `since - skewMs` with exactly this text and a message id no other reply (nor any send the
 * client recorded in `outbound_messages`) owns. Found → sent; none with the history read back past
 * that time → not sent; an unreadable history or more than `maxPages` pages → unsettled (with where it
 * stopped, so the next lookup can go on from there: `fromOffset`). The history
 * holds both directions and reaches `skewMs` further back, so a busy resident's minute fills many
 * pages: the default reads up to 300 messages (a reply is looked up only when its outcome is unknown).
 * @example const check = createReplyDeliveryCheck({ zalo, echoes, outbound }); await check({ userId, text, since, knownMessageIds });
 */
export function createReplyDeliveryCheck(deps: {
  zalo: ZaloApi;
  echoes: ReplyEchoStore;
  outbound: OutboundRepository;
  /** clock difference tolerated between this server and Zalo; default 60 s */
  skewMs?: number;
  pageSize?: number;
  maxPages?: number;
}): ReplyDeliveryCheck {
  const { zalo, echoes, outbound, skewMs = 60_000, pageSize = 10, maxPages = 30 } = deps;
  return async ({ userId, text, since, knownMessageIds, fromOffset = 0 }) => {
    const from = since - skewMs;
    const known = new Set([...knownMessageIds, ...outbound.messageIdsToUser(userId, from)]);
    const echoed = echoes.find(userId, text, since, known);
    if (echoed) return { kind: 'sent', messageId: echoed, via: 'echo' };

    const wanted = normalize(text);
    const isIt = (m: ZaloChatMessage): boolean =>
      m.src === 0 && m.time >= from && m.text !== undefined && normalize(m.text) === wanted && !known.has(m.messageId);
    const start = Math.max(0, fromOffset - pageSize);
    for (let page = 0; page < maxPages; page++) {
      let messages: ZaloChatMessage[];
      try {
        messages = await zalo.getUserConversation(userId, { offset: start + page * pageSize, count: pageSize });
      } catch (err) {
        const code = err instanceof ZaloApiError ? err.failureCode : undefined;
        return { kind: 'unsettled', why: 'history_unavailable', permanent: refusesForGood(err), code };
      }
      // newest first: the last match on the page is the oldest one, the send in question
      const match = messages.filter(isIt).at(-1);
      if (match) return { kind: 'sent', messageId: match.messageId, via: 'conversation' };
      if (messages.length < pageSize || messages.some((m) => m.time < from)) return { kind: 'not_sent' };
    }
    return { kind: 'unsettled', why: 'history_incomplete', permanent: false, readTo: start + maxPages * pageSize };
  };
}

/** A Zalo refusal that will not change by asking again: a missing permission, package or API. */
function refusesForGood(err: unknown): boolean {
  if (!(err instanceof ZaloApiError) || err.kind !== 'api' || err.code === null) return false;
  return !RETRYABLE_ZALO_CODES.has(err.code) && !AUTH_ZALO_CODES.has(err.code);
}
