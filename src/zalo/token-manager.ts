import { createHash } from 'node:crypto';
import axios from 'axios';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Db } from '../storage/open-database.js';
import { TokenRefreshError } from './token-refresh-error.js';
import { createTokenRepository, type StoredTokens } from './token-repository.js';

const HOUR_MS = 3_600_000;
/** Zalo documents 25 h (`expires_in: "90000"`); used when a refresh answer lacks a usable figure. */
const DEFAULT_ACCESS_TTL_MS = 25 * HOUR_MS;
/** Refresh tokens live 3 months; Zalo does not return the figure. */
const REFRESH_TTL_MS = 90 * 24 * HOUR_MS;

/** Owns the OA access/refresh token pair: storage, proactive refresh, single-flight rotation. */
export interface TokenManager {
  /** A usable access token, refreshed first when less than `refreshMarginMs` remains. */
  getAccessToken(): Promise<string>;
  /**
   * Rotates the pair via OAuth and returns the new access token. Single-flight: concurrent callers
   * share one HTTP call. Pass the access token Zalo just rejected (-216/-220): when the stored token
   * already differs (another caller or process refreshed), that one is returned without a call.
   * Without an argument the rotation is forced.
   */
  refresh(rejectedAccessToken?: string): Promise<string>;
  /** Stores a pair directly (sandbox, or an operator tool after re-authorization). */
  setTokens(pair: TokenPair): void;
  /** Expiry times and presence only, never token values: for /healthz and the admin console. */
  status(): TokenStatus;
}

export interface TokenPair {
  accessToken: string;
  refreshToken?: string;
  /** Seconds until the access token expires; unknown when omitted. */
  expiresInSec?: number;
}

export interface TokenStatus {
  hasAccessToken: boolean;
  hasRefreshToken: boolean;
  /** Epoch ms; null = unknown (a bootstrap pair, valid until Zalo says -216). */
  accessExpiresAt: number | null;
  refreshExpiresAt: number | null;
  updatedAt: number | null;
  /** The last refresh failure since the pair last changed. */
  lastRefreshError: { failureCode: string; at: number } | null;
}

export interface TokenManagerDeps {
  db: Db;
  /** e.g. https://oauth.zaloapp.com (ZALO_OAUTH_URL) */
  oauthUrl: string;
  appId: string;
  /** App Secret Key (ZALO_APP_SECRET), sent as the `secret_key` header. */
  appSecret: string;
  /** ZALO_ACCESS_TOKEN / ZALO_REFRESH_TOKEN from the environment. */
  bootstrap: { accessToken?: string | undefined; refreshToken?: string | undefined };
  clock: Clock;
  log: Logger;
  /** Refresh proactively when less than this remains (default 6 h). */
  refreshMarginMs?: number;
  /** After a failed refresh, further attempts with the same refresh token wait this long (default 60 s). */
  retryFailedRefreshMs?: number;
  timeoutMs?: number;
}

/**
 * Creates the token manager over `zalo_tokens` (one row). On start the environment pair is stored
 * when the table is empty, or when it differs from the pair last seeded (the operator re-authorized
 * and set new values); a bootstrap pair has unknown expiry and is used until Zalo answers -216.
 * Refresh tokens are single-use, so a refresh re-reads the row first, and the new pair is written
 * in one transaction before it is returned. A failed refresh keeps the old pair and throws a
 * `TokenRefreshError` that tells the operator what to do. One process per database is assumed:
 * the single-flight lock is in memory; the re-read covers a pair rotated by a restarted process.
 */
