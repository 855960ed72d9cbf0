import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAccountRepository } from '../../src/admin/auth/account-repository.js';
import { createAccountService } from '../../src/admin/auth/account-service.js';
import { createAdminApiRouter } from '../../src/admin/api/create-admin-api-router.js';
import { createConsoleRouter } from '../../src/admin/console/create-console-router.js';
import { createAdminRouter } from '../../src/admin/create-admin-router.js';
import { createFaqDialog } from '../../src/bot/dialog/create-faq-dialog.js';
import { createHandoffRepository } from '../../src/bot/dialog/handoff-repository.js';
import { createQuestionRepository } from '../../src/bot/dialog/question-repository.js';
import { createConversation } from '../../src/bot/dialog/conversation.js';
import { createResidentRepository } from '../../src/bot/resident-repository.js';
import { createBroadcast, type Broadcast } from '../../src/broadcast/create-broadcast.js';
import { createFaqStore, type ReloadableFaqStore } from '../../src/faq/content/create-faq-store.js';
import { createI18n } from '../../src/i18n/create-i18n.js';
import { systemClock } from '../../src/shared/clock.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';
import { CONSOLE_CONTENT_DIR, TEST_BROADCAST_OPTIONS, TEST_PASSWORD } from '../helpers/build-console-app.js';
import { captureLogs } from '../helpers/capture-logs.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';

const QUESTION = 'thẻ khám bệnh cho nhà nghèo xin ở đâu';
const ANSWER = 'Người thuộc hộ nghèo được Nhà nước đóng 100% tiền bảo hiểm y tế.';
const SHOTS = path.resolve('test-results/console-improve');

/**
 * Issue 14 item 6 end to end: a resident's question the bot could not answer, an editor in Chromium
 * (on a phone) adds it as a phrasing of the right entry with "Thêm làm cách hỏi", the YAML file holds
 * it with its comments, the live reload picks it up, and the bot then answers the same question
 * arriving through a signed webhook.
 */
describe('an unanswered question becomes a phrasing with a click, and the bot answers it', () => {
  let dir: string;
  let file: string;
  let faq: ReloadableFaqStore;
  let broadcast: Broadcast | undefined;
  let app: TestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-improve-flow-'));
    fs.cpSync(CONSOLE_CONTENT_DIR, dir, { recursive: true });
    file = path.join(dir, 'faq', '01-bao-hiem-y-te.yaml');
    const commented = fs
      .readFileSync(file, 'utf8')
      .replace(
        '    questions:\n      - Hộ nghèo có được',
        '    questions:\n      # cách hỏi của người dân\n      - Hộ nghèo có được',
      );
    fs.writeFileSync(file, commented);
    const logs = captureLogs('warn');
    const log = logs.log;
    const i18n = createI18n();
    faq = createFaqStore({ contentDir: dir, clock: systemClock, log, watch: true, debounceMs: 50 });
    app = await buildTestApp({
      logs,
      makeDialog: (db) => createFaqDialog({ faq, db, t: i18n.getFixedT('vi'), log }),
      admin: ({ db, zalo, clock, outbox }) => {
        broadcast = createBroadcast({
          db,
          zalo,
          clock,
          log,
          i18n,
          options: TEST_BROADCAST_OPTIONS,
        });
        const console = createConsoleRouter({
          db,
          clock,
          log,
          i18n,
          faq,
          zalo,
          broadcast,
          handoffs: createHandoffRepository(db),
          questions: createQuestionRepository(db),
          residents: createResidentRepository(db),
          conversation: createConversation(db, { keepText: true }),
          replies: outbox,
          contentDir: dir,
          timeZone: 'Asia/Ho_Chi_Minh',
          trustProxy: false,
          scryptCost: { N: 1024, r: 8, p: 1 },
        });
        const api = createAdminApiRouter({
          broadcast,
          adminToken: 'improve-flow-admin-token-0123456789',
          i18n,
          clock,
          log,
        });
        return createAdminRouter({ api, console });
      },
    });
    await createAccountService({
      db: app.db,
      accounts: createAccountRepository({ db: app.db, clock: systemClock }),
      audit: broadcast!.audit,
      scryptCost: { N: 1024, r: 8, p: 1 },
    }).add('test', { name: 'bien-tap', role: 'editor', password: TEST_PASSWORD });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await broadcast?.scheduler.stop();
    await app?.close();
    faq?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when the editor adds it through the console on a phone, then the file keeps its comments and the bot answers the question', async () => {
    const resident = app.sim.addUser({ isFollower: true });
    await app.sim.sendUserText(resident.userId, QUESTION);
    await app.settle();
    const firstReply = app.sim
      .sentToUser(resident.userId)
      .map((m) => m.text)
      .join('\n');
    expect(firstReply).not.toContain(ANSWER);

    const page = await browser.newPage({ width: 390, height: 844 });
    await page.goto(`${app.url}/admin/login`);
    await page.fill('#name', 'bien-tap');
    await page.fill('#password', TEST_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${app.url}/admin`);
    await page.goto(`${app.url}/admin/questions`);
    expect(await page.textContent('main')).toContain(QUESTION);
    await page.click('a:has-text("Chọn mục")');
    await page.fill('#q', 'bhyt ho ngheo');
    await page.click('button:has-text("Tìm")');
    await page.check('input[type=radio][name=node][value=bhyt-ho-ngheo]');
    await page.click('button:has-text("Thêm làm cách hỏi")');
    await page.waitForURL(/\/admin\/improve\/question\/preview/);
    expect(await page.textContent('pre.diff .diff-added')).toContain(`- ${QUESTION}`);
    await page.screenshot({ path: path.join(SHOTS, 'preview-390.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const version = faq.current().version;
    await page.click('button:has-text("Xác nhận thêm")');
    await page.waitForURL(/\/admin\/questions\?done=variant_added/);
    expect(await page.textContent('.notice')).toContain('Đã thêm cách hỏi');
    await page.close();

    const yaml = fs.readFileSync(file, 'utf8');
    expect(yaml).toContain('# Test topic: health insurance.');
    expect(yaml).toContain(`      # cách hỏi của người dân\n      - Hộ nghèo có được`);
    expect(yaml).toContain(`      - ho ngheo co duoc the bhyt ko\n      - ${QUESTION}\n`);
    await vi.waitFor(() => expect(faq.current().version).not.toBe(version), { timeout: 15_000, interval: 50 });

    const again = app.sim.addUser({ isFollower: true });
    await app.sim.sendUserText(again.userId, QUESTION);
    await app.settle();
    expect(
      app.sim
        .sentToUser(again.userId)
        .map((m) => m.text)
        .join('\n'),
    ).toContain(ANSWER);
  }, 120_000);
});
