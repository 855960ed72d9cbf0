import type { Config } from '../config/parse-config.js';
import type { RateLimitState } from '../zalo/rate-limiter.js';

/** What the main thread gives the bot worker at its start (structured-cloned; the rate state is shared). */
export interface BotWorkerData {
  config: Config;
  /** the OpenAPI base URL (the sandbox simulator's in sandbox mode) */
  openapiUrl: string;
  /** the main thread's Zalo rate counter, so both threads' clients share one per-minute budget */
  rateLimitState: RateLimitState;
}

/**
 * main → worker: an event for `userKey` is stored; a reply for `userId` is stored (the console, the
 * hand-off jobs); or drain and close by `deadline` (epoch ms)
 */
export type BotWorkerCommand =
  { type: 'wake'; userKey: string } | { type: 'deliver'; userId: string } | { type: 'stop'; deadline: number };
/** worker → main: built and running; or drained and closed */
export type BotWorkerNotice = { type: 'started' } | { type: 'stopped' };

export function isBotWorkerCommand(message: unknown): message is BotWorkerCommand {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'wake' || type === 'deliver' || type === 'stop';
}

export function isBotWorkerNotice(message: unknown): message is BotWorkerNotice {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'started' || type === 'stopped';
}
