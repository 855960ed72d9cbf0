import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createManualClock } from '../../../src/shared/clock.js';
import { createSilentLogger } from '../../../src/shared/logger.js';
import { createI18n } from '../../../src/i18n/create-i18n.js';
import { openDatabase, type Db } from '../../../src/storage/open-database.js';
import { createBroadcast, type BroadcastOptions } from '../../../src/broadcast/create-broadcast.js';
import type { GroupMessage, ZaloApi, ZaloGroupChatMessage, ZaloGroupInfo } from '../../../src/zalo/zalo-api.js';
import { ZaloApiError } from '../../../src/zalo/zalo-api-error.js';

export const TZ = 'Asia/Ho_Chi_Minh';
/** A local wall-clock time in Vietnam (UTC+7) as epoch ms. */
export const vn = (local: string): number => Date.parse(`${local}+07:00`);

/** A fresh database file in a temp dir (real SQLite, WAL). */
export function tempDbFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-broadcast-'));
  return path.join(dir, 'loa-xa.sqlite');
}

type Fault = (groupId: string) => ZaloApiError | 'deliver-then-timeout' | null;

/**
 * An in-memory `ZaloApi` for domain tests: groups with status/ownership and a history, a fault
 * hook per send. Integration tests use the real client against the simulator instead.
 */
export function createFakeZalo(clock: { now(): number }) {
  const groups = new Map<string, { info: ZaloGroupInfo; owned: boolean; history: ZaloGroupChatMessage[] }>();
  let seq = 0;
  let fault: Fault = () => null;
  let historyBroken = false;
  const sends: { groupId: string; message: GroupMessage }[] = [];
  const deliver = (groupId: string, message: GroupMessage) => {
    const messageId = `m${++seq}`;
    groups.get(groupId)!.history.unshift({
      messageId,
      src: 0,
      time: clock.now(),
      type: message.imageUrl ? 'image' : 'text',
      text: message.imageUrl ? undefined : message.text.trim(),
    });
    sends.push({ groupId, message });
    return messageId;
  };
  const apiError = (code: number) =>
    new ZaloApiError({ kind: 'api', code, method: 'POST', path: '/v3.0/oa/group/message' });
  const api: ZaloApi = {
    async sendText() {
      throw new Error('not used');
    },
    async sendGroupMessage(groupId, message) {
      const f = fault(groupId);
      if (f === 'deliver-then-timeout') {
        deliver(groupId, message);
        throw new ZaloApiError({ kind: 'timeout', code: null, method: 'POST', path: '/v3.0/oa/group/message' });
      }
      if (f) throw f;
      const g = groups.get(groupId);
      if (!g || !g.owned) throw apiError(-403);
      if (g.info.status !== 'enabled') throw apiError(-237);
      return { messageId: deliver(groupId, message) };
    },
    async listGroups() {
      return [...groups.values()].filter((g) => g.owned).map((g) => ({ ...g.info }));
    },
    async getGroup(groupId) {
      const g = groups.get(groupId);
      if (!g || !g.owned) throw apiError(-403);
      return { ...g.info, assetType: 'gmf100' };
    },
    async getGroupConversation(groupId, options) {
      if (historyBroken)
        throw new ZaloApiError({
          kind: 'http',
          code: null,
          status: 503,
          method: 'GET',
          path: '/v3.0/oa/group/conversation',
        });
      const g = groups.get(groupId);
      if (!g) throw apiError(-403);
      const offset = options?.offset ?? 0;
      return g.history.slice(offset, offset + (options?.count ?? 10));
    },
    async getUserConversation() {
      throw new Error('not used');
    },
    async getOaInfo() {
      return { oaId: 'oa', name: 'OA' };
    },
    async getUserDetail(userId) {
      return { userId };
    },
  };
  return {
    api,
    sends,
    apiError,
    addGroup(groupId: string, opts: { name?: string; status?: 'enabled' | 'disabled'; owned?: boolean } = {}) {
      groups.set(groupId, {
        info: { groupId, name: opts.name ?? `Nhóm ${groupId}`, status: opts.status ?? 'enabled', totalMember: 3 },
        owned: opts.owned ?? true,
        history: [],
      });
    },
    setStatus(groupId: string, status: 'enabled' | 'disabled') {
      groups.get(groupId)!.info.status = status;
    },
    history: (groupId: string) => groups.get(groupId)!.history,
    setFault(f: Fault) {
      fault = f;
    },
    setHistoryBroken(broken: boolean) {
      historyBroken = broken;
    },
  };
}

export const DEFAULT_OPTIONS: BroadcastOptions = {
  timeZone: TZ,
  quietHours: null,
  twoPersonRule: true,
  graceMs: 6 * 3_600_000,
  tickMs: 15_000,
  concurrency: 4,
  maxAttempts: 3,
  retryBaseMs: 30_000,
  retryCapMs: 15 * 60_000,
  historySkewMs: 60_000,
};

/** The broadcast domain over a real SQLite file and the fake Zalo, with a manual clock. */
export function setupBroadcast(
  opts: {
    file?: string;
    start?: number;
    options?: Partial<BroadcastOptions>;
    zalo?: ReturnType<typeof createFakeZalo>;
    clock?: ReturnType<typeof createManualClock>;
  } = {},
) {
  const clock = opts.clock ?? createManualClock(opts.start ?? vn('2026-11-02T09:00:00'));
  const file = opts.file ?? tempDbFile();
  const db: Db = openDatabase(file);
  const zalo = opts.zalo ?? createFakeZalo(clock);
  const broadcast = createBroadcast({
    db,
    zalo: zalo.api,
    clock,
    log: createSilentLogger(),
    i18n: createI18n(),
    options: { ...DEFAULT_OPTIONS, ...opts.options },
  });
  return { clock, db, file, zalo, broadcast };
}

/** A valid campaign input; override what the test is about. */
export function campaignInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Chuyên mục giảm nghèo tháng 12',
    text: 'Chuyên mục giảm nghèo: hộ nghèo được hỗ trợ 100% mệnh giá thẻ BHYT.',
    audience: { all: true },
    schedule: { type: 'once' as const, at: '2026-11-02T10:00' },
    ...overrides,
  } as Parameters<ReturnType<typeof createBroadcast>['campaigns']['create']>[0];
}
