import { systemClock, type Clock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import { hashUserId, type Logger } from '../shared/logger.js';
import type { Db } from '../storage/open-database.js';
import type { StorageHealth } from '../storage/storage-health.js';
import { createOutboundRepository, type OutboundRecord } from './outbound-repository.js';
import { createRateLimiter, type RateLimitState } from './rate-limiter.js';
import { ZALO_TEXT_LIMIT, splitText } from './split-text.js';
import type { TokenManager } from './token-manager.js';
import type { GroupMessage, SendOptions, SentMessage, ZaloApi, ZaloButton, ZaloGroupSummary } from './zalo-api.js';
import { ZaloApiError } from './zalo-api-error.js';
import {
  asRecord,
  toChatMessage,
  toGroupInfo,
  toGroupSummary,
  toOaInfo,
  toUserDetail,
} from './zalo-response-mappers.js';
import { createZaloTransport, type ZaloRequest } from './zalo-transport.js';

/** Zalo's documented button limit on a message. */
const MAX_BUTTONS = 5;
/** `getgroupsofoa` page size (Zalo's default is 5). */
const GROUP_PAGE_SIZE = 50;

export interface ZaloClientDeps {
  /** e.g. https://openapi.zalo.me (ZALO_OPENAPI_URL) */
  openapiUrl: string;
  /** a `TokenManager`, or in the bot worker its bridge to the main thread's */
  tokens: Pick<TokenManager, 'getAccessToken' | 'refresh'>;
  /** Where `outbound_messages` lives. */
  db: Db;
  log: Logger;
  clock?: Clock;
  /** ZALO_RATE_LIMIT_PER_MINUTE; `Infinity` disables pacing (benches). */
  rateLimitPerMinute: number;
  /**
   * The rate counter (`createRateLimitState`) shared with the process's other clients, so together
   * they stay under `rateLimitPerMinute`; a counter of its own by default.
   */
  rateLimitState?: RateLimitState;
  sleep?: (ms: number) => Promise<void>;
  /** Attempts for transient failures, first included (default 4). */
  maxAttempts?: number;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  /** Uniform [0, 1) source for backoff jitter. */
  random?: () => number;
  /**
   * Where a failed write of the outbound log is reported (full disk). The log is secondary: the
   * send's result is returned all the same, so a delivered message is never taken for a failure.
   */
  storage?: StorageHealth;
}

interface Target {
  type: 'user' | 'group';
  id: string;
}

/**
 * The `ZaloApi` over HTTP (axios). Pacing, retries and token refresh live in `createZaloTransport`;
 * this file maps each operation to its endpoint and records every message's final outcome in
 * `outbound_messages` (never its text). Throws `ZaloApiError` (a `TokenRefreshError` when the
 * token cannot be renewed); an `AppError` for caller mistakes caught before any request (too many
 * buttons, empty or over-long group text).
 * @example const zalo = createZaloClient({ openapiUrl, tokens, db, log, rateLimitPerMinute: 4000 });
 */
export function createZaloClient(deps: ZaloClientDeps): ZaloApi {
  const clock = deps.clock ?? systemClock;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const limiter = createRateLimiter({
    limitPerMinute: deps.rateLimitPerMinute,
    clock,
    sleep,
    state: deps.rateLimitState,
  });
  const transport = createZaloTransport({
    openapiUrl: deps.openapiUrl.replace(/\/+$/, ''),
    tokens: deps.tokens,
    limiter,
    log: deps.log,
    sleep,
    random: deps.random ?? Math.random,
    maxAttempts: deps.maxAttempts ?? 4,
    timeoutMs: deps.timeoutMs ?? 10_000,
  });
  const outbound = createOutboundRepository(deps.db);

  /** Writes the outbound log; a storage failure is reported, never thrown over the send's result. */
  function recordOutcome(entry: OutboundRecord): void {
    try {
      outbound.record(entry);
    } catch (err) {
      if (!deps.storage?.failed(err, 'outbound log')) throw err;
    }
  }

  /** Sends one message and records its outcome; the only path messages leave by. */
  async function send(
    target: Target,
    kind: string,
    chars: number,
    options: SendOptions | undefined,
    request: ZaloRequest,
  ): Promise<SentMessage> {
    const who = target.type === 'user' ? { user: hashUserId(target.id) } : { group: target.id };
    const base = {
      targetType: target.type,
      targetId: target.id,
      kind,
      purpose: options?.purpose,
      ref: options?.ref,
      chars,
    };
    try {
      const { body, attempts } = await transport.call(request);
      const messageId = String(asRecord(body.data).message_id ?? '');
      recordOutcome({ ...base, status: 'sent', zaloMessageId: messageId, attempts, createdAt: clock.now() });
      deps.log.debug({ ...who, kind, purpose: options?.purpose, messageId, attempts }, 'Zalo message sent');
      return { messageId };
    } catch (error) {
      if (error instanceof ZaloApiError) {
        recordOutcome({
          ...base,
          status: 'failed',
          errorCode: error.failureCode,
          errorMessage: error.message,
          attempts: error.attempts,
          createdAt: clock.now(),
        });
        deps.log.warn(
          { ...who, kind, purpose: options?.purpose, code: error.failureCode, hint: error.hint },
          error.message,
        );
      }
      throw error;
    }
  }

  async function get(path: string, params: Record<string, string | number>): Promise<unknown> {
    const { body } = await transport.call({ method: 'GET', path, params });
    return body.data;
  }

  return {
    async sendText(userId, text, options) {
      const buttons = options?.buttons ?? [];
      if (buttons.length > MAX_BUTTONS)
        throw new AppError(`sendText: ${buttons.length} buttons given, Zalo allows ${MAX_BUTTONS}`);
      const parts = splitText(text, ZALO_TEXT_LIMIT);
      if (parts.length === 0) throw new AppError('sendText: the text is empty');
      const sent: SentMessage[] = [];
      for (const [index, part] of parts.entries()) {
        const withButtons = index === parts.length - 1 && buttons.length > 0;
        const message = withButtons ? { text: part, attachment: buttonTemplate(buttons) } : { text: part };
        const request: ZaloRequest = {
          method: 'POST',
          path: '/v3.0/oa/message/cs',
          body: { recipient: { user_id: userId }, message },
          retryUnclear: options?.retryUnclear ?? true,
        };
        sent.push(
          await send(
            { type: 'user', id: userId },
            withButtons ? 'text_buttons' : 'text',
            part.length,
            options,
            request,
          ),
        );
      }
      return sent;
    },

    async sendGroupMessage(groupId, message, options) {
      const text = message.text.trim();
      if (!text && !message.imageUrl) throw new AppError('sendGroupMessage: the message is empty');
      if (text.length > ZALO_TEXT_LIMIT) {
        throw new AppError(
          `sendGroupMessage: ${text.length} characters, Zalo allows ${ZALO_TEXT_LIMIT}`,
          'shorten the campaign text or split it into several messages',
        );
      }
      const request: ZaloRequest = {
        method: 'POST',
        path: '/v3.0/oa/group/message',
        body: { recipient: { group_id: groupId }, message: groupBody(text, message) },
        retryUnclear: options?.retryUnclear ?? true,
      };
      return send({ type: 'group', id: groupId }, message.imageUrl ? 'image' : 'text', text.length, options, request);
    },

    async listGroups() {
      const groups: ZaloGroupSummary[] = [];
      for (let offset = 0; ;) {
        const data = asRecord(await get('/v3.0/oa/group/getgroupsofoa', { offset, count: GROUP_PAGE_SIZE }));
        const page = Array.isArray(data.groups) ? data.groups : [];
        groups.push(...page.map(toGroupSummary));
        offset += page.length;
        const total = Number(data.total);
        if (page.length === 0 || !Number.isFinite(total) || offset >= total) return groups;
      }
    },

    async getGroup(groupId) {
      return toGroupInfo(await get('/v3.0/oa/group/getgroup', { group_id: groupId }));
    },

    async getGroupConversation(groupId, options) {
      const data = await get('/v3.0/oa/group/conversation', {
        group_id: groupId,
        offset: options?.offset ?? 0,
        count: options?.count ?? 10,
      });
      return (Array.isArray(data) ? data : []).map(toChatMessage);
    },

    async getUserConversation(userId, options) {
      const query = { user_id: userId, offset: options?.offset ?? 0, count: options?.count ?? 10 };
      const data = await get('/v2.0/oa/conversation', { data: JSON.stringify(query) });
      return (Array.isArray(data) ? data : []).map(toChatMessage);
    },

    async getOaInfo() {
      return toOaInfo(await get('/v2.0/oa/getoa', {}));
    },

    async getUserDetail(userId) {
      return toUserDetail(await get('/v3.0/oa/user/detail', { data: JSON.stringify({ user_id: userId }) }));
    },
  };
}

/** Text + buttons as in Zalo's buttons appendix: a template payload with `buttons` only. */
function buttonTemplate(buttons: ZaloButton[]): unknown {
  return {
    type: 'template',
    payload: { buttons: buttons.map((b) => ({ title: b.title, type: b.type ?? 'oa.query.show', payload: b.payload })) },
  };
}

/** Group text, or an image (media template, one element by URL) with the text as caption. */
function groupBody(text: string, message: GroupMessage): unknown {
  if (!message.imageUrl) return { text };
  return {
    ...(text ? { text } : {}),
    attachment: {
      type: 'template',
      payload: { template_type: 'media', elements: [{ media_type: 'image', url: message.imageUrl }] },
    },
  };
}
