import { describe, expect, it } from 'vitest';
import { at, converse, MINUTE, textOf, useHouseholdDialog } from './household-test-kit.js';

const ENTRY = 'tu-kiem-tra-ho-ngheo';
const ASKING = { kind: 'menu', id: ENTRY };
const VERDICT = { kind: 'answer', id: ENTRY };
const SIZE_QUESTION = 'Nhà mình có mấy người';
const INCOME_QUESTION = 'Tổng thu nhập của cả nhà một tháng khoảng bao nhiêu?';

describe('household self-check: the menu entry', () => {
  const fx = useHouseholdDialog();

  it('when the main menu is shown, then it lists "Tự kiểm tra hộ nghèo, cận nghèo"', async () => {
    const reply = await converse(fx.dialog, at('2026-12-31')).say('menu');
    expect(textOf(reply)).toMatch(/\n\d+\. Tự kiểm tra hộ nghèo, cận nghèo\n/);
  });

  it('when its number is chosen, then the check starts with the lines of the day and the first question', async () => {
    const chat = converse(fx.dialog, at('2026-12-31'));
    const menu = textOf(await chat.say('menu'));
    const number = /\n(\d+)\. Tự kiểm tra hộ nghèo, cận nghèo/.exec(menu)![1]!;
    const reply = await chat.say(number);
    expect(reply.outcome).toEqual(ASKING);
    const body = textOf(reply);
    expect(body).toContain('Chuẩn nghèo áp dụng ngày 31/12/2026: 1.500.000 đ/người/tháng ở nông thôn');
    expect(body).toContain('Bạn không cần cho biết họ tên, số CCCD hay địa chỉ.');
    expect(body).toContain(SIZE_QUESTION);
  });

  it.each(['Tự kiểm tra hộ nghèo, cận nghèo', 'tu kiem tra ho ngheo can ngheo'])(
    'when the title "%s" is typed, then the check starts as from the menu',
    async (title) => {
      const reply = await converse(fx.dialog, at('2027-01-01')).say(title);
      expect(reply.outcome).toEqual(ASKING);
      expect(textOf(reply)).toContain('Chuẩn nghèo áp dụng ngày 01/01/2027: 2.200.000 đ/người/tháng ở nông thôn');
    },
  );

  it('when both questions are answered, with or without diacritics, then the verdict follows', async () => {
    const chat = converse(fx.dialog, at('2027-01-01'));
    await chat.say('Tự kiểm tra hộ nghèo, cận nghèo');
    const second = await chat.say('4 nguoi');
    expect(second.outcome).toEqual(ASKING);
    expect(textOf(second)).toContain(INCOME_QUESTION);
    const verdict = await chat.say('8tr8');
    expect(verdict.outcome).toEqual(VERDICT);
    expect(textOf(verdict)).toContain('khoảng 2.200.000 đ/người/tháng');
    expect(textOf(verdict)).toContain('có thể thuộc diện hộ nghèo hoặc hộ cận nghèo');
  });
});

describe('household self-check: questions for what is missing', () => {
  const fx = useHouseholdDialog();

  it('when a message has the income but not the size, then one question, then the verdict', async () => {
    const chat = converse(fx.dialog, at('2026-12-31'));
    const first = await chat.say('nha toi co duoc can ngheo ko, thu nhap 6 trieu mot thang');
    expect(first.outcome).toEqual(ASKING);
    expect(textOf(first)).toContain(SIZE_QUESTION);
    const verdict = await chat.say('4');
    expect(verdict.outcome).toEqual(VERDICT);
    expect(textOf(verdict)).toContain('khoảng 1.500.000 đ/người/tháng');
  });

  it('when an income is too large to be a month, then it asks month or year, and "2" means a year', async () => {
    const chat = converse(fx.dialog, at('2026-12-31'));
    const first = await chat.say('nhà 4 người thu nhập 72 triệu, có được hộ nghèo không');
    expect(textOf(first)).toContain('Khoản 72.000.000 đ là thu nhập một tháng hay cả năm?');
    const verdict = await chat.say('2');
    expect(verdict.outcome).toEqual(VERDICT);
    expect(textOf(verdict)).toContain('khoảng 1.500.000 đ/người/tháng');
  });

  it('when the resident gives nothing usable, then at most two questions and an honest give-up', async () => {
    const chat = converse(fx.dialog, at('2026-12-31'));
    await chat.say('Tự kiểm tra hộ nghèo, cận nghèo');
    const second = await chat.say('4 người');
    expect(textOf(second)).toContain(INCOME_QUESTION);
    const third = await chat.say('khoảng 1200');
    expect(third.outcome).toEqual(VERDICT);
    expect(textOf(third)).toContain('Tôi chưa đủ thông tin để tính thử.');
    expect(textOf(third)).not.toContain('?\n\nGõ câu trả lời');
  });

  it('when the resident changes subject, then the check is dropped and the new question answered', async () => {
    const chat = converse(fx.dialog, at('2026-12-31'));
    await chat.say('Tự kiểm tra hộ nghèo, cận nghèo');
    const other = await chat.say('thẻ bảo hiểm y tế cho hộ cận nghèo được hỗ trợ bao nhiêu');
    expect(other.outcome.id).not.toBe(ENTRY);
    // the dropped question is not answered by a later number
    const later = await chat.say('4');
    expect(later.outcome.id).not.toBe(ENTRY);
  });

  it('when "0" is typed while a question is pending, then the main menu, not an answer', async () => {
    const chat = converse(fx.dialog, at('2026-12-31'));
    await chat.say('Tự kiểm tra hộ nghèo, cận nghèo');
    const menu = await chat.say('0');
    expect(menu.outcome).toEqual({ kind: 'menu' });
  });

  it('when the answer comes after the pending time, then it is not taken as an answer', async () => {
    const chat = converse(fx.dialog, at('2026-12-31'));
    await chat.say('nhà em có được hộ nghèo không, thu nhập 6 triệu một tháng');
    chat.advance(31 * MINUTE);
    const late = await chat.say('4');
    expect(late.outcome.id).not.toBe(ENTRY);
  });

  it('when a safety phrase comes with household numbers, then the safety reply wins', async () => {
    const reply = await converse(fx.dialog, at('2026-12-31')).say(
      'nhà em 4 người thu nhập 2 triệu, không có gì ăn mấy ngày rồi, có được hộ nghèo không',
    );
    expect(reply.outcome.kind).toBe('smalltalk');
    expect(textOf(reply)).not.toContain('Kết quả tính thử');
  });

  it('when a policy question carries a year but no household, then the FAQ answers it', async () => {
    const reply = await converse(fx.dialog, at('2026-12-31')).say('chuẩn nghèo 2027 là bao nhiêu');
    expect(reply.outcome.id).not.toBe(ENTRY);
  });
});

