import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { answerTokenRequest, createRemoteTokens, isTokenRequest } from '../../../src/zalo/token-bridge.js';
import type { TokenManager } from '../../../src/zalo/token-manager.js';
import { TokenRefreshError } from '../../../src/zalo/token-refresh-error.js';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

/** the main side's token manager behind port1, the worker's bridge on port2 */
function bridge(tokens: Pick<TokenManager, 'getAccessToken' | 'refresh'>) {
  const channel = new MessageChannel();
  channels.push(channel);
  channel.port1.on('message', (message: unknown) => {
    if (isTokenRequest(message)) answerTokenRequest(channel.port1, tokens as TokenManager, message);
  });
  return createRemoteTokens(channel.port2);
}

describe('token bridge between the bot worker and the main thread', () => {
  it('when the worker asks for tokens and refreshes, then the main thread’s manager answers each call', async () => {
    const calls: string[] = [];
    const remote = bridge({
      getAccessToken: async () => 'access-1',
      refresh: async (rejected) => {
        calls.push(`refresh:${rejected}`);
        return 'access-2';
      },
    });
    await expect(remote.getAccessToken()).resolves.toBe('access-1');
    await expect(remote.refresh('access-1')).resolves.toBe('access-2');
    expect(calls).toEqual(['refresh:access-1']);
  });

  it('when the refresh fails, then the worker gets a TokenRefreshError with the same code and advice', async () => {
    const remote = bridge({
      getAccessToken: async () => 'access-1',
      refresh: async () => {
        throw new TokenRefreshError({ code: -14020 });
      },
    });
    const err = await remote.refresh().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenRefreshError);
    expect((err as TokenRefreshError).code).toBe(-14020);
    expect((err as TokenRefreshError).message).toBe(new TokenRefreshError({ code: -14020 }).message);
  });

  it('when another error happens, then the worker’s call rejects with its message', async () => {
    const remote = bridge({
      getAccessToken: async () => {
        throw new Error('database is closed');
      },
      refresh: async () => 'x',
    });
    await expect(remote.getAccessToken()).rejects.toThrow('database is closed');
  });
});
