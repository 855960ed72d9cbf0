import type { i18n } from 'i18next';
import type { GroupEventSink } from '../bot/group-event-sink.js';
import type { Config } from '../config/parse-config.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { untilDeadline, type Service } from '../shared/service.js';
import type { Db } from '../storage/open-database.js';
import type { StorageHealth } from '../storage/storage-health.js';
import type { ZaloApi } from '../zalo/zalo-api.js';
import { createApprovalRequestStore } from './approval-request-store.js';
import { createApprovalRequests, type ApprovalRequests } from './approval-requests.js';
import { createApprovalReview } from './approval-review.js';
import { createAuditLog, type AuditLog } from './audit-log.js';
import { createBroadcastScheduler, type BroadcastScheduler } from './broadcast-scheduler.js';
import { createBroadcastSender, type SenderOptions } from './broadcast-sender.js';
import { createCampaignService, type BroadcastSettings, type CampaignService } from './campaign-service.js';
import { createCampaignStore } from './campaign-store.js';
import { createGroupEventSink } from './create-group-event-sink.js';
import { createGroupDirectory, type GroupDirectory } from './group-directory.js';
import { parseQuietHours } from './quiet-hours.js';
import { createRunPlanner } from './run-planner.js';
import { createRunService, type RunService } from './run-service.js';
import { createRunStore, type RunStore } from './run-store.js';

export interface BroadcastOptions extends BroadcastSettings, SenderOptions {
  graceMs: number;
  tickMs: number;
  /** ZALO_RATE_LIMIT_PER_MINUTE: the pace behind a running broadcast's expected finish time */
  rateLimitPerMinute?: number;
  /** APPROVAL_NOTIFY_GROUP_ID: the officials' group told of each "Gửi đề nghị duyệt"; null = off */
  approvalNotifyGroupId?: string | null;
}

/** Broadcast options from the parsed config (BROADCAST_* variables, APPROVAL_NOTIFY_GROUP_ID, TZ_NAME, ZALO_RATE_LIMIT_PER_MINUTE). */
export function broadcastOptionsFromConfig(
  config: Pick<Config, 'timeZone' | 'broadcast'> & { zalo?: Pick<Config['zalo'], 'rateLimitPerMinute'> },
): BroadcastOptions {
  const b = config.broadcast;
  return {
    rateLimitPerMinute: config.zalo?.rateLimitPerMinute,
    approvalNotifyGroupId: b.approvalNotifyGroupId ?? null,
    timeZone: config.timeZone,
    quietHours: parseQuietHours(b.quietHours),
    twoPersonRule: b.twoPersonRule,
    graceMs: b.graceMs,
    tickMs: b.tickMs,
    concurrency: b.concurrency,
    maxAttempts: b.maxAttempts,
    retryBaseMs: 30_000,
    retryCapMs: 15 * 60_000,
    historySkewMs: 60_000,
  };
}

/**
 * Everything broadcast offers the rest of the app (admin API, webhook router, main). As a `Service`
 * it runs the scheduler; `stop(deadline)` waits for a group send in flight until the deadline at most.
 */
export interface Broadcast extends Service {
  directory: GroupDirectory;
  campaigns: CampaignService;
  runs: RunService;
  /** "Gửi đề nghị duyệt": requests, the approvers' list, the officials' group notice */
  approvalRequests: ApprovalRequests;
  /** Raw run and delivery rows, for the console's views. */
  runStore: RunStore;
  audit: AuditLog;
  scheduler: BroadcastScheduler;
  /** Pass to the event router so group webhooks keep the directory current. */
  groupEventSink: GroupEventSink;
  options: BroadcastOptions;
}

/**
 * Wires the broadcast domain over one database and one `ZaloApi`. `main.ts` calls `start()` after
 * listening and `stop(deadline)` on SIGTERM.
 * @example const broadcast = createBroadcast({ db, zalo, clock, log, i18n, options: broadcastOptionsFromConfig(config) });
 */
export function createBroadcast(deps: {
  db: Db;
  zalo: ZaloApi;
  clock: Clock;
  log: Logger;
  i18n: i18n;
  options: BroadcastOptions;
  /** shared storage state: on a full disk the scheduler skips its ticks (one log line a minute) */
  storage?: StorageHealth;
}): Broadcast {
  const { db, zalo, clock, options } = deps;
  const log = deps.log.child({ module: 'broadcast' });
  // Stored reasons are written in Vietnamese, the officials' language.
  const t = deps.i18n.getFixedT('vi');
  const audit = createAuditLog({ db, clock });
  const campaignStore = createCampaignStore(db);
  const runStore = createRunStore(db);
  const requestStore = createApprovalRequestStore(db);
  const directory = createGroupDirectory({
    db,
    zalo,
    clock,
    log,
    audit,
    concurrency: options.concurrency,
    // an official's directory change (tags, kind, sync) that widens an approved audience revokes the approval
    afterChange: (actor) => approvals.review(actor),
  });
  const approvals = createApprovalReview({
    db,
    clock,
    log,
    campaigns: campaignStore,
    audit,
    groups: () => directory.list(),
  });
  const campaigns = createCampaignService({
    db,
    clock,
    campaigns: campaignStore,
    runs: runStore,
    directory,
    audit,
    approvals,
    settings: options,
    t,
    requests: requestStore,
  });
  const approvalRequests = createApprovalRequests({
    db,
    clock,
    log,
    zalo,
    store: requestStore,
    campaigns,
    audit,
    t,
    notifyGroupId: options.approvalNotifyGroupId ?? null,
    historySkewMs: options.historySkewMs,
  });
  const runs = createRunService({
    db,
    clock,
    runs: runStore,
    campaigns: campaignStore,
    audit,
    t,
    timeZone: options.timeZone,
    ratePerMinute: options.rateLimitPerMinute,
  });
  const planner = createRunPlanner({
    db,
    clock,
    log,
    campaigns: campaignStore,
    runs: runStore,
    directory,
    audit,
    approvals,
    settings: options,
    t,
  });
  const sender = createBroadcastSender({ db, zalo, clock, log, runs: runStore, audit, t, options });
  const scheduler = createBroadcastScheduler({
    planner,
    sender,
    log,
    intervalMs: options.tickMs,
    notices: approvalRequests,
    clock,
    storage: deps.storage,
  });
  const groupEventSink = createGroupEventSink({ directory, zalo, audit, clock, log });
  return {
    directory,
    campaigns,
    runs,
    approvalRequests,
    runStore,
    audit,
    scheduler,
    groupEventSink,
    options,
    start: () => scheduler.start(),
    stop: (deadline) => untilDeadline(scheduler.stop(), deadline, clock.now()),
  };
}
