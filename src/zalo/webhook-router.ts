import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { systemClock, type Clock } from '../shared/clock.js';
import { createLogThrottle } from '../shared/log-throttle.js';
import { hashUserId, type Logger } from '../shared/logger.js';
import { storageProblemOf, type StorageHealth } from '../storage/storage-health.js';
import { eventUserKey } from './event-user-key.js';
import { exceedsJsonDepth, MAX_WEBHOOK_JSON_DEPTH } from './json-depth.js';
import { parseZaloEvent } from './parse-zalo-event.js';
import { zaloEventName, type ZaloEvent } from './zalo-event.js';
import { isValidZaloSignature } from './zalo-signature.js';

/** Where verified events go: durable storage that answers whether the delivery was seen before. */
export interface InboxWriter {
  accept(event: ZaloEvent, rawBody: string): { duplicate: boolean };
}

export interface WebhookRouterDeps {
  appId: string;
  oaSecretKey: string;
  inbox: InboxWriter;
  log: Logger;
  /** Larger bodies get 413; Zalo's events are a few KiB. */
  maxBodyBytes?: number;
  /** Log residents' message texts (LOG_MESSAGE_TEXT); off by default. */
  logMessageText?: boolean;
  /** times the rejection warnings' one-minute windows; default the system clock */
  clock?: Clock;
  /** Shared storage state: a write failing for lack of space answers 503 and is logged there (once a minute). */
  storage?: StorageHealth;
}

/** Seconds a sender is asked to wait before retrying when the event cannot be stored (full disk). */
const STORAGE_RETRY_AFTER_S = 30;

const SIGNATURE_HEADER = 'x-zevent-signature';

class WebhookRejection {
  constructor(
    readonly status: 400 | 401 | 403 | 413,
    readonly error: string,
    readonly hint?: string,
  ) {}
}

/**
 * The router for `POST /webhook/zalo` (mount it at that path). Reads the raw body only, verifies
 * `X-ZEvent-Signature` over those exact bytes before anything acts on the body (the JSON is decoded
 * first only to read `app_id` and `timestamp`, which the MAC covers), then stores the event and answers
 * 200 `{ok:true}` at once; the inbox processor handles it afterwards.
 * Rejections store nothing and log a warning without the body, once per status and reason per minute
 * plus one summary line with the count (a flood of forged posts must not flood the log): 413 too large, 400 nested deeper than
 * `MAX_WEBHOOK_JSON_DEPTH`, not a JSON object or not a valid event, 401 missing/wrong signature, 403 a foreign `app_id`.
 * A body without `app_id` is verified with the configured app id. Duplicates are answered 200 too.
 * An event that cannot be stored (full or read-only disk) is answered 503 with `Retry-After`, never
 * 200: it is not ours to keep until it is stored.
 */
export function createWebhookRouter(deps: WebhookRouterDeps): Router {
  const { appId, oaSecretKey, inbox, log, maxBodyBytes = 64 * 1024, logMessageText = false } = deps;
  const rejections = createLogThrottle({ log, clock: deps.clock ?? systemClock });
  const router = express.Router();

  router.post(
    '/',
    express.raw({ type: () => true, limit: maxBodyBytes }),
    (req: Request, res: Response) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const outcome = receive(raw, req.get(SIGNATURE_HEADER));
      if (outcome instanceof WebhookRejection) return reject(res, outcome);
      const { event } = outcome;
      let duplicate: boolean;
      try {
        ({ duplicate } = inbox.accept(event, raw.toString('utf8')));
        deps.storage?.succeeded();
      } catch (err) {
        if (!storageProblemOf(err)) throw err;
        // not stored, so not acknowledged: Zalo (or whoever sent it) must deliver it again
        if (!deps.storage?.failed(err, 'webhook')) log.error({ err }, 'webhook event not stored: storage failure');
        res.set('Retry-After', String(STORAGE_RETRY_AFTER_S));
        res.status(503).json({ ok: false, error: 'storage unavailable' });
        return;
      }
      // one line per event only at debug (or for a duplicate, or with LOG_MESSAGE_TEXT): free at info
      const level = duplicate || logMessageText ? 'info' : 'debug';
      if (log.isLevelEnabled(level)) {
        log[level](
          {
            event: zaloEventName(event),
            user: hashUserId(eventUserKey(event)),
            msgId: messageIdOf(event),
            duplicate,
            retry: req.get('num_retry'),
            ...(logMessageText && 'message' in event && 'text' in event.message ? { text: event.message.text } : {}),
          },
          duplicate ? 'webhook duplicate delivery acknowledged' : 'webhook event accepted',
        );
      }
      res.status(200).json({ ok: true });
    },
    (err: unknown, _req: Request, res: Response, next: NextFunction) => {
      const type = (err as { type?: unknown }).type;
      if (type === 'entity.too.large') return reject(res, new WebhookRejection(413, 'body too large'));
      if (typeof (err as { status?: unknown }).status === 'number' && (err as { status: number }).status < 500) {
        return reject(res, new WebhookRejection(400, 'unreadable body'));
      }
      next(err);
    },
  );

  function receive(raw: Buffer, signature: string | undefined): WebhookRejection | { event: ZaloEvent } {
    const text = raw.toString('utf8');
    // before JSON.parse: a body nested thousands deep parses, then overflows every recursive step after it
    if (exceedsJsonDepth(text, MAX_WEBHOOK_JSON_DEPTH)) return new WebhookRejection(400, 'body nested too deep');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return new WebhookRejection(400, 'malformed JSON');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return new WebhookRejection(400, 'body must be a JSON object');
    }
    const body = json as Record<string, unknown>;
    const bodyAppId = body.app_id;
    const timestamp =
      typeof body.timestamp === 'string' || typeof body.timestamp === 'number' ? String(body.timestamp) : '';
    const signedAppId = typeof bodyAppId === 'string' ? bodyAppId : appId;
    if (!isValidZaloSignature(signature, { appId: signedAppId, rawBody: raw, timestamp, oaSecretKey })) {
      return new WebhookRejection(
        401,
        signature ? 'invalid signature' : 'missing signature',
        'check ZALO_OA_SECRET_KEY: it is the OA secret key of the app, not the app secret',
      );
    }
    if (bodyAppId !== undefined && bodyAppId !== appId) {
      return new WebhookRejection(403, 'foreign app_id', 'the event is for another Zalo app: check ZALO_APP_ID');
    }
    const parsed = parseZaloEvent(body);
    if (!parsed.ok) return new WebhookRejection(400, `invalid event: ${parsed.error}`);
    return { event: parsed.event };
  }

  function reject(res: Response, rejection: WebhookRejection): void {
    rejections.warn(
      `${rejection.status}:${rejection.error}`,
      { status: rejection.status, reason: rejection.error, hint: rejection.hint },
      'webhook rejected',
    );
    res.status(rejection.status).json({ ok: false, error: rejection.error });
  }

  return router;
}

function messageIdOf(event: ZaloEvent): string | undefined {
  if (!('message' in event)) return undefined;
  return 'msg_id' in event.message ? event.message.msg_id : event.message.msg_ids.join(',');
}
