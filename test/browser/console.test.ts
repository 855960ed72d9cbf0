import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/admin/auth/roles.js';
import { buildConsoleApp, type ConsoleTestApp } from '../helpers/build-console-app.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { signedInPage } from './signed-in-page.js';

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 900 };
const SHOTS = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-console-shots-'));
const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

describe('the console in headless Chromium', () => {
  let app: ConsoleTestApp;
  let browser: TestBrowser;
  const dialogs: string[] = [];

  beforeAll(async () => {
    app = await buildConsoleApp();
    browser = await launchChromium();
    app.sim.addGroup({ groupId: 'g1', name: 'Xã Đông Phú' });
    app.sim.addGroup({ groupId: 'g2', name: `Nhóm ${HOSTILE}` });
    await app.broadcast.directory.sync('test');
    app.broadcast.directory.update('g1', { kind: 'commune', unit: 'Xã Đông Phú', tags: ['hộ nghèo'] }, 'test');
    for (const role of ['admin', 'approver', 'editor', 'viewer'] as Role[]) await app.addAccount(`tk-${role}`, role);
    console.log(`console screenshots: ${SHOTS}`);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const signedIn = (name: string, viewport: { width: number; height: number }) =>
    signedInPage(browser, app.url, name, viewport, (m) => dialogs.push(m));

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  }

  /** The page never scrolls sideways as a whole (tables scroll inside their own box). */
  async function expectNoSidewaysScroll(page: Page): Promise<void> {
    const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scroll).toBeLessThanOrEqual(width);
  }

  for (const role of ['admin', 'approver', 'editor', 'viewer'] as Role[]) {
    it(`when a ${role} signs in on a phone and on a desk, then the dashboard fits both`, async () => {
      for (const [label, viewport] of [
        ['phone', PHONE],
        ['desk', DESK],
      ] as const) {
        const page = await signedIn(`tk-${role}`, viewport);
        expect(await page.locator('h1').textContent()).toBe('Tổng quan');
        expect(await page.locator('nav.main a', { hasText: 'Tài khoản' }).count()).toBe(role === 'admin' ? 1 : 0);
        await expectNoSidewaysScroll(page);
        await shot(page, `dashboard-${role}-${label}`);
        await page.close();
      }
    }, 60_000);
  }

  it('when an editor drafts on a phone and an approver approves on a desk, then the run report shows the delivery', async () => {
    const editor = await signedIn('tk-editor', PHONE);
    await editor.goto(`${app.url}/admin/campaigns/new`);
    await editor.fill('#title', 'Chuyên mục tháng 12');
    await editor.fill('#text', 'Kính gửi bà con: rà soát hộ nghèo năm 2026 bắt đầu từ 01/12.');
    expect(await editor.locator('#text-count').textContent()).toBe('60/2000 ký tự');
    expect(await editor.locator('#preview-text').textContent()).toBe(
      'Kính gửi bà con: rà soát hộ nghèo năm 2026 bắt đầu từ 01/12.',
    );
    await editor.check('input[name=tag][value="hộ nghèo"]');
    await editor.check('input[name=scheduleType][value=once]');
    await editor.fill('#onceDate', '29/11/2026');
    await editor.fill('#onceTime', '11:00');
    await expectNoSidewaysScroll(editor);
    await shot(editor, 'campaign-new-phone');
    await editor.click('button:has-text("Lưu bản nháp")');
    await editor.waitForURL(/\/admin\/campaigns\/\d+\?done=created/);
    const campaignUrl = editor.url().split('?')[0]!;
    expect(await editor.locator('.notice.ok').textContent()).toContain('Đã tạo chiến dịch');
    expect(await editor.locator('form[action$="/approve"]').count()).toBe(0);
    await shot(editor, 'campaign-draft-phone');
    await editor.close();

    const approver = await signedIn('tk-approver', DESK);
    await approver.goto(campaignUrl);
    await approver.click('button:has-text("Chạy thử")');
    expect(await approver.locator('h1').textContent()).toBe('Chạy thử chiến dịch');
    expect(await approver.locator('table').textContent()).toContain('Xã Đông Phú');
    await shot(approver, 'campaign-dry-run-desk');
    await approver.goto(campaignUrl);
    await approver.click('button:has-text("Duyệt và lên lịch gửi")');
    await approver.waitForURL(/done=approved/);
    expect(dialogs.some((m) => m.startsWith('Duyệt chiến dịch này?'))).toBe(true);

    app.clock.advance(61 * 60_000);
    await app.broadcast.scheduler.tick();
    await app.broadcast.scheduler.tick();
    expect(app.sim.sentToGroup('g1').map((m) => m.text)).toEqual([
      'Kính gửi bà con: rà soát hộ nghèo năm 2026 bắt đầu từ 01/12.',
    ]);

    await approver.goto(campaignUrl);
    await approver.click('table a');
    expect(await approver.locator('table').textContent()).toContain('Đã gửi');
    await shot(approver, 'run-report-desk');
    await approver.setViewportSize(PHONE);
    await expectNoSidewaysScroll(approver);
    await shot(approver, 'run-report-phone');
    await approver.close();
  }, 90_000);

  it('when an editor answers a hand-off on a phone, then the resident receives the reply', async () => {
    const now = app.clock.now();
    const userId = app.sim.addUser({ displayName: 'Anh Minh', lastInteraction: now }).userId;
    app.residents.noteInteraction(userId, now);
    app.handoffs.open({
      userId,
      question: `Tôi muốn hỏi cán bộ về hộ cận nghèo ${HOSTILE}`,
      lastAnswerId: 'bhyt-can-ngheo',
      now,
    });
    const editor = await signedIn('tk-editor', PHONE);
    await editor.goto(`${app.url}/admin/inbox`);
    expect(await editor.locator('.quote').first().textContent()).toContain(HOSTILE);
    await editor.click('a:has-text("Mở hội thoại")');
    await editor.fill('textarea[name=text]', 'Chào anh, anh mang sổ hộ khẩu lên UBND xã để được hướng dẫn.');
    await shot(editor, 'inbox-phone');
    await editor.click('button:has-text("Gửi trả lời")');
    await editor.waitForURL(/done=replied/);
    expect(app.sim.sentToUser(userId).map((m) => m.text)).toEqual([
      'Chào anh, anh mang sổ hộ khẩu lên UBND xã để được hướng dẫn.',
    ]);
    await editor.close();
  }, 60_000);

  it('when pages show hostile names, then no script runs and a viewer is refused by the server', async () => {
    const viewer = await signedIn('tk-viewer', DESK);
    await viewer.goto(`${app.url}/admin/groups`);
    expect(await viewer.locator('table').textContent()).toContain(`Nhóm ${HOSTILE}`);
    await viewer.goto(`${app.url}/admin/inbox`);
    const forbidden = await viewer.goto(`${app.url}/admin/users`);
    expect(forbidden?.status()).toBe(403);
    expect(await viewer.locator('h1').textContent()).toBe('Không có quyền');
    await shot(viewer, 'forbidden-viewer-desk');
    expect(dialogs.filter((m) => m === '1' || m === '2')).toEqual([]);
    await viewer.close();
  }, 60_000);

  it('when an admin opens the users, report and content pages, then they render on both widths', async () => {
    for (const [label, viewport] of [
      ['phone', PHONE],
      ['desk', DESK],
    ] as const) {
      const page = await signedIn('tk-admin', viewport);
      for (const [name, p] of [
        ['users', '/admin/users'],
        ['report', '/admin/report'],
        ['content', '/admin/content'],
        ['groups', '/admin/groups'],
        ['questions', '/admin/questions'],
      ] as const) {
        const res = await page.goto(`${app.url}${p}`);
        expect(res?.status(), p).toBe(200);
        await shot(page, `${name}-${label}`);
        await expectNoSidewaysScroll(page);
      }
      await page.close();
    }
  }, 90_000);
});
