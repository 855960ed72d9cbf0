import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Service } from '../shared/service.js';
import { deleteUserData } from '../storage/delete-user-data.js';
import type { Db } from '../storage/open-database.js';
import type { StorageHealth } from '../storage/storage-health.js';
import type { InboxWriter } from '../zalo/webhook-router.js';
import { createOutboundRepository } from '../zalo/outbound-repository.js';
import type { ZaloApi } from '../zalo/zalo-api.js';
import { acceptWithEchoes } from './accept-with-echoes.js';
import { createReplyDeliveryCheck } from './check-reply-delivered.js';
import type { Dialog } from './dialog.js';
import { startQuestionPurge } from './dialog/purge-question-texts.js';
import type { GroupEventSink } from './group-event-sink.js';
import { createEventHandler } from './handle-event.js';
import { createInboxProcessor, type InboxProcessor } from './inbox-processor.js';
import { createInboxStore, type InboxStore } from './inbox-store.js';
import { createOwnMessageCheck } from './own-message-check.js';
import { createReplyEchoStore } from './reply-echo-store.js';
import { createReplyOutbox, type ReplyOutbox, type ReplyOutboxOptions } from './reply-outbox.js';
import { createReplySender } from './reply-sender.js';
import { createResidentProfiles, type ResidentProfiles } from './resident-profiles.js';
import { createResidentRepository, type ResidentRepository } from './resident-repository.js';

const DAY_MS = 24 * 3_600_000;
const DEFAULT_RETENTION_DAYS = 90;

export interface BotOptions {
  /** MESSAGE_RETENTION_DAYS: raw inbox bodies, finished replies and question texts; default 90 */
  messageRetentionDays?: number;
  /** LOG_MESSAGE_TEXT: log residents' message texts */
  logMessageText?: boolean;
  /** the reply outbox's timings (backoff, max age, reconciliation); default production values */
  replies?: Omit<ReplyOutboxOptions, 'retentionMs'>;
  /** the inbox processor's waits before each retry of a failing event; default production values */
  retryDelaysMs?: number[];
  /**
   * false: this instance only accepts (the webhook's thread) and another one, over its own
   * connection, processes; accepted events are then not kept in memory for a processor here
   */
  processesHere?: boolean;
}

export interface BotDeps {
  db: Db;
  /** the reply client (its own retries, rate limit and token refresh) */
  zalo: ZaloApi;
  clock: Clock;
  log: Logger;
  /** shared storage state (full disk): processing and sending pause until it says to try again */
  storage?: StorageHealth;
  /**
   * the conversation; told whether reply buttons still work (Zalo may have refused them for good),
   * given the outbox and the residents it may need
   */
  dialog: (parts: { buttonsEnabled: boolean; outbox: ReplyOutbox; residents: ResidentRepository }) => Dialog;
  /** OA group lifecycle events go here when a groups directory is wired */
  groupEvents?: GroupEventSink;
  /** the thread line of an official's non-text OA-chat message (default `[<kind>]`) */
  nonTextLine?: (kind: string) => string;
  options?: BotOptions;
}

/** The resident side of the app: what the webhook hands over to, and what answers and replies. */
export interface Bot extends Service {
  /** the webhook's hand-over: the durable insert (with any `oa_send_text` echo, same transaction) */
  accept: InboxWriter;
  inbox: InboxStore;
  processor: InboxProcessor;
  outbox: ReplyOutbox;
  /** the background display-name lookups started after each reply */
  profiles: ResidentProfiles;
  residents: ResidentRepository;
  dialog: Dialog;
}

/**
 * Wires the resident side over one database and one `ZaloApi`: the durable inbox and its processor,
 * the event router and dialog, the reply outbox (with its delivery check over the echoes and Zalo's
 * conversation), display-name lookups and the question-text purge. `start()` resumes pending events
 * and replies; `stop(deadline)` drains running events, then running sends and lookups.
 * @example const bot = createBot({ db, zalo, clock, log, storage, dialog: ({ buttonsEnabled }) => createHoldingDialog(t) });
 */
export function createBot(deps: BotDeps): Bot {
  const { db, zalo, clock, log, storage } = deps;
  const options = deps.options ?? {};
  const retentionMs = options.messageRetentionDays === undefined ? undefined : options.messageRetentionDays * DAY_MS;
  const sender = createReplySender({ zalo, db, log });
  // Zalo's oa_send_text echoes, recorded as the webhook stores them: evidence for an unclear send
  const echoes = createReplyEchoStore(db);
  // replies are stored before their event is marked done, and sent (or retried) from there; a send
  // whose outcome is unknown is checked against the echoes and Zalo's conversation before any resend
  const outbox = createReplyOutbox({
    db,
    sender,
    check: createReplyDeliveryCheck({ zalo, echoes, outbound: createOutboundRepository(db) }),
    storage,
    echoes,
    clock,
    log,
    options: { ...options.replies, ...(retentionMs === undefined ? {} : { retentionMs }) },
  });
  const residents = createResidentRepository(db);
  const dialog = deps.dialog({ buttonsEnabled: sender.buttonsEnabled(), outbox, residents });
  const profiles = createResidentProfiles({ zalo, residents, clock, log });
  const inbox = createInboxStore({ db, clock, keepEvents: options.processesHere !== false });
  const processor = createInboxProcessor({
    inbox,
    clock,
    log,
    storage,
    ...(retentionMs === undefined ? {} : { rawRetentionMs: retentionMs }),
    ...(options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {}),
    handle: createEventHandler({
      dialog,
      replies: outbox,
      residents,
      profiles,
      deleteUserData: (userId) => deleteUserData(db, userId),
      groupEvents: deps.groupEvents,
      log,
      logMessageText: options.logMessageText,
      // an echo of the bot's own send is never taken for an official's, whatever its admin_id
      isOwnMessage: createOwnMessageCheck(createOutboundRepository(db), clock.now),
      nonTextLine: deps.nonTextLine,
    }),
  });
  let purge: { stop(): void } | undefined;

  return {
    accept: acceptWithEchoes({ db, inbox, echoes, clock }),
    inbox,
    processor,
    outbox,
    profiles,
    residents,
    dialog,
    start() {
      const retentionDays = options.messageRetentionDays ?? DEFAULT_RETENTION_DAYS;
      purge = startQuestionPurge({ db, clock, log, retentionDays });
      outbox.start();
      processor.start();
    },
    async stop(deadline) {
      purge?.stop();
      const left = (): number => Math.max(0, deadline - clock.now());
      await processor.drain(left());
      // the same deadline for a reply retry in flight; unsent replies stay pending for the next start
      await outbox.stop(left());
      await profiles.stop(left());
    },
  };
}
