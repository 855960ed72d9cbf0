import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReplyOutboxStore } from '../../src/bot/reply-outbox-store.js';
import { buildConsoleApp, type ConsoleTestApp } from '../helpers/build-console-app.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { signedInPage } from './signed-in-page.js';

const DESK = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/**
 * Issue 15, fifth round: a reply whose delivery stayed unknown after every lookup ends `unsettled` and is
 * never resent by the bot; the officials see it in the console with what to do.
 */
describe('unsettled replies in the console, in Chromium', () => {
  let app: ConsoleTestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    app = await buildConsoleApp();
    browser = await launchChromium();
    await app.addAccount('can-bo-ha', 'viewer');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A reply to `userId` that went out, was never confirmed, and was not found in the conversation. */
  function unsettledReply(userId: string, text: string): void {
    const store = createReplyOutboxStore(app.db);
    store.enqueue(userId, null, [{ text }], app.clock.now());
    const row = store.nextPending(userId)!;
    store.markSending(row.id, app.clock.now());
    store.markUnsettled(row.id, 3, 'delivery unknown after 3 lookups');
  }

  it('when a reply ends unsettled, then the inbox warns and the list shows it with a Vietnamese label and what to do', async () => {
    const page = await signedInPage(browser, app.url, 'can-bo-ha', DESK);
    await page.goto(`${app.url}/admin/inbox`);
    expect(await page.locator('.unsettled-notice').count()).toBe(0);

    const { userId } = app.sim.addUser({ displayName: 'Nguyễn Thị Hoa', lastInteraction: app.clock.now() });
    await app.sim.sendUserText(userId, 'cho hỏi về hộ nghèo');
    await app.settle();
    app.residents.setDisplayName(userId, 'Nguyễn Thị Hoa');
    unsettledReply(userId, 'Hộ nghèo được hỗ trợ tiền điện mỗi tháng.');

    await page.goto(`${app.url}/admin/inbox`);
    expect(await page.locator('.unsettled-notice').textContent()).toContain(
      '1 tin trả lời chưa rõ đã tới người dân — cần cán bộ kiểm tra trong Zalo.',
    );
    await page.click('.unsettled-notice a:has-text("Xem danh sách")');
    await page.waitForURL(`${app.url}/admin/inbox/unsettled`);
    const row = page.locator('tr.unsettled-reply');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('Hộ nghèo được hỗ trợ tiền điện mỗi tháng.');
    expect(await row.locator('.badge').textContent()).toBe('Chưa rõ đã gửi được');
    expect(await page.locator('.unsettled-todo').textContent()).toBe(
      'Cần làm: mở cuộc trò chuyện với người dân trong Zalo OA, kiểm tra tin đã tới chưa; nếu chưa có thì gửi lại bằng tay.',
    );
    expect(await row.locator(`a[href="/admin/inbox/t/${userId}"]`).textContent()).toBe('Hoa');

    await page.setViewportSize(PHONE);
    await page.reload();
    const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scroll).toBeLessThanOrEqual(width);
    await page.close();
  }, 90_000);
});
