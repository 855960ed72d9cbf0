/**
 * The sandbox survives a restart (issue 12, item 8): `npm start` in sandbox mode on a temp DATA_DIR,
 * through the public doors only (`/admin/api`, `/sandbox/api`, the console): broadcast, chat, hand-off;
 * SIGTERM; start again on the same DATA_DIR: the same groups (a re-sync adds none), the resident's chat
 * is still there and goes on, the open hand-off can be answered, a second broadcast reaches every group,
 * and no start warns about changed tokens.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { consoleClient } from '../helpers/console-client.js';
import { freePort, spawnApp, type SpawnedApp } from '../helpers/spawn-app.js';
import { waitFor, withDeadline } from './wait-for.js';

const ADMIN_TOKEN = 'e2e-sandbox-restart-token-0123456789';
const CHANGED_TOKENS = /changed since they were last stored/;
/** a run waits for its minute, plus the scheduler's tick, on a shared 2-core machine */
const RUN_TIMEOUT_MS = 100_000;

interface Group {
  groupId: string;
  state: string;
}
interface SandboxGroup {
  groupId: string;
  status: string;
  owned: boolean;
  messages: Array<{ text: string }>;
}
interface Chat {
  messages: Array<{ from: string; text: string }>;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-sandbox-restart-'));
const apps: SpawnedApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.crash();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function startSandboxApp(): Promise<SpawnedApp> {
  const app = await spawnApp({
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_TOKEN,
    BROADCAST_QUIET_HOURS: 'off',
    BROADCAST_TICK_SECONDS: '1',
  });
  apps.push(app);
  return app;
}

async function call<T>(app: SpawnedApp, method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${app.url}${route}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(route.startsWith('/admin/api') ? { Authorization: `Bearer ${ADMIN_TOKEN}`, 'X-Actor': 'lan' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${route} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

const syncedGroups = async (app: SpawnedApp): Promise<Group[]> => {
  await call(app, 'POST', '/admin/api/groups/sync');
  return (await call<{ groups: Group[] }>(app, 'GET', '/admin/api/groups')).groups;
};
const sandboxGroups = async (app: SpawnedApp) =>
  (await call<{ groups: SandboxGroup[] }>(app, 'GET', '/sandbox/api/groups')).groups;
const chat = (app: SpawnedApp, userId: string) => call<Chat>(app, 'GET', `/sandbox/api/messages?user=${userId}`);

/** The next whole minute in Asia/Ho_Chi_Minh (UTC+7, no DST) at least 5 s away, as `YYYY-MM-DDTHH:MM`. */
function nextMinute(): string {
  let at = Math.ceil(Date.now() / 60_000) * 60_000;
  if (at - Date.now() < 5_000) at += 60_000;
  return new Date(at + 7 * 3_600_000).toISOString().slice(0, 16);
}

/** Drafts (as lan) and approves (as hung) a one-off campaign to every group, due at the next minute; returns its id. */
async function broadcast(app: SpawnedApp, text: string): Promise<number> {
  const { campaign } = await call<{ campaign: { id: number } }>(app, 'POST', '/admin/api/campaigns', {
    actor: 'lan',
    title: text,
    text,
    audience: { all: true },
    schedule: { type: 'once', at: nextMinute() },
  });
  await call(app, 'POST', `/admin/api/campaigns/${campaign.id}/approve`, { actor: 'hung' });
  return campaign.id;
}

/** Waits until the campaign's run has no delivery left to send; returns its counts. */
async function finishedRun(app: SpawnedApp, campaignId: number) {
  return waitFor(
    `campaign ${campaignId} to be sent`,
    async () => {
      const { runs } = await call<{ runs: Array<{ counts: Record<string, number> }> }>(
        app,
        'GET',
        `/admin/api/campaigns/${campaignId}`,
      );
      const counts = runs[0]?.counts;
      return counts && (counts.total ?? 0) > 0 && counts.pending === 0 && counts.sending === 0 ? counts : undefined;
    },
    { timeoutMs: RUN_TIMEOUT_MS, intervalMs: 500, detail: () => app.output() },
  );
}

const oaTexts = (c: Chat) => c.messages.filter((m) => m.from === 'oa').map((m) => m.text);

describe('sandbox restart on the same DATA_DIR', () => {
  it('when the sandbox is stopped and started again, then groups, residents, chats, hand-offs and broadcasts carry on', async () => {
    const first = await startSandboxApp();
    const password = /password: (\S+)/.exec(first.output())?.[1];
    expect(password).toBeDefined();

    const groupsBefore = await syncedGroups(first);
    const targets = (await sandboxGroups(first)).filter((g) => g.owned && g.status === 'enabled');
    expect(targets.length).toBeGreaterThan(0);

    const { userId } = await call<{ userId: string }>(first, 'POST', '/sandbox/api/residents', {
      displayName: 'Chị Lan',
    });
    await call(first, 'POST', '/sandbox/api/messages', { userId, text: 'hộ nghèo được hỗ trợ những gì' });
    await waitFor('the answer', async () => oaTexts(await chat(first, userId)).length >= 1, { timeoutMs: 30_000 });
    await call(first, 'POST', '/sandbox/api/messages', { userId, text: 'gặp cán bộ' });
    await waitFor('the hand-off reply', async () => oaTexts(await chat(first, userId)).length >= 2, {
      timeoutMs: 30_000,
    });
    const chatBefore = await chat(first, userId);

    const before = await finishedRun(first, await broadcast(first, 'Chuyên mục giảm nghèo tuần 1 (E2E).'));
    expect(before).toMatchObject({ sent: targets.length, failed: 0, unknown: 0 });

    first.terminate();
    expect(await withDeadline('the first run to stop', first.exited, 30_000, first.output)).toEqual({
      code: 0,
      signal: null,
    });

    const second = await startSandboxApp();
    // the same groups: a re-sync neither duplicates them nor marks the old ones deleted
    const groupsAfter = await syncedGroups(second);
    expect(groupsAfter.map((g) => [g.groupId, g.state]).sort()).toEqual(
      groupsBefore.map((g) => [g.groupId, g.state]).sort(),
    );
    expect(groupsAfter.some((g) => g.state === 'deleted')).toBe(false);

    // the resident's chat is still there and goes on
    expect((await chat(second, userId)).messages).toEqual(chatBefore.messages);
    await call(second, 'POST', '/sandbox/api/messages', { userId, text: 'menu' });
    await waitFor('an answer after the restart', async () => oaTexts(await chat(second, userId)).length >= 3, {
      timeoutMs: 30_000,
      detail: second.output,
    });

    // the hand-off opened before the restart can be answered from the console
    const official = consoleClient(second.url);
    expect((await official.signIn('sandbox-admin', password!)).status).toBe(303);
    const inbox = await official.get('/admin/inbox');
    const handoffId = /id="thread-(\d+)"/.exec(inbox.text)?.[1];
    expect(handoffId).toBeDefined();
    const answer = 'Chị mang CCCD lên UBND xã sáng thứ Hai nhé.';
    expect((await official.post(`/admin/inbox/${handoffId}/reply`, { text: answer })).status).toBe(303);
    expect(oaTexts(await chat(second, userId))).toContain(answer);

    // a broadcast after the restart reaches every group; each group shows both
    const after = await finishedRun(second, await broadcast(second, 'Chuyên mục giảm nghèo tuần 2 (E2E).'));
    expect(after).toMatchObject({ sent: targets.length, failed: 0, unknown: 0 });
    for (const group of (await sandboxGroups(second)).filter((g) => g.owned && g.status === 'enabled')) {
      expect(group.messages.map((m) => m.text)).toEqual([
        'Chuyên mục giảm nghèo tuần 1 (E2E).',
        'Chuyên mục giảm nghèo tuần 2 (E2E).',
      ]);
    }
    expect(first.output()).not.toMatch(CHANGED_TOKENS);
    expect(second.output()).not.toMatch(CHANGED_TOKENS);
  }, 300_000);
});
