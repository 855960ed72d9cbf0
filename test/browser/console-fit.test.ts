import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/admin/auth/roles.js';
import { buildConsoleApp, TEST_PASSWORD, type ConsoleTestApp } from '../helpers/build-console-app.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';

/** Screenshots land here (git-ignored), one per role × width × page. */
const SHOTS = path.resolve('test-results/console-fit');
const WIDTHS = [
  { label: 'phone', width: 390, height: 844 },
  { label: 'desk', width: 1280, height: 900 },
] as const;
const LONG_WORD = 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.004946';
const LONG_NAME = 'Nhóm Zalo Ban chỉ đạo thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững xã Đông Phú';
/** Never followed: downloads, sign-out, and the CSV / JSON endpoints. */
const SKIP = /\.csv$|\/progress$|\/logout$/;
const MAX_PAGES = 40;

/**
 * Issue 14 item 1: every console page, as each role, at 390 and 1280 px, fits its width — the page
 * never scrolls sideways, and on a phone no table hides columns in a sideways-scrolling box (tables
 * become stacked cards). Pages are found by following the console's own links from the dashboard,
 * so pages added later (inbox threads, …) are covered too.
 */
describe('every console page fits a phone and a desk', () => {
  let app: ConsoleTestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await buildConsoleApp();
    browser = await launchChromium();
    await seed(app);
    for (const role of ROLES) await app.addAccount(`tai-khoan-${role}`, role);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signIn(role: Role, viewport: { width: number; height: number }): Promise<Page> {
    await browser.context.clearCookies();
    const page = await browser.newPage(viewport);
    page.on('dialog', (d) => void d.dismiss());
    await page.goto(`${app.url}/admin/login`);
    await expectFits(page, `signin-${viewport.width}`);
    await page.fill('#name', `tai-khoan-${role}`);
    await page.fill('#password', TEST_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${app.url}/admin`);
    return page;
  }

  /** Fails with the offending elements when anything sticks out sideways. */
  async function expectFits(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
    const problems = await page.evaluate((phone) => {
      const width = window.innerWidth;
      const out: string[] = [];
      const describe = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).replace(/ /g, '.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      if (document.documentElement.scrollWidth > width) {
        out.push(`page is ${document.documentElement.scrollWidth}px wide in ${width}px`);
        for (const el of Array.from(document.querySelectorAll('body *'))) {
          const r = el.getBoundingClientRect();
          if (r.right > width + 1 && r.width > 0) out.push(`${describe(el)} ends at ${Math.round(r.right)}px`);
          if (out.length > 8) break;
        }
      }
      if (phone) {
        for (const el of Array.from(document.querySelectorAll('.table-wrap, pre, nav'))) {
          if (el.scrollWidth > el.clientWidth + 1) out.push(`${describe(el)} scrolls sideways`);
        }
      }
      return out;
    }, page.viewportSize()!.width < 600);
    expect(problems, `${name}: ${page.url()}`).toEqual([]);
  }

  it('when an editor opens the menu on a phone, then the sections appear; on a desk they are always shown', async () => {
    const phone = await signIn('editor', WIDTHS[0]);
    const campaigns = phone.locator('nav.main a', { hasText: 'Chiến dịch' });
    expect(await campaigns.isVisible()).toBe(false);
    await phone.click('.menu-toggle');
    expect(await campaigns.isVisible()).toBe(true);
    expect(await phone.getAttribute('.menu-toggle', 'aria-expanded')).toBe('true');
    await phone.close();
    const desk = await signIn('editor', WIDTHS[1]);
    expect(await desk.locator('.menu-toggle').isVisible()).toBe(false);
    expect(await desk.locator('nav.main a', { hasText: 'Chiến dịch' }).isVisible()).toBe(true);
    await desk.close();
  }, 60_000);

  for (const role of ROLES) {
    for (const viewport of WIDTHS) {
      it(`when a ${role} opens every page at ${viewport.width} px, then none scrolls sideways`, async () => {
        const page = await signIn(role, viewport);
        const seen = new Set<string>();
        // plus pages no link leads to for every role: refusals (403) and a missing page (404)
        const queue = ['/admin', '/admin/users', '/admin/campaigns/new', '/admin/khong-co-trang-nay'];
        while (queue.length > 0 && seen.size < MAX_PAGES) {
          const next = queue.shift()!;
          if (seen.has(next)) continue;
          seen.add(next);
          const res = await page.goto(`${app.url}${next}`);
          expect([200, 403, 404], next).toContain(res?.status());
          await expectFits(page, `${role}-${viewport.label}-${slug(next)}`);
          const links = await page.$$eval('a[href^="/admin"]:not([download])', (as) =>
            as.map((a) => a.getAttribute('href')!),
          );
          for (const href of links) if (!SKIP.test(href.split('?')[0]!) && !seen.has(href)) queue.push(href);
        }
        // pages behind a form: a dry run, and the drafting form itself
        if (role !== 'viewer') {
          await page.goto(`${app.url}/admin/campaigns/1`);
          await page.click('form[action$="/dry-run"] button');
          await page.waitForLoadState();
          await expectFits(page, `${role}-${viewport.label}-dry-run`);
        }
        expect(seen.size, [...seen].join(' ')).toBeGreaterThanOrEqual(role === 'admin' ? 16 : 13);
        await page.close();
      }, 120_000);
    }
  }
});

function slug(p: string): string {
  return p.replace(/^\/admin\/?/, '').replace(/[^a-z0-9]+/gi, '-') || 'dashboard';
}

/** Content that stresses the layout: long names, long unbroken words, a partly failed run, a hand-off. */
async function seed(app: ConsoleTestApp): Promise<void> {
  const now = app.clock.now();
  app.sim.addGroup({ groupId: 'g1', name: LONG_NAME });
  app.sim.addGroup({ groupId: 'g2', name: 'Xã Tam Dị' });
  app.sim.addGroup({ groupId: 'g3', name: `Phòng Nông nghiệp ${LONG_WORD}` });
  await app.broadcast.directory.sync('test');
  app.broadcast.directory.update('g1', { kind: 'commune', unit: LONG_NAME, tags: ['hộ nghèo', 'thôn Đông'] }, 'test');
  const text = `Kính gửi bà con: hồ sơ rà soát hộ nghèo nộp trước 15/12 tại ${LONG_WORD}\n\n${'Nội dung dài. '.repeat(40)}`;
  const c = app.broadcast.campaigns.create(
    { title: LONG_NAME, text, audience: { all: true }, schedule: { type: 'once', at: '2026-11-29T11:00' } },
    'tai-khoan-editor',
  );
  app.broadcast.campaigns.approve(c.id, 'tai-khoan-approver');
  app.broadcast.campaigns.create(
    {
      title: 'Chuyên mục hằng tháng',
      text: 'Tin hằng tháng',
      audience: { kinds: ['commune'] },
      schedule: { type: 'monthly', day: 31, time: '08:00' },
    },
    'tai-khoan-editor',
  );
  app.sim.getGroup('g3')!.status = 'disabled';
  app.clock.advance(61 * 60_000);
  await app.broadcast.scheduler.tick();
  await app.broadcast.scheduler.tick();
  const userId = app.sim.addUser({ displayName: 'Chị Hoa', lastInteraction: now }).userId;
  app.residents.noteInteraction(userId, now);
  app.handoffs.open({
    userId,
    question: `Tôi muốn hỏi về ${LONG_WORD} ${'và nhiều điều nữa '.repeat(20)}`,
    lastAnswerId: 'bhyt-can-ngheo',
    now,
  });
  // the hand-off thread page (long messages) and the answered history (an ended hand-off)
  app.conversation.requested(userId, true, now);
  app.conversation.residentWrote(userId, { text: `Cho tôi hỏi ${LONG_WORD}`, unanswered: true }, now);
  app.conversation.officialWrote(userId, { actor: 'tai-khoan-editor', text: LONG_NAME, source: 'console:fit' }, now);
  const other = app.sim.addUser({ displayName: LONG_NAME, lastInteraction: now }).userId;
  app.handoffs.open({ userId: other, question: LONG_WORD, lastAnswerId: null, now });
  app.conversation.officialWrote(other, { actor: 'tai-khoan-editor', text: 'Đã rõ', source: 'console:fit-2' }, now);
  app.conversation.finish(other, 'answered', 'tai-khoan-editor', now);
  app.questions.log({
    userId,
    text: `Thủ tục ${LONG_WORD} thế nào`,
    keyText: 'thu tuc the nao',
    outcome: 'fallback',
    nodeId: null,
    score: 0.2,
    candidates: [{ id: 'bhyt-can-ngheo', score: 0.3 }],
    contentVersion: app.faq.status().version,
    now,
  });
}
