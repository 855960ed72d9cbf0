import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdminApiServer } from '../helpers/admin-api-server.js';
import { startBroadcastHarness, type BroadcastHarness } from '../helpers/broadcast-harness.js';

const TOKEN = 'cli-admin-token-0123456789';
let h: BroadcastHarness;
let server: Awaited<ReturnType<typeof startAdminApiServer>>;

/** Runs `npm run broadcast -- …` (the same file, through tsx) against the test server. */
function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/broadcast.ts', ...args],
      { env: { ...process.env, LOA_XA_URL: server.url, ADMIN_TOKEN: TOKEN, ...env } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  h = await startBroadcastHarness();
  h.sim.addGroup({ groupId: 'g1', name: 'Xã An Bá' });
  server = await startAdminApiServer(h, TOKEN);
});
afterAll(async () => {
  await server.close();
  await h.close();
});

describe('broadcast CLI', () => {
  it('when asked for help, then the usage is printed in Vietnamese', async () => {
    const res = await cli(['--help']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Cách dùng: npm run broadcast -- <lệnh>');
  });

  it('when an official drafts with flags and tries to approve it, then the two-person rule refuses with exit 1; a colleague approves', async () => {
    expect((await cli(['groups', 'sync', '--actor', 'Lan'])).code).toBe(0);
    const created = await cli([
      'campaigns',
      'create',
      '--actor',
      'Lan',
      '--title',
      'Chuyên mục tháng',
      '--text',
      'Chuyên mục giảm nghèo tháng 12',
      '--monthly-day',
      '31',
      '--time',
      '08:00',
      '--all',
    ]);
    expect(created.code).toBe(0);
    const id = (JSON.parse(created.stdout) as { campaign: { id: number; schedule: unknown } }).campaign;
    expect(id.schedule).toEqual({ type: 'monthly', day: 31, time: '08:00' });

    const self = await cli(['campaigns', 'approve', String(id.id), '--actor', 'Lan']);
    expect(self.code).toBe(1);
    expect(self.stderr).toMatch(/không được tự duyệt.*HTTP 403/);
    const other = await cli(['campaigns', 'approve', String(id.id)], { LOA_XA_ACTOR: 'Trần Văn Hùng' });
    expect(JSON.parse(other.stdout).campaign).toMatchObject({ status: 'approved', approvedBy: 'Trần Văn Hùng' });
  });

  it('when the token is wrong or a command is unknown, then the CLI says so and exits non-zero', async () => {
    const wrong = await cli(['campaigns', 'list'], { ADMIN_TOKEN: 'wrong-token-wrong-token' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/HTTP 401/);
    const unknown = await cli(['campaigns', 'explode']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Lệnh không hợp lệ/);
  });

  it('when a run report is exported with --out, then the file is the CSV with a BOM', async () => {
    const c = h.broadcast.campaigns.create(
      {
        title: 'x',
        text: 'Thông báo rà soát',
        audience: { all: true },
        schedule: { type: 'once', at: '2026-11-02T10:00' },
      },
      'a',
    );
    h.broadcast.campaigns.approve(c.id, 'b');
    h.clock.set(Date.parse('2026-11-02T10:00:00+07:00'));
    await h.broadcast.scheduler.tick();
    const runId = h.broadcast.runs.listRuns(c.id)[0]!.id;
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-cli-')), 'bao-cao.csv');
    expect((await cli(['runs', 'csv', String(runId), '--out', out])).code).toBe(0);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('g1,Xã An Bá,đã gửi');
  });
});
