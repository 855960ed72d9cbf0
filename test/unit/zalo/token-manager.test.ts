import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TokenManagerDeps } from '../../../src/zalo/token-manager.js';
import { TokenRefreshError } from '../../../src/zalo/token-refresh-error.js';
import { allowOnlyLocalhost, nock } from '../../helpers/local-nock.js';
import {
  APP_ID,
  APP_SECRET,
  OAUTH_URL,
  apiFixture,
  createFakeTime,
  createTempDb,
  createTestTokenManager,
} from '../../helpers/zalo-client-harness.js';

const HOUR = 3_600_000;
const refreshed = apiFixture('access_token_refresh.json') as { access_token: string; refresh_token: string };

let temp: ReturnType<typeof createTempDb>;
let time: ReturnType<typeof createFakeTime>;

function manager(overrides: Partial<TokenManagerDeps> = {}) {
  return createTestTokenManager({ db: temp.db, clock: time.clock, ...overrides });
}

function storedRow() {
  return temp.db.prepare('SELECT access_token, refresh_token, access_expires_at FROM zalo_tokens').get() as {
    access_token: string;
    refresh_token: string;
    access_expires_at: number | null;
  };
}

/** Mocks the OAuth refresh endpoint (only with the app's `secret_key` header); records each form. */
function mockRefresh(reply: object = refreshed, times = 1) {
  const calls: Array<Record<string, string>> = [];
  let lastForm: Record<string, string> = {};
  nock(OAUTH_URL)
    .matchHeader('secret_key', APP_SECRET)
    .matchHeader('content-type', 'application/x-www-form-urlencoded')
    .post('/v4/oa/access_token', (form: Record<string, string>) => {
      lastForm = { ...form };
      return true;
    })
    .times(times)
    .reply(() => {
      calls.push(lastForm);
      return [200, reply];
    });
  return calls;
}

beforeAll(allowOnlyLocalhost);
beforeEach(() => {
  temp = createTempDb();
  time = createFakeTime();
});
afterEach(() => {
  nock.cleanAll();
  temp.cleanup();
});

