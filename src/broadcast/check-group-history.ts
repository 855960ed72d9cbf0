import type { ZaloApi, ZaloGroupChatMessage } from '../zalo/zalo-api.js';

/** What a group's recent history says about one send. */
export type HistoryVerdict =
  | { kind: 'sent'; messageId: string }
  | { kind: 'not_sent' }
  | { kind: 'unsettled'; why: 'history_unavailable' | 'ambiguous' | 'history_incomplete' };

const normalize = (s: string) => s.normalize('NFC').replace(/\r\n/g, '\n').trim();

/**
 * Looks for the OA's own message (src 0) sent at or after `sinceMs` in the group's recent history
 * (newest first, paged): with exactly this text, or for an image (whose caption the history does
 * not return) any OA media message. One match → sent with its message id; none, with
 * the history read back past `sinceMs` → not sent; several candidates, an unreadable history, or
 * more pages than `maxPages` → unsettled (an official must look; never resend on a guess).
 * `knownMessageIds` are ids other deliveries already own (same text sent by another run), ignored.
 */
export async function checkGroupHistory(
  zalo: ZaloApi,
  groupId: string,
  message: { text: string; imageUrl?: string | null },
  sinceMs: number,
  options: { knownMessageIds?: ReadonlySet<string>; pageSize?: number; maxPages?: number } = {},
): Promise<HistoryVerdict> {
  // Zalo serves at most 10 messages per conversation page.
  const { knownMessageIds = new Set<string>(), pageSize = 10, maxPages = 10 } = options;
  const wanted = normalize(message.text);
  const sameContent = (m: ZaloGroupChatMessage): boolean =>
    message.imageUrl ? m.type !== 'text' : m.text !== undefined && normalize(m.text) === wanted;
  const matches: string[] = [];
  for (let page = 0; page < maxPages; page++) {
    let messages;
    try {
      messages = await zalo.getGroupConversation(groupId, { offset: page * pageSize, count: pageSize });
    } catch {
      return { kind: 'unsettled', why: 'history_unavailable' };
    }
    for (const m of messages) {
      if (m.src === 0 && m.time >= sinceMs && sameContent(m) && !knownMessageIds.has(m.messageId)) {
        matches.push(m.messageId);
      }
    }
    const reachedPast = messages.length < pageSize || messages.some((m) => m.time < sinceMs);
    if (reachedPast) {
      if (matches.length === 1) return { kind: 'sent', messageId: matches[0]! };
      return matches.length === 0 ? { kind: 'not_sent' } : { kind: 'unsettled', why: 'ambiguous' };
    }
  }
  return { kind: 'unsettled', why: matches.length > 1 ? 'ambiguous' : 'history_incomplete' };
}
