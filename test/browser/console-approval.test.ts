import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsoleApp, type ConsoleTestApp } from '../helpers/build-console-app.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { signedInPage } from './signed-in-page.js';

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 900 };

describe('guided approval and schedules in headless Chromium', () => {
  let app: ConsoleTestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    app = await buildConsoleApp({ quietHours: '21:00-07:00', approvalNotifyGroupId: 'canbo' });
    app.clock.set(Date.parse('2026-12-08T03:00:00+07:00'));
    browser = await launchChromium();
    app.sim.addGroup({ groupId: 'g1', name: 'Xã Đông Phú' });
    app.sim.addGroup({ groupId: 'canbo', name: 'Nhóm cán bộ' });
    await app.broadcast.directory.sync('test');
    app.broadcast.directory.update('g1', { kind: 'commune', unit: 'Xã Đông Phú', tags: [] }, 'test');
    await app.addAccount('bien-tap', 'editor');
    await app.addAccount('lanh-dao', 'approver');
    await app.addAccount('quan-tri', 'admin');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const signedIn = (name: string, viewport: { width: number; height: number }) =>
    signedInPage(browser, app.url, name, viewport);

  async function expectNoSidewaysScroll(page: Page): Promise<void> {
    const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scroll).toBeLessThanOrEqual(width);
  }

  it('when a drafter on a phone saves a campaign at 03:00 and asks for approval, then it says 07:00 and the approver on a desk sees it first and approves', async () => {
    const editor = await signedIn('bien-tap', PHONE);
    await editor.goto(`${app.url}/admin/campaigns/new`);
    await editor.fill('#title', 'Họp thôn sáng nay');
    await editor.fill('#text', 'Kính gửi bà con: họp thôn lúc 8 giờ sáng nay tại nhà văn hoá.');
    await editor.check('input[name=kind][value=commune]');
    await editor.check('input[name=scheduleType][value=monthly]');
    expect(await editor.isVisible('#monthlyDay')).toBe(true);
    expect(await editor.isVisible('#onceDate')).toBe(false);
    expect(await editor.isVisible('#cronExpression')).toBe(false);
    await editor.check('input[name=scheduleType][value=once]');
    expect(await editor.isVisible('#onceDate')).toBe(true);
    expect(await editor.isVisible('#monthlyDay')).toBe(false);
    await editor.fill('#onceDate', '08/12/2026');
    await editor.fill('#onceTime', '03:30');
    await expectNoSidewaysScroll(editor);
    await editor.click('button:has-text("Lưu bản nháp")');
    await editor.waitForURL(/done=created/);
    expect(await editor.locator('[data-forecast]').textContent()).toBe(
      'Sẽ gửi lúc 07:00 ngày 08/12 (sau giờ yên lặng 21:00–07:00) tới 1 nhóm.',
    );
    expect(await editor.locator('#approval').textContent()).toContain('Người có thể duyệt: lanh-dao, quan-tri');
    await editor.click('button:has-text("Gửi đề nghị duyệt")');
    await editor.waitForURL(/done=approval_requested/);
    expect(await editor.locator('[data-approval-requested]').textContent()).toContain('bien-tap');
    await expectNoSidewaysScroll(editor);
    const campaignUrl = editor.url().split('?')[0]!;
    await editor.close();
    expect(app.sim.sentToGroup('canbo')).toHaveLength(1);

    const approver = await signedIn('lanh-dao', DESK);
    expect(await approver.locator('nav.main a[href="/admin/campaigns"] .nav-badge').textContent()).toBe('1');
    await approver.click('nav.main a[href="/admin/campaigns"]');
    const firstHeading = await approver.locator('main h2, main h1 + section h2').first().textContent();
    expect(firstHeading).toBe('Chờ tôi duyệt (1)');
    await approver.click('#awaiting-me a');
    expect(approver.url().split('#')[0]).toBe(campaignUrl);
    expect(await approver.locator('[data-approval-groups]').textContent()).toBe('Xã Đông Phú');
    expect(await approver.locator('.zalo-preview .bubble').last().textContent()).toBe(
      'Kính gửi bà con: họp thôn lúc 8 giờ sáng nay tại nhà văn hoá.',
    );
    expect(await approver.locator('[data-forecast]').textContent()).toContain('lúc 07:00 ngày 08/12');
    await approver.click('button:has-text("Duyệt và lên lịch gửi")');
    await approver.waitForURL(/done=approved/);
    expect(await approver.locator('nav.main .nav-badge').count()).toBe(0);
    await approver.setViewportSize(PHONE);
    await expectNoSidewaysScroll(approver);
    await approver.close();
  }, 90_000);

  it('when an admin creates an account without a password, then the one-time password has a working copy button', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    const admin = await signedIn('quan-tri', PHONE);
    await admin.goto(`${app.url}/admin/users`);
    await admin.fill('#new-name', 'can-bo-moi');
    await admin.click('button:has-text("Thêm tài khoản")');
    const password = (await admin.locator('#one-time-password').textContent())!.trim();
    expect(password.length).toBeGreaterThan(10);
    await admin.click('button[data-copy="one-time-password"]');
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(password);
    expect(await admin.locator('button[data-copy="one-time-password"]').textContent()).toBe('Đã sao chép');
    await expectNoSidewaysScroll(admin);
    await admin.close();
  }, 60_000);
});
