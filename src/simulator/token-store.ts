import { createHash } from 'node:crypto';
import type { Clock } from '../shared/clock.js';
import { opaqueToken } from './simulator-ids.js';
import type { TokenPair } from './simulator-types.js';

/** Zalo's documented lifetimes: access 25 h (`expires_in: "90000"`), refresh 3 months, code 10 min. */
export const ACCESS_TOKEN_TTL_MS = 90_000 * 1000;
export const REFRESH_TOKEN_TTL_MS = 90 * 24 * 3600 * 1000;
export const AUTH_CODE_TTL_MS = 10 * 60 * 1000;

export type AccessCheck = 'valid' | 'unknown' | 'expired';

export type TokenResult = { ok: true; pair: TokenPair } | { ok: false; code: number };

export interface TokenStore {
  /** A fresh pair, as after an OA admin grants the app (bootstrap). */
  issue(): TokenPair;
  /** Single-use rotation: the old refresh token dies now; reuse, unknown or expired → -14020. */
  refresh(refreshToken: string): TokenResult;
  checkAccess(accessToken: string | undefined): AccessCheck;
  /** Creates a single-use authorization code that remembers the PKCE challenge. */
  createCode(codeChallenge: string | undefined): string;
  /** Redeems a code: unknown, used, older than 10 min or PKCE mismatch → -14003. */
  redeemCode(code: string, codeVerifier: string | undefined): TokenResult;
  /** Every live access token expires now (the next calls get -216); refresh tokens stay valid. */
  expireAccessTokens(): void;
  /** Every token with its expiry (and refresh tokens' used flag), to persist; codes are not kept. */
  snapshot(): TokenSnapshot;
  /** Replaces every token with a snapshot's (a restarted sandbox keeps the OA's grant). */
  restore(snapshot: TokenSnapshot): void;
}

/** Plain-data tokens: `[token, expiresAt]` and `[token, expiresAt, used]`. */
export interface TokenSnapshot {
  access: Array<[string, number]>;
  refresh: Array<[string, number, boolean]>;
}

/** In-memory tokens with lifetimes driven by the injected clock. */
export function createTokenStore(clock: Clock): TokenStore {
  const access = new Map<string, number>();
  const refresh = new Map<string, { expiresAt: number; used: boolean }>();
  const codes = new Map<string, { expiresAt: number; challenge?: string; used: boolean }>();

  function issue(): TokenPair {
    const pair = { accessToken: opaqueToken(), refreshToken: opaqueToken() };
    access.set(pair.accessToken, clock.now() + ACCESS_TOKEN_TTL_MS);
    refresh.set(pair.refreshToken, { expiresAt: clock.now() + REFRESH_TOKEN_TTL_MS, used: false });
    return pair;
  }

  return {
    issue,
    refresh(token) {
      const entry = refresh.get(token);
      if (!entry || entry.used || entry.expiresAt <= clock.now()) return { ok: false, code: -14020 };
      entry.used = true;
      return { ok: true, pair: issue() };
    },
    checkAccess(token) {
      const expiresAt = token ? access.get(token) : undefined;
      if (expiresAt === undefined) return 'unknown';
      return expiresAt <= clock.now() ? 'expired' : 'valid';
    },
    createCode(challenge) {
      const code = opaqueToken(32);
      codes.set(code, { expiresAt: clock.now() + AUTH_CODE_TTL_MS, challenge, used: false });
      return code;
    },
    expireAccessTokens() {
      const now = clock.now();
      for (const [token, expiresAt] of access) if (expiresAt > now) access.set(token, now);
    },
    redeemCode(code, verifier) {
      const entry = codes.get(code);
      if (!entry || entry.used || entry.expiresAt <= clock.now()) return { ok: false, code: -14003 };
      if (entry.challenge !== undefined) {
        const computed = verifier ? createHash('sha256').update(verifier, 'ascii').digest('base64url') : '';
        if (computed !== entry.challenge) return { ok: false, code: -14003 };
      }
      entry.used = true;
      return { ok: true, pair: issue() };
    },
    snapshot: () => ({
      access: [...access],
      refresh: [...refresh].map(([token, entry]): [string, number, boolean] => [token, entry.expiresAt, entry.used]),
    }),
    restore(snapshot) {
      access.clear();
      refresh.clear();
      for (const [token, expiresAt] of snapshot.access) access.set(token, expiresAt);
      for (const [token, expiresAt, used] of snapshot.refresh) refresh.set(token, { expiresAt, used });
    },
  };
}
