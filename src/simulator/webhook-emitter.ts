import axios from 'axios';
import type { Clock } from '../shared/clock.js';
import { signZaloBody } from '../zalo/zalo-signature.js';
import type { Scheduler } from './scheduler.js';

/** Zalo's documented retry schedule for failed connections: +30 s, +5 min, +15 min, +30 min, +1 h. */
export const RETRY_DELAYS_MS = [30_000, 5 * 60_000, 15 * 60_000, 30 * 60_000, 60 * 60_000] as const;
/** Zalo expects HTTP 200 within 2 seconds. */
export const WEBHOOK_TIMEOUT_MS = 2_000;

export interface EmitOptions {
  /** Send the bare hex MAC, without the `mac=` prefix. */
  noMacPrefix?: boolean;
  /** Sign with a wrong secret (the app must reject the event). */
  badSignature?: boolean;
  /** Deliver the identical body this many extra times (at-least-once delivery). */
  duplicates?: number;
  /** Deliver the copies at the same time instead of one after another. */
  concurrent?: boolean;
  /** Wait this long (real time) before the first delivery. */
  delayMs?: number;
}

export interface EmitResult {
  /** The exact bytes that were signed and sent. */
  rawBody: string;
  /** HTTP status of the first delivery; null = no HTTP answer (connection failed or timed out). */
  status: number | null;
  /** One entry per delivery (1 + duplicates). */
  statuses: Array<number | null>;
}

/** One delivery attempt, as recorded by the emitter. */
export interface DeliveryRecord {
  time: number;
  eventName: string;
  /** 0 for the first attempt, then the `num_retry` header value. */
  numRetry: number;
  status: number | null;
  /** 'connection' (retried later), 'timeout' (not retried), 'webhook-disabled' or 'no-webhook'. */
  failure?: 'connection' | 'timeout' | 'webhook-disabled' | 'no-webhook';
}

export interface WebhookEmitter {
  emit(body: object | string, options?: EmitOptions): Promise<EmitResult>;
  readonly deliveries: DeliveryRecord[];
  /** True once every retry of a delivery failed: Zalo unsubscribes the app; `setUrl` re-enables. */
  isDisabled(): boolean;
  setUrl(url: string | null): void;
}

/**
 * Posts signed webhook bodies the way Zalo does: `Content-Type: application/json`,
 * `X-ZEvent-Signature: mac=<sha256(app_id + body + timestamp + OA secret)>`, 2 s timeout.
 * A delivery that cannot connect is retried with the identical body and a `num_retry` header on
 * the documented schedule, through the injected scheduler. Timeouts and non-200 answers are not retried.
 */
export function createWebhookEmitter(deps: {
  oaSecretKey: string;
  clock: Clock;
  scheduler: Scheduler;
  url?: string | null;
}): WebhookEmitter {
  let url = deps.url ?? null;
  let disabled = false;
  const deliveries: DeliveryRecord[] = [];

  function headersFor(rawBody: string, options: EmitOptions): Record<string, string> {
    const secret = options.badSignature ? `${deps.oaSecretKey}-wrong` : deps.oaSecretKey;
    const mac = signZaloBody(rawBody, secret);
    return {
      'Content-Type': 'application/json',
      'X-ZEvent-Signature': options.noMacPrefix ? mac.replace(/^mac=/, '') : mac,
    };
  }

  async function deliver(
    rawBody: string,
    eventName: string,
    headers: Record<string, string>,
    numRetry: number,
  ): Promise<number | null> {
    const record: DeliveryRecord = { time: deps.clock.now(), eventName, numRetry, status: null };
    deliveries.push(record);
    if (disabled || !url) {
      record.failure = url ? 'webhook-disabled' : 'no-webhook';
      return null;
    }
    try {
      const response = await axios.post(url, rawBody, {
        headers: numRetry > 0 ? { ...headers, num_retry: String(numRetry) } : headers,
        timeout: WEBHOOK_TIMEOUT_MS,
        transformRequest: [(data: unknown) => data],
        responseType: 'text',
        validateStatus: () => true,
        maxRedirects: 0,
        proxy: false,
      });
      record.status = response.status;
      return response.status;
    } catch (error) {
      const code = axios.isAxiosError(error) ? error.code : undefined;
      record.failure = code === 'ECONNABORTED' || code === 'ETIMEDOUT' ? 'timeout' : 'connection';
      if (record.failure === 'connection') scheduleRetry(rawBody, eventName, headers, numRetry + 1);
      return null;
    }
  }

  function scheduleRetry(rawBody: string, eventName: string, headers: Record<string, string>, numRetry: number): void {
    const delay = RETRY_DELAYS_MS[numRetry - 1];
    if (delay === undefined) {
      disabled = true;
      return;
    }
    deps.scheduler.schedule(delay, async () => {
      await deliver(rawBody, eventName, headers, numRetry);
    });
  }

  return {
    deliveries,
    isDisabled: () => disabled,
    setUrl(next) {
      url = next;
      disabled = false;
    },
    async emit(body, options = {}) {
      const rawBody = typeof body === 'string' ? body : JSON.stringify(body);
      const eventName = String((JSON.parse(rawBody) as { event_name?: unknown }).event_name ?? '');
      const headers = headersFor(rawBody, options);
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const copies = 1 + Math.max(0, options.duplicates ?? 0);
      const statuses: Array<number | null> = [];
      if (options.concurrent) {
        statuses.push(
          ...(await Promise.all(Array.from({ length: copies }, () => deliver(rawBody, eventName, headers, 0)))),
        );
      } else {
        for (let i = 0; i < copies; i += 1) statuses.push(await deliver(rawBody, eventName, headers, 0));
      }
      return { rawBody, status: statuses[0] ?? null, statuses };
    },
  };
}
