import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';

describe('POST /webhook/zalo under a flood of forged posts', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await buildTestApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('when 2,000 forged posts arrive within a minute, then nothing is stored and each kind of rejection is logged once', async () => {
    const body = JSON.stringify(app.sim.events.userSendText('5510185758261927916', 'giả mạo'));
    const forged = (i: number) =>
      i % 2 === 0 ? app.post(body, {}) : app.post(body, { 'X-ZEvent-Signature': `mac=${'0'.repeat(63)}${i % 10}` });
    const statuses: number[] = [];
    for (let batch = 0; batch < 40; batch++) {
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => forged(batch * 50 + i)));
      statuses.push(...results.map((r) => r.status));
    }
    await app.settle();

    expect(statuses.filter((s) => s === 401)).toHaveLength(2000);
    expect(app.inboxRows()).toBe(0);
    const warnings = app.logs.lines().filter((l) => l.level === 40);
    expect(warnings.map((l) => [l.msg, l.reason])).toEqual([
      ['webhook rejected', 'missing signature'],
      ['webhook rejected', 'invalid signature'],
    ]);
  });
});