describe('household self-check: what starts it from free text', () => {
  const fx = useHouseholdDialog();

  it.each([
    'Nhà tôi 4 người, tổng thu nhập 6 triệu/tháng, ở xã. Thu nhập bình quân là bao nhiêu?',
    'nha toi 4 nguoi tong thu nhap 6tr/thang o xa',
  ])('when a size and an income are given without asking, then the check answers: "%s"', async (text) => {
    const reply = await converse(fx.dialog, at('2026-12-31')).say(text);
    expect(reply.outcome).toEqual(VERDICT);
    expect(textOf(reply)).toContain('khoảng 1.500.000 đ/người/tháng');
  });

  it('when a household is told as the story of another confident question, then the FAQ answers that question', async () => {
    const reply = await converse(fx.dialog, at('2026-12-31')).say(
      'Nhà em 4 người, cả nhà thu nhập 6 triệu một tháng, là hộ cận nghèo. Con gái em vừa đỗ đại học, cho em hỏi con có được vay vốn ngân hàng chính sách để đi học không ạ',
    );
    expect(reply.outcome.kind).toBe('answer');
    expect(reply.outcome.id).not.toBe(ENTRY);
    expect(textOf(reply)).not.toContain('Kết quả tính thử');
  });

  it('when a story gives a household but asks something else, then no question comes back: the FAQ answers', async () => {
    const reply = await converse(fx.dialog, at('2026-12-31')).say(
      'Nhà em làm nông, 4 người, cả năm lúa với vải thiều được tầm 90 triệu. Cán bộ bảo nhà em là hộ có mức sống trung bình. Vậy hộ mức sống trung bình là gì, có được hỗ trợ gì không ạ?',
    );
    expect(reply.outcome).not.toEqual(ASKING);
    expect(textOf(reply)).not.toContain('Để tính thử');
  });

  it('when an amount of a support is asked about and the FAQ answers it, then no question about the household comes back', async () => {
    const reply = await converse(fx.dialog, at('2026-12-31')).say(
      'Nhà em cận nghèo, con nhà hàng xóm hộ nghèo được 150 nghìn mỗi tháng tiền học. Con em có được 150k tiền học như hộ nghèo không ạ?',
    );
    expect(reply.outcome).not.toEqual(ASKING);
    expect(reply.outcome.kind).toBe('answer');
    expect(textOf(reply)).not.toContain('Để tính thử');
  });

  it('when the resident asks which way the procedure goes, then no question about the household comes back', async () => {
    const reply = await converse(fx.dialog, at('2026-12-31')).say(
      'Nhà em 4 người, chồng em bị tai nạn gãy chân. Nhà em có được xét hộ nghèo không hay phải chờ đến cuối năm ạ?',
    );
    expect(reply.outcome).not.toEqual(ASKING);
    expect(textOf(reply)).not.toContain('Để tính thử');
  });

  it('when the question is about a year before the lines in force, then the FAQ answers, not a check of today', async () => {
    const reply = await converse(fx.dialog, at('2026-12-31')).say(
      'cho minh hoi nam 2021 chuan ngheo la bn, hoi do nha minh thu nhap tam 800k 1 nguoi thi co bi tinh ngheo ko',
    );
    expect(reply.outcome.id).not.toBe(ENTRY);
    expect(textOf(reply)).not.toContain('Kết quả tính thử');
  });

  it.each(['thu nhập bao nhiêu thì được hộ nghèo', 'nhà 4 người thì được hỗ trợ gì'])(
    'when the numbers are missing or only a size is given without asking, then the FAQ answers: "%s"',
    async (text) => {
      const reply = await converse(fx.dialog, at('2026-12-31')).say(text);
      expect(reply.outcome.id).not.toBe(ENTRY);
    },
  );
});
