import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerTimeText } from '../../../src/bot/dialog/answer-time-text.js';
import { readHandoffConfig } from '../../../src/bot/dialog/handoff-config.js';
import { recogniseHandoffRequest } from '../../../src/bot/dialog/recognise-handoff-request.js';
import { createConversation } from '../../../src/bot/dialog/conversation.js';
import { checkContentDir } from '../../../src/faq/content/check-content-dir.js';
import { createFaqTranslator } from '../../../src/faq/content/format-diagnostics.js';
import { FIXTURE_DIR, makeDialog, makeTempDir, NOW, t, useDialogFixture } from './dialog-test-kit.js';

const faqT = createFaqTranslator('vi');
const { config } = readHandoffConfig('content', faqT);
const TZ = 'Asia/Ho_Chi_Minh';

describe('hand-off requests, office hours and the handoff.yaml check', () => {
  it('when a sentence asks for a person (with or without diacritics), then it is a request; a question about officials is not', () => {
    for (const text of [
      'cho tôi gặp cán bộ',
      'Muốn nói chuyện với người thật!',
      'ad ơi trả lời giúp em',
      'cho em xin sđt cán bộ',
      'cho toi gap can bo voi a',
      'noi chuyen voi nguoi that',
    ]) {
      expect(recogniseHandoffRequest(text, config!), text).toEqual({ question: false });
    }
    for (const text of [
      'cán bộ xã có được vay không',
      'gặp cán bộ ở đâu',
      'cán bộ chính sách là ai',
      'hộ nghèo là gì',
    ]) {
      expect(recogniseHandoffRequest(text, config!), text).toBeUndefined();
    }
    expect(recogniseHandoffRequest('cho tôi gặp cán bộ hỏi về thẻ bảo hiểm y tế của mẹ', config!)).toEqual({
      question: true,
    });
  });

  it('when officials are at work, off for the weekend or on Tết 2027, then the acknowledgement says when they answer', () => {
    const at = (iso: string) => answerTimeText(config, TZ, Date.parse(iso), t);
    expect(at('2026-12-07T09:00:00+07:00')).toBe('trong giờ làm việc hôm nay');
    expect(at('2026-12-05T10:00:00+07:00')).toBe('từ 7:30 thứ Hai 07/12');
    expect(at('2026-12-07T12:00:00+07:00')).toBe('từ 13:30 thứ Hai 07/12');
    expect(at('2027-02-05T09:00:00+07:00')).toBe('sau kỳ nghỉ Tết Nguyên đán, từ 7:30 thứ Năm 11/02');
    expect(answerTimeText(undefined, TZ, NOW, t)).toBe(t('dialog:handoff.officeHours'));
  });

  it('when handoff.yaml has a bad line, then content:check reports it with file and line and the file is not used', () => {
    const tmp = makeTempDir();
    try {
      fs.cpSync(FIXTURE_DIR, tmp.dir, { recursive: true });
      const file = path.join(tmp.dir, 'handoff.yaml');
      fs.writeFileSync(file, 'phrases: [gặp cán bộ]\noffice_hours:\n  mon: [7h-11h]\n');
      const checked = checkContentDir(tmp.dir, '2026-12-07', faqT);
      expect(checked.errorCount).toBe(1);
      expect(checked.diagnostics[0]).toMatchObject({ file, line: 3, code: 'HANDOFF_BAD_HOURS' });
      expect(checked.loaded.handoff).toBeUndefined();
      expect(checkContentDir('content', '2026-12-07', faqT).loaded.handoff?.holidays.length).toBeGreaterThan(5);
    } finally {
      tmp.cleanup();
    }
  });

  describe('the thread', () => {
    const fx = useDialogFixture();
    it('when an inbox event is run again, then its message and the replies are recorded once', async () => {
      const dialog = makeDialog(fx.faq, fx.db);
      const input = { kind: 'text' as const, text: 'chuan ngheo la gi' };
      await dialog.respond('u-1', input, NOW, { eventId: 41 });
      await dialog.respond('u-1', input, NOW, { eventId: 41 });
      await dialog.respond('u-1', { kind: 'unsupported', eventName: 'user_send_image' }, NOW, { eventId: 42 });
      const messages = createConversation(fx.db, { keepText: true }).threads.messages('u-1');
      expect(messages.map((m) => m.kind)).toEqual(['resident', 'bot', 'resident', 'bot']);
      expect(messages[2]!.text).toBe(t('dialog:handoffReply.nonText', { kind: 'image' }));
    });
  });
});
