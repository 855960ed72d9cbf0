/** Zalo allows 1:1 customer-service messages within 7 days of the resident's last interaction. */
export const REPLY_WINDOW_MS = 7 * 24 * 3600_000;
/** From this close to the end, the console warns. */
export const REPLY_WINDOW_WARN_MS = 24 * 3600_000;

export type ReplyWindow =
  | { state: 'open'; closesAt: number }
  | { state: 'closing'; closesAt: number; hoursLeft: number }
  | { state: 'closed'; closesAt: number }
  /** no interaction and no request recorded: nothing to count the 7 days from */
  | { state: 'none' };

/**
 * Where a resident stands in the 7-day reply window. The window starts at the later of the last
 * recorded interaction and the hand-off request itself (asking is an interaction). With neither
 * recorded there is no window to show ('none'), never one that ended in 1970.
 */
export function replyWindow(lastInteractionAt: number | null, requestedAt: number | null, now: number): ReplyWindow {
  const from = Math.max(lastInteractionAt ?? 0, requestedAt ?? 0);
  if (from <= 0) return { state: 'none' };
  const closesAt = from + REPLY_WINDOW_MS;
  if (now >= closesAt) return { state: 'closed', closesAt };
  if (closesAt - now <= REPLY_WINDOW_WARN_MS) {
    return { state: 'closing', closesAt, hoursLeft: Math.max(1, Math.floor((closesAt - now) / 3600_000)) };
  }
  return { state: 'open', closesAt };
}
