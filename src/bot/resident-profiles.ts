import type { Clock } from '../shared/clock.js';
import { hashUserId, type Logger } from '../shared/logger.js';
import type { ZaloApi } from '../zalo/zalo-api.js';
import { ZaloApiError } from '../zalo/zalo-api-error.js';
import type { ResidentRepository } from './resident-repository.js';

const DAY_MS = 24 * 3_600_000;
/** lookups running at once: they share the Zalo rate limit with replies, so they stay few */
const MAX_CONCURRENT_LOOKUPS = 2;

export interface ResidentProfiles {
  /**
   * Queues a background lookup of the resident's Zalo display name (`getUserDetail`) and returns at
   * once; never throws. The lookup is skipped when the name is known, the resident has no row, or a
   * lookup started less than `retryAfterMs` ago (a failed or empty one included). Ignored after `stop()`.
   */
  refresh(userId: string): void;
  /** Resolves when no lookup is queued or running (tests). */
  whenIdle(): Promise<void>;
  /**
   * Graceful shutdown: starts no new lookup (queued ones are dropped and asked again on a later
   * message), lets running ones finish until `deadlineMs`. Resolves true when all finished.
   */
  stop(deadlineMs: number): Promise<boolean>;
}

export interface ResidentProfilesDeps {
  zalo: Pick<ZaloApi, 'getUserDetail'>;
  residents: ResidentRepository;
  clock: Clock;
  log: Logger;
  /** how long after a lookup (successful or not) the next may start; default 24 h */
  retryAfterMs?: number;
}

/**
 * Fills `residents.display_name` best-effort, off the reply path, so officials see residents' Zalo
 * names (e.g. in the hand-off inbox) instead of a pseudonym. A failure is logged (Zalo's code, the
 * hashed user id, never a name) and tried again on a message after `retryAfterMs`. A name arriving
 * after the resident's data was erased (`user_withdraw`) is dropped.
 * @example const profiles = createResidentProfiles({ zalo, residents, clock, log }); profiles.refresh(userId);
 */
export function createResidentProfiles(deps: ResidentProfilesDeps): ResidentProfiles {
  const { zalo, residents, clock, log } = deps;
  const retryAfterMs = deps.retryAfterMs ?? DAY_MS;
  /** user ids waiting for a free lookup slot, oldest first */
  const queued = new Set<string>();
  const running = new Set<Promise<void>>();
  let stopping = false;

  async function lookUp(userId: string): Promise<void> {
    const user = hashUserId(userId);
    try {
      if (!residents.startDisplayNameCheck(userId, clock.now(), retryAfterMs)) return;
      const name = (await zalo.getUserDetail(userId)).displayName?.trim();
      if (!name) return log.debug({ user }, 'Zalo returned no display name for the resident; asked again after a day');
      residents.setDisplayName(userId, name);
      log.debug({ user }, 'resident display name stored');
    } catch (err) {
      const reason =
        err instanceof ZaloApiError ? { code: err.failureCode, hint: err.hint } : { error: (err as Error).message };
      log.warn(
        { user, ...reason },
        'could not fetch the resident’s Zalo display name; the console shows a pseudonym, asked again after a day',
      );
    }
  }

  function pump(): void {
    while (!stopping && running.size < MAX_CONCURRENT_LOOKUPS) {
      const next = queued.values().next();
      if (next.done) return;
      queued.delete(next.value);
      const task: Promise<void> = lookUp(next.value).finally(() => {
        running.delete(task);
        pump();
      });
      running.add(task);
    }
  }

  async function whenIdle(): Promise<void> {
    // a finishing lookup starts the next queued one before its own promise settles
    while (running.size > 0) await Promise.all(running);
  }

  return {
    refresh(userId) {
      if (stopping) return;
      queued.add(userId);
      pump();
    },
    whenIdle,
    async stop(deadlineMs) {
      stopping = true;
      queued.clear();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), deadlineMs);
      });
      const finished = await Promise.race([whenIdle().then(() => true as const), deadline]);
      clearTimeout(timer);
      if (!finished) log.warn({ running: running.size }, 'display-name lookups still running at shutdown; abandoned');
      return finished;
    },
  };
}
