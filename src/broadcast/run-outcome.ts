import type { BroadcastRun, DeliveryCounts } from './broadcast-types.js';

/**
 * What a run amounts to for an official, from its status and delivery counts:
 * - `scheduled`, `sending`, `missed`, `cancelled`: the run's own status;
 * - a finished run is `delivered` only when every target received it (skipped groups are shown
 *   but count as not delivered: the message did not reach them), `failed` when no group received
 *   it, and `partial` otherwise (some sent; the rest failed, unknown or skipped).
 * Never "done" on its own: a run where every send failed must not look like a success.
 */
export type RunOutcome = 'scheduled' | 'sending' | 'delivered' | 'partial' | 'failed' | 'missed' | 'cancelled';

export function runOutcome(run: Pick<BroadcastRun, 'status'>, counts: DeliveryCounts): RunOutcome {
  if (run.status !== 'done') return run.status;
  if (counts.sent === 0) return 'failed';
  return counts.sent === counts.total ? 'delivered' : 'partial';
}

/** The badge tone of an outcome: green delivered, amber partial or in progress, red failed or lost. */
export function outcomeTone(outcome: RunOutcome): 'ok' | 'warn' | 'bad' {
  if (outcome === 'delivered') return 'ok';
  if (outcome === 'failed' || outcome === 'missed' || outcome === 'cancelled') return 'bad';
  return 'warn';
}