describe('createTokenManager', () => {
  it('when the table is empty, then the bootstrap pair is stored with unknown expiry and used as is', async () => {
    const tokens = manager();
    expect(await tokens.getAccessToken()).toBe('AT-0');
    expect(storedRow()).toEqual({ access_token: 'AT-0', refresh_token: 'RT-0', access_expires_at: null });
    const status = tokens.status();
    expect(status).toMatchObject({
      hasAccessToken: true,
      hasRefreshToken: true,
      accessExpiresAt: null,
      lastRefreshError: null,
    });
    expect(JSON.stringify(status)).not.toMatch(/AT-0|RT-0/);
  });

  it('when the process restarts with the same environment, then the refreshed pair in the database is kept', async () => {
    mockRefresh();
    await manager().refresh();
    manager();
    expect(storedRow().access_token).toBe(refreshed.access_token);
  });

  it('when the environment pair changes (re-authorization), then it replaces the stored pair', async () => {
    mockRefresh();
    await manager().refresh();
    manager({ bootstrap: { accessToken: 'AT-new', refreshToken: 'RT-new' } });
    expect(storedRow()).toMatchObject({ access_token: 'AT-new', refresh_token: 'RT-new' });
  });

  it('when refreshing, then it posts the documented form with the secret_key header and persists the new pair before returning', async () => {
    const calls = mockRefresh();
    const tokens = manager();
    const token = await tokens.refresh();
    expect(token).toBe(refreshed.access_token);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual({ refresh_token: 'RT-0', app_id: APP_ID, grant_type: 'refresh_token' });
    expect(storedRow()).toEqual({
      access_token: refreshed.access_token,
      refresh_token: refreshed.refresh_token,
      access_expires_at: time.clock.now() + 90_000 * 1000,
    });
  });

  it('when a refresh answer carries no refresh_token, then the stored refresh token is kept and used next time', async () => {
    const calls = mockRefresh({ access_token: 'AT-1', expires_in: '90000' }, 2);
    const tokens = manager();
    expect(await tokens.refresh()).toBe('AT-1');
    expect(storedRow()).toMatchObject({ access_token: 'AT-1', refresh_token: 'RT-0' });
    await tokens.refresh();
    expect(calls.map((form) => form.refresh_token)).toEqual(['RT-0', 'RT-0']);
  });

  it('when less than 6 h of the access token remain, then getAccessToken refreshes first', async () => {
    const tokens = manager();
    tokens.setTokens({ accessToken: 'AT-1', refreshToken: 'RT-1', expiresInSec: 8 * 3600 });
    expect(await tokens.getAccessToken()).toBe('AT-1');
    const calls = mockRefresh();
    time.clock.advance(2 * HOUR + 1);
    expect(await tokens.getAccessToken()).toBe(refreshed.access_token);
    expect(calls[0]?.refresh_token).toBe('RT-1');
  });

  it('when 100 callers refresh at once, then one HTTP call serves them all', async () => {
    const calls = mockRefresh(refreshed, 100);
    const tokens = manager();
    const results = await Promise.all(Array.from({ length: 100 }, () => tokens.refresh('AT-0')));
    expect(new Set(results)).toEqual(new Set([refreshed.access_token]));
    expect(calls).toHaveLength(1);
  });

  it('when another process already rotated the pair, then a refresh for the rejected token makes no call', async () => {
    const calls = mockRefresh(refreshed, 2);
    const mine = manager();
    const other = manager();
    await other.refresh('AT-0');
    expect(await mine.refresh('AT-0')).toBe(refreshed.access_token);
    expect(calls).toHaveLength(1);
  });

  it('when Zalo refuses the refresh token (-14020), then the old pair stays and the error says to re-authorize', async () => {
    mockRefresh({ error: -14020, error_name: 'Invalid refresh token', error_description: 'refresh token is used' });
    const tokens = manager();
    const before = storedRow();
    const error = await tokens.refresh('AT-0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRefreshError);
    expect((error as TokenRefreshError).code).toBe(-14020);
    expect((error as Error).message).toMatch(/re-authorize the app/);
    expect((error as Error).message).toContain('ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN');
    expect(storedRow()).toEqual(before);
    expect(tokens.status().lastRefreshError).toMatchObject({ failureCode: '-14020' });
  });

  it('when the app secret is wrong (-14004), then the error points at ZALO_APP_SECRET', async () => {
    mockRefresh({ error: -14004, error_name: 'Invalid secret key' });
    const error = await manager()
      .refresh()
      .catch((e: unknown) => e);
    expect((error as TokenRefreshError).message).toContain('ZALO_APP_SECRET');
  });

  it('when a refresh just failed, then callers within a minute get the same error without another call', async () => {
    const calls = mockRefresh({ error: -14020 }, 3);
    const tokens = manager();
    await expect(tokens.refresh('AT-0')).rejects.toThrow(TokenRefreshError);
    await expect(tokens.refresh('AT-0')).rejects.toThrow(TokenRefreshError);
    expect(calls).toHaveLength(1);
    time.clock.advance(61_000);
    await expect(tokens.refresh('AT-0')).rejects.toThrow(TokenRefreshError);
    expect(calls).toHaveLength(2);
  });

  it('when a proactive refresh fails but the token is still valid, then the current token is used', async () => {
    mockRefresh({ error: -14003 });
    const tokens = manager();
    tokens.setTokens({ accessToken: 'AT-1', refreshToken: 'RT-1', expiresInSec: 3600 });
    expect(await tokens.getAccessToken()).toBe('AT-1');
  });

  it('when the access token has expired and the refresh fails, then the refresh error is thrown', async () => {
    mockRefresh({ error: -14020 });
    const tokens = manager();
    tokens.setTokens({ accessToken: 'AT-1', refreshToken: 'RT-1', expiresInSec: 60 });
    time.clock.advance(61_000);
    await expect(tokens.getAccessToken()).rejects.toThrow(TokenRefreshError);
  });

  it('when no token was ever configured, then getAccessToken tells the operator to set them', async () => {
    const tokens = manager({ bootstrap: {} });
    await expect(tokens.getAccessToken()).rejects.toThrow(/set ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN/i);
  });

  it('when the OAuth server is unreachable, then the old pair stays and the error says so', async () => {
    const tokens = manager(); // nothing listens on OAUTH_URL and no mock is set: connection refused
    const error = await tokens.refresh().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRefreshError);
    expect((error as TokenRefreshError).failureCode).toBe('network');
    expect(storedRow().refresh_token).toBe('RT-0');
  });
});
