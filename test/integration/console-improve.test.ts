import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConsoleApp, CONSOLE_CONTENT_DIR, type ConsoleTestApp } from '../helpers/build-console-app.js';
import type { ConsoleClient } from '../helpers/console-client.js';

const QUESTION = 'thẻ khám bệnh cho nhà nghèo xin ở đâu';
const NODE = 'bhyt-ho-ngheo';

/** The hidden fields of the page's confirmation form (the one posting to `action`). */
function confirmFields(page: string, action: string): Record<string, string | string[]> {
  const form = new RegExp(`<form method="post" action="${action}"[\\s\\S]*?</form>`).exec(page)?.[0] ?? '';
  const fields: Record<string, string | string[]> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    if (m[1] === '_csrf') continue;
    const value = m[2]!
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'");
    const prev = fields[m[1]!];
    fields[m[1]!] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  return fields;
}

describe('improving the FAQ from the console (issue 14 item 6)', () => {
  let dir: string;
  let file: string;
  let original: string;
  let app: ConsoleTestApp;
  let editor: ConsoleClient;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-improve-'));
    fs.cpSync(CONSOLE_CONTENT_DIR, dir, { recursive: true });
    file = path.join(dir, 'faq', '01-bao-hiem-y-te.yaml');
    original = fs.readFileSync(file, 'utf8');
    app = await buildConsoleApp({ contentDir: dir });
    editor = await app.signInAs('bien-tap', 'editor');
    app.questions.log({
      userId: 'u-1',
      text: QUESTION,
      keyText: QUESTION,
      outcome: 'fallback',
      nodeId: null,
      score: 0.2,
      candidates: [{ id: NODE, score: 0.31 }],
      contentVersion: app.faq.status().version,
      now: app.clock.now(),
    });
  });
  afterEach(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const contentAudits = () => app.broadcast.audit.list().filter((a) => a.action.startsWith('content.'));

  async function previewFromQuestions(): Promise<{ page: string; fields: Record<string, string | string[]> }> {
    const list = await editor.get('/admin/questions');
    const form = /<form method="get" action="\/admin\/improve\/question\/preview"[\s\S]*?<\/form>/.exec(list.text)?.[0];
    expect(form, 'the questions page offers "Thêm làm cách hỏi"').toBeDefined();
    const params = new URLSearchParams(
      [...form!.matchAll(/name="(key|node)" value="([^"]+)"/g)].map((m) => [m[1]!, m[2]!] as [string, string]),
    );
    const preview = await editor.get(`/admin/improve/question/preview?${params.toString()}`);
    expect(preview.status).toBe(200);
    return { page: preview.text, fields: confirmFields(preview.text, '/admin/improve/question') };
  }

  it('when an editor adds an unanswered question to the node it should have reached, then the file gains it as a phrasing, comments kept, audited, and the bot answers it', async () => {
    expect(app.faq.current().match(QUESTION, app.clock.now())).not.toMatchObject({ kind: 'answer', id: NODE });
    const { page, fields } = await previewFromQuestions();
    expect(page).toContain('faq/01-bao-hiem-y-te.yaml');
    expect(page).toMatch(/<span class="diff-added">\+ +15 {2} {6}- thẻ khám bệnh cho nhà nghèo xin ở đâu<\/span>/);
    expect(fs.readFileSync(file, 'utf8'), 'a preview writes nothing').toBe(original);

    const done = await editor.post('/admin/improve/question', fields);
    expect(done.status).toBe(303);
    expect(done.location).toBe('/admin/questions?done=variant_added');
    const after = fs.readFileSync(file, 'utf8');
    expect(after).toBe(
      original.replace('ho ngheo co duoc the bhyt ko\n', `ho ngheo co duoc the bhyt ko\n      - ${QUESTION}\n`),
    );
    expect(after.startsWith('# Test topic: health insurance.\n')).toBe(true);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(contentAudits()).toMatchObject([
      {
        actor: 'bien-tap',
        action: 'content.add_questions',
        details: { file: 'faq/01-bao-hiem-y-te.yaml', nodeId: NODE, added: 1 },
      },
    ]);
    expect(JSON.stringify(contentAudits()[0]!.details)).not.toContain(QUESTION);
    const list = await editor.get('/admin/questions?done=variant_added');
    expect(list.text).toContain('Đã thêm cách hỏi vào tệp nội dung');
    expect(list.text).not.toContain(QUESTION);

    expect(app.faq.reload()).toBe(true);
    expect(app.faq.current().match(QUESTION, app.clock.now())).toMatchObject({ kind: 'answer', id: NODE });
  });

  it('when the editor picks another node through the title search, then the phrasing goes there', async () => {
    const key = /name="key" value="([0-9a-f]{16})"/.exec((await editor.get('/admin/questions')).text)![1]!;
    const pick = await editor.get(`/admin/improve/question?key=${key}&q=can ngheo`);
    expect(pick.status).toBe(200);
    expect(pick.text).toContain(QUESTION);
    expect(pick.text).toMatch(
      /<input type="radio" name="node" value="bhyt-can-ngheo" checked required> <span>BHYT cho người thuộc hộ cận nghèo/,
    );
    const preview = await editor.get(`/admin/improve/question/preview?key=${key}&node=bhyt-can-ngheo`);
    expect(
      (await editor.post('/admin/improve/question', confirmFields(preview.text, '/admin/improve/question'))).status,
    ).toBe(303);
    expect(fs.readFileSync(file, 'utf8')).toContain(
      `      - bhyt can ngheo duoc ho tro bao nhieu\n      - ${QUESTION}\n`,
    );
  });

  it('when a viewer or an approver tries, then it is refused with 403 and nothing is written', async () => {
    const { fields } = await previewFromQuestions();
    for (const role of ['viewer', 'approver'] as const) {
      const other = await app.signInAs(`tai-khoan-${role}`, role);
      expect((await other.get('/admin/improve/question')).status).toBe(403);
      expect((await other.get(`/admin/improve/question/preview?node=${NODE}`)).status).toBe(403);
      expect((await other.get('/admin/improve')).status).toBe(403);
      expect((await other.post('/admin/improve/question', fields)).status).toBe(403);
      expect((await other.post('/admin/improve/answer', { node: NODE, text: 'x', base: 'y' })).status).toBe(403);
      expect((await other.get('/admin/questions')).text).not.toContain('/admin/improve/question');
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(original);
    expect(contentAudits()).toEqual([]);
  });

  it('when the file was edited by hand after the preview, then the confirmation is refused as a conflict and the hand edit stays', async () => {
    const { fields } = await previewFromQuestions();
    const handEdited = `${original}# sửa tay lúc 10:05\n`;
    fs.writeFileSync(file, handEdited);
    const refused = await editor.post('/admin/improve/question', fields);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('Tệp nội dung vừa được sửa sau khi bạn xem trước. Chưa có gì được ghi');
    expect(refused.text).toContain('Xem trước lại');
    expect(fs.readFileSync(file, 'utf8')).toBe(handEdited);
    expect(contentAudits()).toEqual([]);
    expect((await editor.get('/admin/questions')).text).toContain(QUESTION);
  });

  it('when an answer typo is fixed, then the preview shows the change and the confirmation writes only that line', async () => {
    const found = await editor.get('/admin/improve?q=the bhyt ho ngheo');
    expect(found.text).toContain(`href="/admin/improve/answer?node=${NODE}"`);
    const form = await editor.get(`/admin/improve/answer?node=${NODE}`);
    expect(form.text).toContain('Người thuộc hộ nghèo được Nhà nước đóng 100% tiền bảo hiểm y tế.');
    const text = 'Người thuộc hộ nghèo được Nhà nước đóng 100% tiền mua thẻ bảo hiểm y tế.';
    const preview = await editor.post('/admin/improve/answer/preview', { node: NODE, text });
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('class="diff-removed"');
    expect(fs.readFileSync(file, 'utf8')).toBe(original);
    const saved = await editor.post('/admin/improve/answer', confirmFields(preview.text, '/admin/improve/answer'));
    expect(saved.status).toBe(303);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      original.replace('100% tiền bảo hiểm y tế.', '100% tiền mua thẻ bảo hiểm y tế.'),
    );
    expect(contentAudits()).toMatchObject([
      { actor: 'bien-tap', action: 'content.set_answer', details: { nodeId: NODE } },
    ]);
  });

  it('when the edited answer fails the content check, then the checker message is shown and nothing is written', async () => {
    const text = `Người thuộc hộ nghèo ${'được hỗ trợ. '.repeat(170)}`;
    const preview = await editor.post('/admin/improve/answer/preview', { node: NODE, text });
    expect(preview.status).toBe(422);
    expect(preview.text).toContain('Kiểm tra nội dung báo lỗi nên chưa có gì được ghi');
    expect(preview.text).toMatch(
      /faq\/01-bao-hiem-y-te\.yaml:\d+: Câu trả lời của &quot;bhyt-ho-ngheo&quot; dài \d+ ký tự, quá giới hạn 2000/,
    );
    expect(preview.text).not.toContain('action="/admin/improve/answer"');
    const { createHash } = await import('node:crypto');
    const base = createHash('sha256').update(original).digest('hex');
    const forced = await editor.post('/admin/improve/answer', { node: NODE, text, base });
    expect(forced.status).toBe(422);
    expect(fs.readFileSync(file, 'utf8')).toBe(original);
    expect(contentAudits()).toEqual([]);
  });

  it('when the answer is empty or the node unknown, then it is refused plainly', async () => {
    const empty = await editor.post('/admin/improve/answer/preview', { node: NODE, text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Câu trả lời không được để trống.');
    expect((await editor.post('/admin/improve/answer/preview', { node: 'khong-co', text: 'x' })).status).toBe(404);
    expect((await editor.get('/admin/improve/question/preview?node=..%2F..%2Fetc')).status).toBe(404);
    expect(fs.readFileSync(file, 'utf8')).toBe(original);
  });
});
