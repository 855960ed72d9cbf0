import type { TFunction } from '../i18n/create-i18n.js';
import type { Db } from '../storage/open-database.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { ApprovalReview } from './approval-review.js';
import { SYSTEM_ACTOR, type AuditLog } from './audit-log.js';
import type { CampaignStore } from './campaign-store.js';
import type { BroadcastSettings } from './campaign-service.js';
import { skipReason } from './delivery-reason.js';
import type { GroupDirectory } from './group-directory.js';
import { nextOccurrence } from './next-occurrence.js';
import { releaseTime } from './quiet-hours.js';
import { resolveAudience } from './resolve-audience.js';
import type { RunStore } from './run-store.js';

/** Occurrences turned into runs per campaign per tick at most: a long outage catches up over ticks. */
const MAX_OCCURRENCES_PER_TICK = 500;

export interface RunPlanner {
  /**
   * Creates a run for every occurrence of every approved campaign up to now (idempotent: unique
   * campaign × due time), marking runs whose release time is older than the grace window as missed.
   * Campaigns with no occurrence left and no open run become completed.
   */
  createDueRuns(): number;
  /**
   * Starts runs whose release time has come, if the campaign's approval still covers its content and
   * audience (otherwise the campaign goes back to draft and the run waits): resolves the audience and writes every delivery
   * (pending, or skipped with the reason) with the content snapshot, in one transaction.
   * A run released later than the grace window is marked missed instead.
   */
  releaseDueRuns(): number[];
}

/** Creates the planner half of the scheduler (the sender does the sending). */
export function createRunPlanner(deps: {
  db: Db;
  clock: Clock;
  log: Logger;
  campaigns: CampaignStore;
  runs: RunStore;
  directory: GroupDirectory;
  audit: AuditLog;
  /** checked on every tick and again just before a run is released */
  approvals: ApprovalReview;
  settings: BroadcastSettings & { graceMs: number };
  t: TFunction;
}): RunPlanner {
  const { db, clock, log, campaigns, runs, directory, audit, approvals, settings, t } = deps;
  const { timeZone, quietHours, graceMs } = settings;

  return {
    createDueRuns() {
      // group webhooks (a re-enabled group) change the directory too: revoke what they widened
      approvals.review(SYSTEM_ACTOR);
      const now = clock.now();
      let created = 0;
      for (const c of campaigns.approved()) {
        db.transaction(() => {
          let cursor = c.cursorAt ?? c.approvedAt ?? now;
          let next = nextOccurrence(c.schedule, cursor, timeZone, c.approvedAt);
          for (let i = 0; next !== null && next <= now && i < MAX_OCCURRENCES_PER_TICK; i++) {
            const releaseAt = releaseTime(next, quietHours, timeZone);
            const missed = now - releaseAt > graceMs;
            if (
              runs.createRun({ campaignId: c.id, dueAt: next, releaseAt, status: missed ? 'missed' : 'scheduled' }, now)
            ) {
              created++;
              if (missed) {
                audit.record({
                  actor: SYSTEM_ACTOR,
                  action: 'run.missed',
                  campaignId: c.id,
                  details: { dueAt: next, releaseAt, graceMs },
                });
                log.warn(
                  { campaignId: c.id, dueAt: new Date(next).toISOString() },
                  'broadcast run missed: the server was down longer than BROADCAST_GRACE_HOURS',
                );
              }
            }
            cursor = next;
            next = nextOccurrence(c.schedule, cursor, timeZone, c.approvedAt);
          }
          const exhausted = next === null && !runs.hasOpenRuns(c.id);
          campaigns.save({
            ...c,
            cursorAt: cursor,
            status: exhausted ? 'completed' : c.status,
            updatedAt: exhausted ? now : c.updatedAt,
          });
          if (exhausted) audit.record({ actor: SYSTEM_ACTOR, action: 'campaign.complete', campaignId: c.id });
        })();
      }
      return created;
    },
    releaseDueRuns() {
      const now = clock.now();
      const started: number[] = [];
      for (const run of runs.releasableRuns(now)) {
        const c = campaigns.get(run.campaignId)!;
        if (now - run.releaseAt > graceMs) {
          db.transaction(() => {
            runs.setRunStatus(run.id, 'missed', now);
            audit.record({
              actor: SYSTEM_ACTOR,
              action: 'run.missed',
              campaignId: c.id,
              runId: run.id,
              details: { releaseAt: run.releaseAt, graceMs },
            });
          })();
          continue;
        }
        // the last word: never send content or groups the approver did not see
        if (!approvals.holds(c, SYSTEM_ACTOR)) continue;
        const targets = resolveAudience(c.audience, directory.list()).map((x) => ({
          groupId: x.groupId,
          groupName: x.name,
          skip: x.skip ? { code: x.skip, reason: skipReason(t, x.skip) } : null,
        }));
        db.transaction(() => {
          runs.startRun(run.id, { text: c.text, imageUrl: c.imageUrl }, targets, now);
          audit.record({
            actor: SYSTEM_ACTOR,
            action: 'run.start',
            campaignId: c.id,
            runId: run.id,
            details: {
              targets: targets.length,
              skipped: targets.filter((x) => x.skip).length,
              approvedBy: c.approvedBy,
            },
          });
        })();
        log.info({ campaignId: c.id, runId: run.id, targets: targets.length }, 'broadcast run started');
        started.push(run.id);
      }
      return started;
    },
  };
}