export function createTokenManager(deps: TokenManagerDeps): TokenManager {
  const { clock, log } = deps;
  const marginMs = deps.refreshMarginMs ?? 6 * HOUR_MS;
  const retryFailedMs = deps.retryFailedRefreshMs ?? 60_000;
  const repo = createTokenRepository(deps.db);
  const http = axios.create({ timeout: deps.timeoutMs ?? 15_000, validateStatus: () => true });
  let inflight: Promise<string> | undefined;
  let lastFailure: { error: TokenRefreshError; refreshToken: string | null; at: number } | undefined;

  seedFromBootstrap();

  function seedFromBootstrap(): void {
    const { accessToken, refreshToken } = deps.bootstrap;
    if (!accessToken && !refreshToken) return;
    const hash = createHash('sha256')
      .update(`${accessToken ?? ''}\n${refreshToken ?? ''}`)
      .digest('hex');
    const row = repo.read();
    if (row?.bootstrapHash === hash) return;
    if (row) log.warn('ZALO_ACCESS_TOKEN/ZALO_REFRESH_TOKEN changed since they were last stored: using the new pair');
    repo.write({
      accessToken: accessToken ?? null,
      refreshToken: refreshToken ?? null,
      accessExpiresAt: null,
      refreshExpiresAt: null,
      bootstrapHash: hash,
      updatedAt: clock.now(),
    });
  }

  const isExpired = (row: StoredTokens, now: number): boolean =>
    !row.accessToken || (row.accessExpiresAt !== null && row.accessExpiresAt <= now);
  const isDue = (row: StoredTokens, now: number): boolean =>
    !row.accessToken || (row.accessExpiresAt !== null && row.accessExpiresAt - now < marginMs);

  function readOrThrow(): StoredTokens {
    const row = repo.read();
    if (!row) throw new TokenRefreshError({ code: null, reason: 'missing' });
    return row;
  }

  /** Single flight: while one rotation runs, every caller gets its promise. */
  function rotateOnce(isStillGood: (row: StoredTokens, now: number) => boolean): Promise<string> {
    inflight ??= rotate(isStillGood).finally(() => {
      inflight = undefined;
    });
    return inflight;
  }

  async function rotate(isStillGood: (row: StoredTokens, now: number) => boolean): Promise<string> {
    const row = readOrThrow();
    const now = clock.now();
    // Re-read first: another caller or process may have rotated the pair already.
    if (row.accessToken && !isExpired(row, now) && isStillGood(row, now)) return row.accessToken;
    if (!row.refreshToken) throw new TokenRefreshError({ code: null, reason: 'missing' });
    if (lastFailure && lastFailure.refreshToken === row.refreshToken && now - lastFailure.at < retryFailedMs) {
      throw lastFailure.error;
    }
    try {
      const body = await requestPair(row.refreshToken);
      const accessToken = body.access_token;
      const expiresInSec = Number(body.expires_in);
      const accessExpiresAt =
        now + (Number.isFinite(expiresInSec) && expiresInSec > 0 ? expiresInSec * 1000 : DEFAULT_ACCESS_TTL_MS);
      repo.write({
        accessToken,
        refreshToken:
          typeof body.refresh_token === 'string' && body.refresh_token ? body.refresh_token : row.refreshToken,
        accessExpiresAt,
        refreshExpiresAt: now + REFRESH_TTL_MS,
        bootstrapHash: row.bootstrapHash,
        updatedAt: now,
      });
      lastFailure = undefined;
      log.info({ accessExpiresAt: new Date(accessExpiresAt).toISOString() }, 'Zalo access token refreshed');
      return accessToken;
    } catch (error) {
      if (error instanceof TokenRefreshError) {
        lastFailure = { error, refreshToken: row.refreshToken, at: now };
        log.error({ code: error.failureCode, hint: error.hint }, error.message);
      }
      throw error;
    }
  }

  async function requestPair(
    refreshToken: string,
  ): Promise<{ access_token: string; refresh_token?: unknown; expires_in?: unknown }> {
    const form = new URLSearchParams({ refresh_token: refreshToken, app_id: deps.appId, grant_type: 'refresh_token' });
    let response;
    try {
      response = await http.post(`${deps.oauthUrl}/v4/oa/access_token`, form, {
        headers: { secret_key: deps.appSecret, 'Content-Type': 'application/x-www-form-urlencoded' },
      });
    } catch (cause) {
      throw new TokenRefreshError({ code: null, reason: 'transport', detail: (cause as Error).message, cause });
    }
    const body: unknown = response.data;
    if (isRecord(body) && typeof body.access_token === 'string' && body.access_token) {
      return body as { access_token: string };
    }
    const code = isRecord(body) ? Number(body.error) : NaN;
    if (Number.isFinite(code) && code !== 0) {
      const detail = isRecord(body) ? String(body.error_description ?? body.error_name ?? body.message ?? '') : '';
      throw new TokenRefreshError({ code, detail: detail || undefined, status: response.status, response: body });
    }
    throw new TokenRefreshError({
      code: null,
      reason: 'transport',
      kind: response.status >= 400 ? 'http' : 'bad_response',
      status: response.status,
      detail: `unexpected answer, HTTP ${response.status}`,
      response: body,
    });
  }

  const manager: TokenManager = {
    async getAccessToken() {
      const row = readOrThrow();
      if (!isDue(row, clock.now())) return row.accessToken!;
      try {
        return await rotateOnce((fresh, now) => !isDue(fresh, now));
      } catch (error) {
        // A proactive refresh failed but the current token still works: use it and try again later.
        if (error instanceof TokenRefreshError && !isExpired(row, clock.now())) return row.accessToken!;
        throw error;
      }
    },
    refresh(rejectedAccessToken) {
      return rotateOnce((fresh) => rejectedAccessToken !== undefined && fresh.accessToken !== rejectedAccessToken);
    },
    setTokens(pair) {
      const now = clock.now();
      repo.write({
        accessToken: pair.accessToken,
        refreshToken: pair.refreshToken ?? null,
        accessExpiresAt: pair.expiresInSec === undefined ? null : now + pair.expiresInSec * 1000,
        refreshExpiresAt: pair.refreshToken ? now + REFRESH_TTL_MS : null,
        bootstrapHash: repo.read()?.bootstrapHash ?? null,
        updatedAt: now,
      });
      lastFailure = undefined;
    },
    status() {
      const row = repo.read();
      return {
        hasAccessToken: Boolean(row?.accessToken),
        hasRefreshToken: Boolean(row?.refreshToken),
        accessExpiresAt: row?.accessExpiresAt ?? null,
        refreshExpiresAt: row?.refreshExpiresAt ?? null,
        updatedAt: row?.updatedAt ?? null,
        lastRefreshError: lastFailure ? { failureCode: lastFailure.error.failureCode, at: lastFailure.at } : null,
      };
    },
  };
  return manager;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
