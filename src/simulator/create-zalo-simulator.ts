import type { Server } from 'node:http';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { systemClock, type Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { createMessageRouter } from './message-router.js';
import { createOauthRouter } from './oauth-router.js';
import { createReadRouter } from './read-router.js';
import { injectFaults, openApiGate, recordRequests } from './request-middleware.js';
import { createTimerScheduler, type Scheduler } from './scheduler.js';
import { openApiError } from './simulator-errors.js';
import { hexId, userId as newUserId, userIdByApp } from './simulator-ids.js';
import { recordChat, type SimulatorState } from './simulator-state.js';
import { createSimulatorStateFile } from './simulator-state-file.js';
import type {
  FaultSpec,
  NewGroup,
  NewUser,
  SimChatMessage,
  SimGroup,
  SimGroupMessage,
  SimRequest,
  SimUser,
  TokenPair,
} from './simulator-types.js';
import { createTokenStore } from './token-store.js';
import { createEventBuilders, type EventBuilders, type ZaloWebhookBody } from './webhook-events.js';
import { createWebhookEmitter, type DeliveryRecord, type EmitOptions, type EmitResult } from './webhook-emitter.js';

export interface ZaloSimulatorOptions {
  appId?: string;
  appSecret?: string;
  oaSecretKey?: string;
  oaId?: string;
  oaName?: string;
  clock?: Clock;
  /** Runs webhook retries; default real (unref'd) timers. Tests pass `createManualScheduler(clock)`. */
  scheduler?: Scheduler;
  /** Per-minute OpenAPI limit, default 4,000 (set 100 to mimic the "Tăng trưởng" package). */
  rateLimitPerMinute?: number;
  /** Package CS quota after the free 8-in-48 h frame, default 2,000; 0 = later messages are paid. */
  subQuotaTotal?: number;
  /** Whether CS messages with buttons are accepted (else -201), default true. */
  buttonsOnCs?: boolean;
  /** Emit `oa_send_*` echoes after each successful API send, default false. */
  autoEcho?: boolean;
  webhookUrl?: string;
  /** If set, `/v4/oa/permission` accepts only these redirect URIs (else -14003). */
  redirectUris?: string[];
  /**
   * A JSON file holding users, groups, chats and tokens across restarts (the sandbox: DATA_DIR/sandbox-zalo.json):
   * loaded now, written within 100 ms of a change and on `close()`. Unset: in memory only.
   */
  stateFile?: string;
  log?: Logger;
}

export interface ZaloSimulator {
  /** Express app serving both the OpenAPI (`/v2.0/…`, `/v3.0/…`) and OAuth (`/v4/oa/…`) paths. */
  readonly app: Express;
  readonly appId: string;
  readonly appSecret: string;
  readonly oaSecretKey: string;
  readonly oaId: string;
  /** Webhook body builders bound to this app/OA and clock. */
  readonly events: EventBuilders;
  /** Every request received, tokens redacted, oldest first. */
  readonly requests: SimRequest[];
  /** Every webhook delivery attempt, oldest first. */
  readonly deliveries: DeliveryRecord[];
  /** Listens on 127.0.0.1 (port 0 = any free port); serve OpenAPI and OAuth from the same URL. */
  listen(options?: { host?: string; port?: number }): Promise<{ url: string; close(): Promise<void> }>;
  /** Closes every listener and drops pending webhook retries. */
  close(): Promise<void>;
  addUser(user?: NewUser): SimUser;
  getUser(userId: string): SimUser | undefined;
  updateUser(
    userId: string,
    patch: Partial<Pick<SimUser, 'displayName' | 'isFollower' | 'lastInteraction' | 'banned' | 'restricted'>>,
  ): SimUser;
  /** Records an interaction now: reopens the 7-day window and the free 8-in-48 h frame. */
  touchUser(userId: string): SimUser;
  addGroup(group: NewGroup): SimGroup;
  getGroup(groupId: string): SimGroup | undefined;
  listGroups(): SimGroup[];
  /** A fresh access/refresh pair (what an OA admin's consent yields), for bootstrapping a client. */
  issueTokens(): TokenPair;
  /**
   * The OA admin's one grant: issued at the first call, then the same pair at every call, also after a
   * restart with `stateFile` (so the app does not see "changed tokens" and keeps its rotated chain).
   */
  bootstrapTokens(): TokenPair;
  /** Every access token issued so far expires now (calls get -216 until the client refreshes). */
  expireAccessTokens(): void;
  setRateLimit(perMinute: number): void;
  injectFault(fault: FaultSpec): void;
  /** Disarms every fault not yet used up. */
  clearFaults(): void;
  /** Messages the OA sent to this user through the API, oldest first. */
  sentToUser(userId: string): SimChatMessage[];
  /** The whole 1:1 conversation (user messages emitted through the simulator and OA sends). */
  conversation(userId: string): SimChatMessage[];
  /** Messages the OA sent into this group through the API, oldest first. */
  sentToGroup(groupId: string): SimGroupMessage[];
  setWebhook(url: string | null): void;
  /** True once a delivery failed through every retry (Zalo then stops sending); `setWebhook` resets. */
  webhookDisabled(): boolean;
  setButtonsOnCs(accepted: boolean): void;
  setAutoEcho(on: boolean): void;
  /**
   * Signs and POSTs a webhook body (an object, or an exact JSON string) to the webhook URL.
   * Interaction events (user_send_*, follow, user_click_chatnow, user_submit_info) update the
   * user first (adding unknown users); unfollow clears `isFollower`; group messages from users
   * are added to the group's history.
   */
  emit(event: ZaloWebhookBody | string, options?: EmitOptions): Promise<EmitResult>;
  /** A user writes `text` to the OA (`user_send_text`). */
  sendUserText(userId: string, text: string, options?: EmitOptions): Promise<EmitResult>;
  /** A user taps an `oa.query.*` button: Zalo sends `user_send_text` with the payload as text. */
  clickButton(userId: string, payload: string, options?: EmitOptions): Promise<EmitResult>;
}

const MEDIA_ECHO_KINDS = ['image', 'gif', 'sticker', 'file'] as const;

const DEFAULTS = {
  appId: '1000000000000000001',
  appSecret: 'simulator-app-secret',
  oaSecretKey: 'simulator-oa-secret',
  oaId: '2057086764452860443',
  oaName: 'Simulated OA',
};

/**
 * A faithful, in-memory local Zalo (OpenAPI + OAuth + webhook emitter) for tests and the sandbox.
 * See src/simulator/README.md for the API and the rules it enforces.
 * @example
 * const sim = createZaloSimulator({ clock });
 * const { url } = await sim.listen();
 * const user = sim.addUser({ displayName: 'Chị Lan' });
 * sim.setWebhook(`${appUrl}/webhook/zalo`);
 * await sim.sendUserText(user.userId, 'hộ nghèo là gì');
 */
export function createZaloSimulator(options: ZaloSimulatorOptions = {}): ZaloSimulator {
  const clock = options.clock ?? systemClock;
  const scheduler = options.scheduler ?? createTimerScheduler();
  const ids = { ...DEFAULTS, ...definedOnly(options) };
  let autoEcho = options.autoEcho ?? false;

  const state: SimulatorState = {
    clock,
    appId: ids.appId,
    appSecret: ids.appSecret,
    oaSecretKey: ids.oaSecretKey,
    oaId: ids.oaId,
    oaName: ids.oaName,
    users: new Map(),
    groups: new Map(),
    chats: new Map(),
    tokens: createTokenStore(clock),
    rate: { limit: options.rateLimitPerMinute ?? 4000, windowStart: 0, count: 0 },
    faults: [],
    requests: [],
    buttonsOnCs: options.buttonsOnCs ?? true,
    subQuota: { total: options.subQuotaTotal ?? 2000, used: 0 },
    onSent: (sent) => {
      if (autoEcho) void emitQuietly(echoOf(sent));
    },
  };
  const events = createEventBuilders({
    appId: state.appId,
    oaId: state.oaId,
    now: () => clock.now(),
    userIdByApp: (uid) => userIdByApp(state.appId, uid),
  });
  const emitter = createWebhookEmitter({
    oaSecretKey: state.oaSecretKey,
    clock,
    scheduler,
    url: options.webhookUrl ?? null,
  });
  const servers = new Set<Server>();
  let bootstrap: TokenPair | null = null;
  const stateFile = options.stateFile
    ? createSimulatorStateFile({
        file: options.stateFile,
        log: options.log,
        state: () => state,
        bootstrap: () => bootstrap,
      })
    : undefined;
  bootstrap = stateFile?.load(state) ?? null;
  /** Something in `state` may have changed: persisted soon when there is a state file. */
  const changed = (): void => stateFile?.changed();

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }), express.urlencoded({ extended: false, limit: '64kb' }));
  app.use((_req, res, next) => {
    res.once('finish', changed);
    next();
  });
  app.use(recordRequests(state), injectFaults(state));
  app.use(createOauthRouter(state, { redirectUris: options.redirectUris }));
  app.use(['/v2.0/oa', '/v3.0/oa'], openApiGate(state));
  app.use(createMessageRouter(state), createReadRouter(state));
  const badJson: ErrorRequestHandler = (_error, _req, res, _next) => {
    res.json(openApiError(-201, 'body is not valid JSON'));
  };
  app.use(badJson);

  function echoOf(sent: Parameters<SimulatorState['onSent']>[0]): ZaloWebhookBody {
    const kind = MEDIA_ECHO_KINDS.find((k) => k === sent.message.type) ?? 'text';
    const opts = { text: sent.message.text, msgId: sent.message.messageId };
    return sent.kind === 'group'
      ? events.oaSendGroup(kind, sent.message.groupId, opts)
      : events.oaSend(kind, sent.message.userId, opts);
  }

  async function emitQuietly(body: ZaloWebhookBody): Promise<void> {
    try {
      await emit(body);
    } catch (error) {
      options.log?.warn({ err: error, event: body.event_name }, 'simulator: echo delivery failed');
    }
  }

  function ensureUser(uid: string): SimUser {
    return state.users.get(uid) ?? addUser({ userId: uid });
  }

  function addUser(user: NewUser = {}): SimUser {
    const uid = user.userId ?? newUserId();
    const record: SimUser = {
      userId: uid,
      userIdByApp: userIdByApp(state.appId, uid),
      displayName: user.displayName ?? `Người dùng ${uid.slice(-4)}`,
      isFollower: user.isFollower ?? false,
      lastInteraction: user.lastInteraction ?? null,
      banned: user.banned ?? false,
      restricted: user.restricted ?? false,
      replyFrameUsed: 0,
    };
    state.users.set(uid, record);
    changed();
    return record;
  }

  function touchUser(uid: string): SimUser {
    const user = ensureUser(uid);
    user.lastInteraction = clock.now();
    user.replyFrameUsed = 0;
    changed();
    return user;
  }

  /** Applies what Zalo itself records when an event happens, before it is delivered. */
  function applyEvent(body: Record<string, unknown>): void {
    const name = String(body.event_name ?? '');
    const sender = (body.sender as { id?: string } | undefined)?.id;
    const message = body.message as { text?: string; msg_id?: string } | undefined;
    if (name.startsWith('user_send_group_')) {
      const group = state.groups.get(String((body.recipient as { id?: string } | undefined)?.id));
      if (group && sender) {
        group.history.push({
          messageId: message?.msg_id ?? hexId(),
          groupId: group.groupId,
          src: 1,
          fromId: sender,
          fromDisplayName: ensureUser(sender).displayName,
          time: clock.now(),
          type: name.slice('user_send_group_'.length),
          ...(message?.text !== undefined ? { text: message.text } : {}),
        });
      }
    } else if (name.startsWith('user_send_') && sender) {
      touchUser(sender);
      recordChat(state, {
        messageId: message?.msg_id ?? hexId(),
        userId: sender,
        direction: 'in',
        time: clock.now(),
        type: name.slice('user_send_'.length),
        ...(message?.text !== undefined ? { text: message.text } : {}),
      });
    } else if (name === 'follow' || name === 'unfollow') {
      const follower = (body.follower as { id?: string } | undefined)?.id;
      if (follower) {
        const user = name === 'follow' ? touchUser(follower) : ensureUser(follower);
        user.isFollower = name === 'follow';
      }
    } else if (name === 'user_click_chatnow' && typeof body.user_id === 'string') {
      touchUser(body.user_id);
    } else if (name === 'user_submit_info' && sender) {
      touchUser(sender);
    }
  }

  async function emit(event: ZaloWebhookBody | string, emitOptions?: EmitOptions): Promise<EmitResult> {
    const body = typeof event === 'string' ? (JSON.parse(event) as Record<string, unknown>) : event;
    applyEvent(body);
    changed();
    const result = await emitter.emit(event, emitOptions);
    if (result.status !== 200)
      options.log?.warn(
        { event: body.event_name, status: result.status },
        'simulator: webhook not acknowledged with 200',
      );
    return result;
  }

  function requireUser(uid: string): SimUser {
    const user = state.users.get(uid);
    if (!user) throw new Error(`simulator: unknown user ${uid}`);
    return user;
  }

  return {
    app,
    appId: state.appId,
    appSecret: state.appSecret,
    oaSecretKey: state.oaSecretKey,
    oaId: state.oaId,
    events,
    requests: state.requests,
    deliveries: emitter.deliveries,
    async listen({ host = '127.0.0.1', port = 0 } = {}) {
      const server = await new Promise<Server>((resolve, reject) => {
        const s = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(s)));
      });
      servers.add(server);
      const address = server.address();
      const boundPort = typeof address === 'object' && address ? address.port : port;
      return {
        url: `http://${host}:${boundPort}`,
        close: () => closeServer(server, servers),
      };
    },
    async close() {
      scheduler.cancelAll();
      stateFile?.flush();
      await Promise.all([...servers].map((server) => closeServer(server, servers)));
    },
    addUser,
    getUser: (uid) => state.users.get(uid),
    updateUser(uid, patch) {
      const user = Object.assign(requireUser(uid), patch);
      changed();
      return user;
    },
    touchUser,
    addGroup(group) {
      const record: SimGroup = {
        groupId: group.groupId ?? hexId(),
        name: group.name,
        description: group.description ?? '',
        status: group.status ?? 'enabled',
        owned: group.owned ?? true,
        members: group.members ?? [],
        maxMember: group.maxMember ?? 100,
        assetType: `gmf${group.maxMember ?? 100}`,
        history: [],
      };
      state.groups.set(record.groupId, record);
      changed();
      return record;
    },
    getGroup: (groupId) => state.groups.get(groupId),
    listGroups: () => [...state.groups.values()],
    issueTokens() {
      const pair = state.tokens.issue();
      changed();
      return pair;
    },
    bootstrapTokens() {
      if (!bootstrap) {
        bootstrap = state.tokens.issue();
        stateFile?.changed();
        stateFile?.flush();
      }
      return bootstrap;
    },
    expireAccessTokens() {
      state.tokens.expireAccessTokens();
      changed();
    },
    setRateLimit(perMinute) {
      state.rate.limit = perMinute;
    },
    injectFault(fault) {
      state.faults.push({ ...fault, remaining: fault.times ?? 1 });
    },
    clearFaults() {
      state.faults = [];
    },
    sentToUser: (uid) => (state.chats.get(uid) ?? []).filter((m) => m.direction === 'out'),
    conversation: (uid) => [...(state.chats.get(uid) ?? [])],
    sentToGroup: (groupId) => (state.groups.get(groupId)?.history ?? []).filter((m) => m.src === 0),
    setWebhook: (url) => emitter.setUrl(url),
    webhookDisabled: () => emitter.isDisabled(),
    setButtonsOnCs(accepted) {
      state.buttonsOnCs = accepted;
    },
    setAutoEcho(on) {
      autoEcho = on;
    },
    emit,
    sendUserText: (uid, text, emitOptions) => emit(events.userSendText(uid, text), emitOptions),
    clickButton: (uid, payload, emitOptions) => emit(events.userSendText(uid, payload), emitOptions),
  };
}

function definedOnly(options: ZaloSimulatorOptions): Partial<typeof DEFAULTS> {
  const out: Partial<typeof DEFAULTS> = {};
  for (const key of Object.keys(DEFAULTS) as Array<keyof typeof DEFAULTS>) {
    const value = options[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function closeServer(server: Server, servers: Set<Server>): Promise<void> {
  servers.delete(server);
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
