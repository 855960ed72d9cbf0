import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/create-i18n.js';
import { buildConsoleApp, TEST_PASSWORD, type ConsoleTestApp } from '../helpers/build-console-app.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 900 };
const BACK_TO_BOT = createI18n().getFixedT('vi', 'dialog')('handoff.backToBot');

/**
 * Issue 11 in a real browser: residents write through signed webhooks from the Zalo simulator, an
 * official works the thread in headless Chromium.
 */
describe('hand-off threads in Chromium', () => {
  let app: ConsoleTestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    app = await buildConsoleApp();
    browser = await launchChromium();
    await app.addAccount('can-bo-lan', 'editor');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
    await browser.context.clearCookies();
    const page = await browser.newPage(viewport);
    await page.goto(`${app.url}/admin/login`);
    await page.fill('#name', 'can-bo-lan');
    await page.fill('#password', TEST_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${app.url}/admin`);
    return page;
  }
  async function resident(name: string): Promise<{ userId: string; say: (text: string) => Promise<void> }> {
    const userId = app.sim.addUser({ displayName: name, lastInteraction: app.clock.now() }).userId;
    const say = async (text: string) => {
      await app.sim.sendUserText(userId, text);
      await app.settle();
    };
    await say('cho tôi gặp cán bộ');
    app.residents.setDisplayName(userId, name);
    return { userId, say };
  }
  async function fits(page: Page): Promise<void> {
    const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scroll, page.url()).toBeLessThanOrEqual(width);
  }
  const texts = (userId: string) => app.sim.sentToUser(userId).map((m) => m.text);

  it('when an official answers from the console and the resident writes three more, then all three show in the thread with the unread badge', async () => {
    const { userId, say } = await resident('Trần Văn Minh');
    const page = await signedIn(DESK);
    await page.click('nav.main a[href="/admin/inbox"]');
    await page.click('a:has-text("Minh")');
    await page.click('button:has-text("Nhận xử lý")');
    await page.fill('#reply-text', 'Chào anh, anh cần hỏi gì ạ?');
    await page.click('button:has-text("Gửi trả lời")');
    await page.waitForURL(/done=replied/);
    expect(texts(userId)).toContain('Chào anh, anh cần hỏi gì ạ?');
    const sentBefore = texts(userId).length;

    for (const text of ['cảm ơn anh', 'cho tôi hỏi thêm', 'về thẻ BHYT']) await say(text);
    expect(texts(userId)).toHaveLength(sentBefore);
    await page.goto(`${app.url}/admin/inbox`);
    expect(await page.locator('nav.main a[href="/admin/inbox"]').textContent()).toBe('Hội thoại (1)');
    expect(await page.locator('.thread-card', { hasText: 'Minh' }).textContent()).toContain('3 tin chưa đọc');
    await page.click('a:has-text("Minh")');
    const messages = await page.locator('.thread .msg-resident .msg-text').allTextContents();
    expect(messages.slice(-3)).toEqual(['cảm ơn anh', 'cho tôi hỏi thêm', 'về thẻ BHYT']);
    await page.close();
  }, 90_000);

  it('when a resident sends 30 messages in a minute, then every one is visible to the official', async () => {
    const { userId, say } = await resident('Lê Thị Nga');
    const sentBefore = texts(userId).length;
    for (let i = 1; i <= 30; i++) {
      await say(`tin số ${i}`);
      app.clock.advance(2_000);
    }
    const page = await signedIn(PHONE);
    await page.goto(`${app.url}/admin/inbox/t/${userId}`);
    const shown = await page.locator('.thread .msg-resident .msg-text').allTextContents();
    for (let i = 1; i <= 30; i++) expect(shown).toContain(`tin số ${i}`);
    // the bot said nothing while the resident waited for an official
    expect(texts(userId)).toHaveLength(sentBefore);
    await fits(page);
    await page.close();
  }, 120_000);

  it('when the official presses "Trả lại cho bot", then the resident is told once and the bot answers the next question', async () => {
    const { userId, say } = await resident('Phạm Văn Tú');
    const page = await signedIn(PHONE);
    await page.goto(`${app.url}/admin/inbox/t/${userId}`);
    await page.click('button:has-text("Trả lại cho bot")');
    await page.waitForURL(/done=returned/);
    await app.settle();
    expect(texts(userId).filter((t) => t === BACK_TO_BOT)).toHaveLength(1);
    const before = texts(userId).length;
    await say('menu');
    expect(texts(userId).length).toBeGreaterThan(before);
    await fits(page);
    await page.goto(`${app.url}/admin/inbox/history`);
    expect(await page.locator('table').textContent()).toContain('Tú');
    await fits(page);
    await page.goto(`${app.url}/admin/inbox`);
    await fits(page);
    await page.close();
  }, 90_000);
});
