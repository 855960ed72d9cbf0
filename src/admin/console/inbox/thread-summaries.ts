import type { TFunction } from 'i18next';
import type { Handoff, HandoffRepository } from '../../../bot/dialog/handoff-repository.js';
import type { Thread, ThreadRepository } from '../../../bot/dialog/thread-repository.js';
import type { ResidentRepository } from '../../../bot/resident-repository.js';
import { hashUserId } from '../../../shared/logger.js';
import { replyWindow, type ReplyWindow } from './reply-window.js';

/** One row of the conversations list: a thread (or an open request from before threads existed). */
export interface ThreadSummary {
  userId: string;
  /** the resident's given name (last word of the Zalo name), or a pseudonym */
  name: string;
  state: Thread['state'];
  urgent: boolean;
  unread: number;
  assignedTo: string | null;
  /** when the oldest message or request nobody answered arrived (null: nothing waits) */
  waitingSince: number | null;
  window: ReplyWindow;
  handoff: Handoff | undefined;
  floodLimitedAt: number | null;
}

export interface ThreadSources {
  threads: ThreadRepository;
  handoffs: HandoffRepository;
  residents: ResidentRepository;
}

/** The name officials see: the given name (Vietnamese names end with it), else a stable pseudonym. */
export function residentName(t: TFunction, residents: ResidentRepository, userId: string): string {
  const full = residents.get(userId)?.displayName?.trim();
  const given = full ? full.split(/\s+/).at(-1) : undefined;
  return given || t('inbox.anonymous', { id: hashUserId(userId).slice(0, 6) });
}

const RANK: Record<Thread['state'], number> = { waiting: 1, official: 2, bot: 3 };

/** Urgent (safety) first, then waiting, then with an official, then unread with the bot; the longest waiting first. */
function compare(a: ThreadSummary, b: ThreadSummary): number {
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  if (a.state !== b.state) return RANK[a.state] - RANK[b.state];
  return (a.waitingSince ?? Infinity) - (b.waitingSince ?? Infinity);
}

/** One thread's summary; undefined when the resident has neither a thread nor an open request. */
export function summarize(t: TFunction, src: ThreadSources, userId: string, now: number): ThreadSummary | undefined {
  const thread = src.threads.get(userId);
  const handoff = src.handoffs.openOf(userId);
  if (!thread && !handoff) return undefined;
  const unanswered = thread ? src.threads.waitingSince(userId) : null;
  const since = [unanswered, handoff && !handoff.answeredAt ? handoff.createdAt : null].filter(
    (x): x is number => x != null,
  );
  const resident = src.residents.get(userId);
  return {
    userId,
    name: residentName(t, src.residents, userId),
    state: thread?.state ?? 'waiting',
    urgent: handoff?.urgent ?? false,
    unread: thread?.unread ?? 0,
    assignedTo: thread?.assignedTo ?? handoff?.assignedTo ?? null,
    waitingSince: since.length > 0 ? Math.min(...since) : null,
    window: replyWindow(resident?.lastInteractionAt ?? null, handoff?.createdAt ?? 0, now),
    handoff,
    floodLimitedAt: thread?.floodLimitedAt ?? null,
  };
}

/** Every conversation that needs an official, in the order they should be answered. */
export function listThreads(t: TFunction, src: ThreadSources, now: number): ThreadSummary[] {
  const ids = new Set([
    ...src.threads.listActive().map((x) => x.userId),
    ...src.handoffs.listOpen().map((h) => h.userId),
  ]);
  return [...ids].flatMap((id) => summarize(t, src, id, now) ?? []).sort(compare);
}

/** "12 phút", "3 giờ", "2 ngày": how long something has waited, rounded down. */
export function formatDuration(t: TFunction, ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return t('threads.duration.minutes', { count: minutes });
  if (minutes < 48 * 60) return t('threads.duration.hours', { count: Math.floor(minutes / 60) });
  return t('threads.duration.days', { count: Math.floor(minutes / (24 * 60)) });
}
