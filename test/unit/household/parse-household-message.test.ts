import { describe, expect, it } from 'vitest';
import { hasHouseholdNumbers, parseHouseholdMessage } from '../../../src/household/parse-household-message.js';
import { realCriteria, vocabularyOn } from './household-test-kit.js';

const criteria = realCriteria();
const vocab2026 = vocabularyOn(criteria, '2026-12-07');
const vocab2027 = vocabularyOn(criteria, '2027-01-15');
const parse = (text: string) => parseHouseholdMessage(text, vocab2026);
const M = 1_000_000;

describe('parseHouseholdMessage: household size', () => {
  it.each([
    ['nhà 4 người', 4],
    ['nha 4 nguoi', 4],
    ['nhà em có 5 người', 5],
    ['nha e 3 ng', 3],
    ['hộ 6 khẩu', 6],
    ['gia đình tôi gồm bốn người', 4],
    ['nhà có năm người', 5],
    ['2 vợ chồng với 3 đứa nhỏ', 5],
    ['hai vo chong voi 3 dua nho', 5],
    ['2 vợ chồng với 3 đứa nhỏ, bà nội ở cùng', 6],
    ['hai vợ chồng và 2 con, bà nội ở cùng', 5],
    ['vk ck em va 1 chau, ong ba noi song chung', 5],
    ['em và 2 con', 3],
    ['hai mẹ con', 2],
    ['em sống một mình', 1],
    ['nhà 4 người, thêm bà nội ở cùng nữa', 5],
    ['nhà 5 người, 2 người đi làm', 5],
    ['ông bà em ở với 2 vợ chồng em và 2 đứa con', 6],
    ['ong ba em o voi 2 vo chong em va 2 dua con', 6],
  ])('"%s" → %i people', (text, size) => {
    expect(parse(text).size).toBe(size);
  });

  it.each([
    ['con 6 tuổi chưa có thẻ bhyt'],
    ['em nuôi 2 con nhỏ'],
    ['năm 2024 nhà em khó khăn'],
    ['thôn 3 xã Lục Nam'],
    ['nuôi 2 con bò'],
    ['chuẩn nghèo 2027 là bao nhiêu'],
    ['có 12 chỉ số thiếu hụt à'],
  ])('"%s" → no size', (text) => {
    expect(parse(text).size).toBeUndefined();
  });
});

describe('parseHouseholdMessage: income', () => {
  it.each([
    ['5 triệu', 5 * M],
    ['5tr', 5 * M],
    ['5 tr', 5 * M],
    ['1tr4', 1.4 * M],
    ['1tr45', 1.45 * M],
    ['1,5tr', 1.5 * M],
    ['1.5 triệu', 1.5 * M],
    ['năm triệu rưỡi', 5.5 * M],
    ['nam trieu ruoi', 5.5 * M],
    ['mười hai triệu', 12 * M],
    ['muoi hai trieu', 12 * M],
    ['1 triệu 2', 1.2 * M],
    ['một triệu hai', 1.2 * M],
    ['1 triệu 250 nghìn', 1.25 * M],
    ['1200k', 1.2 * M],
    ['800 nghìn', 0.8 * M],
    ['năm trăm nghìn', 0.5 * M],
    ['hơn 1 củ', 1 * M],
    ['2 củ rưỡi', 2.5 * M],
    ['1.500.000đ', 1.5 * M],
    ['1500000 đồng', 1.5 * M],
    ['hai mươi lăm triệu', 25 * M],
  ])('"%s" → %i đồng', (text, amount) => {
    expect(parse(text).income?.amount).toBe(Math.round(amount));
  });

  it('when a period, a basis or a qualifier is written, then it is read', () => {
    expect(parse('60 triệu một năm').income).toMatchObject({ amount: 60 * M, period: 'year', basis: 'household' });
    expect(parse('mot nam duoc 60tr').income).toMatchObject({ amount: 60 * M, period: 'year' });
    expect(parse('5tr/tháng').income).toMatchObject({ period: 'month' });
    expect(parse('một tháng được khoảng 3 triệu').income).toMatchObject({
      amount: 3 * M,
      period: 'month',
      qualifier: 'about',
    });
    expect(parse('hàng tháng 4tr').income).toMatchObject({ period: 'month' });
    expect(parse('năm 2024 nhà em được 60 triệu').income).toMatchObject({ amount: 60 * M, period: 'year' });
    expect(parse('mỗi người tầm 1 triệu 2').income).toMatchObject({
      amount: 1.2 * M,
      basis: 'person',
      qualifier: 'about',
    });
    expect(parse('thu nhập bình quân 1,2 triệu/người/tháng').income).toMatchObject({
      amount: 1.2 * M,
      basis: 'person',
      period: 'month',
    });
    expect(parse('một người kiếm được dưới 1 triệu rưỡi một tháng').income).toMatchObject({
      amount: 1.5 * M,
      basis: 'person',
      qualifier: 'under',
    });
    expect(parse('2 vợ chồng mỗi người 6 triệu').income).toMatchObject({ amount: 6 * M, basis: 'earner', earners: 2 });
    expect(parse('1 người đi làm được 5 triệu').income).toMatchObject({ amount: 5 * M, basis: 'earner', earners: 1 });
    expect(parse('thu nhập khoảng 5-7 triệu').income).toMatchObject({
      amount: 6 * M,
      qualifier: 'range',
      range: [5 * M, 7 * M],
    });
    expect(parse('lương 25 triệu').income).toMatchObject({ salary: true });
  });

  it('when several people earn, then their incomes add up; expenses are not income', () => {
    expect(parse('chồng làm được 5 triệu, em được 3 triệu một tháng').income).toMatchObject({
      amount: 8 * M,
      period: 'month',
    });
    expect(parse('thu nhập 6 triệu, tiền thuốc hết 2 triệu').income?.amount).toBe(6 * M);
    expect(parse('được hỗ trợ 500k, làm thuê được 3 triệu').income?.amount).toBe(3 * M);
    expect(parse('tổng cả nhà 9 triệu, chồng 5 triệu').income?.amount).toBe(9 * M);
  });

  it('when a number is ambiguous, then it is reported, not guessed', () => {
    expect(parse('thu nhập 5 có được hộ nghèo ko')).toMatchObject({ incomeUnclear: 'amount' });
    expect(parse('thu nhập 5').income).toBeUndefined();
    expect(parse('làm thuê 200k một ngày')).toMatchObject({ incomeUnclear: 'unit' });
    expect(parse('tháng thì 5 triệu, tháng thì 2 triệu')).toMatchObject({ incomeUnclear: 'several' });
    expect(parse('60 triệu').income?.period).toBeUndefined();
  });

  it('when years, dates, ages and labels are written, then they are no incomes', () => {
    for (const text of [
      'năm 2024',
      'từ năm 2027',
      'con 6 tuổi',
      'ngày 15/12',
      'tháng 9',
      'mẫu số 01',
      'lớp 6',
      '70%',
    ]) {
      const facts = parse(text);
      expect(hasHouseholdNumbers(facts), text).toBe(false);
    }
  });

  it('when the pending question asked for a number, then a bare number answers it', () => {
    expect(parseHouseholdMessage('4', vocab2026, 'size').size).toBe(4);
    expect(parseHouseholdMessage('bốn', vocab2026, 'size').size).toBe(4);
    expect(parseHouseholdMessage('8', vocab2026, 'income').income?.amount).toBe(8 * M);
    expect(parseHouseholdMessage('tám', vocab2026, 'income').income?.amount).toBe(8 * M);
    expect(parseHouseholdMessage('1500000', vocab2026, 'income').income?.amount).toBe(1.5 * M);
    expect(parseHouseholdMessage('4', vocab2026).size).toBeUndefined();
    expect(parseHouseholdMessage('1200', vocab2026, 'income')).toMatchObject({ incomeUnclear: 'amount' });
  });
});

describe('parseHouseholdMessage: area, deprivations, farming, intent', () => {
  it.each([
    ['ở quê', 'rural'],
    ['nhà em ở thôn Đông', 'rural'],
    ['o thon', 'rural'],
    ['ở xã Lục Nam', 'rural'],
    ['phường', 'urban'],
    ['nhà ở phường Bắc Giang', 'urban'],
    ['thành phố', 'urban'],
    ['nha o thanh pho', 'urban'],
  ])('"%s" → %s', (text, area) => {
    expect(parse(text).area).toBe(area);
  });

  it('when the place is where someone works, then it is not where the household lives', () => {
    expect(parse('con đi làm ở thành phố').area).toBeUndefined();
    expect(parse('em làm ruộng ở quê, con đi làm thành phố').area).toBe('rural');
    expect(parse('nhà ở quê nhưng đăng ký ở phường').areaConflict).toBe(true);
  });

  it('when deprivations are mentioned, with or without diacritics, then their indicators are named', () => {
    expect(parse('nhà tạm, chưa có thẻ bhyt, không có nước sạch').deprivations.sort()).toEqual(
      ['bao-hiem-y-te', 'chat-luong-nha-o', 'nguon-nuoc'].sort(),
    );
    expect(parse('nha dot nat, ko co bhyt, ko co nha ve sinh').deprivations.sort()).toEqual(
      ['bao-hiem-y-te', 'chat-luong-nha-o', 'nha-tieu'].sort(),
    );
    expect(parse('nhà em tầm 5 triệu').deprivations).toEqual([]);
    expect(parse('nhà có bhyt rồi').deprivations).toEqual([]);
    // the information-device indicator is dropped from 2027, internet counts instead
    expect(parseHouseholdMessage('không có tivi', vocab2026).deprivations).toEqual(['tiep-can-thong-tin']);
    expect(parseHouseholdMessage('không có tivi', vocab2027).deprivations).toEqual([]);
    expect(parseHouseholdMessage('không có internet', vocab2027).deprivations).toEqual(['dich-vu-so']);
  });

  it('when farming is mentioned, then it is noticed', () => {
    expect(parse('em làm ruộng nuôi 2 con').farming).toBe(true);
    expect(parse('hai vo chong lam cong ty').farming).toBe(false);
  });

  it.each([
    ['có được hộ nghèo không', true],
    ['co dc ho can ngheo ko', true],
    ['nhà em có thuộc diện không', true],
    ['có phải hộ nghèo không ạ', true],
    ['nhà em có làm được hộ nghèo không và phải làm giấy tờ gì ạ', true],
    ['có đủ điều kiện không', true],
    ['vậy là hộ cận nghèo à', true],
    ['hộ cận nghèo được hỗ trợ bhyt bao nhiêu', false],
    ['nhà em là hộ nghèo, được vay bao nhiêu?', false],
    ['chuẩn nghèo là bao nhiêu', false],
    ['nhà em là hộ cận nghèo, con đi học có được vay không ạ', false],
    ['nha e can ngheo thi co duoc mien hoc phi ko', false],
    ['nhà em có đủ điều kiện vay vốn không', false],
    ['con em có thuộc diện được miễn học phí không', false],
    ['nhà em như vậy thì cận nghèo có được không', true],
    ['nha e la ho can ngheo, 5 nguoi, tu truoc gio chua ai mua bhyt', false],
    ['Tỉnh mình có chuẩn nghèo riêng cao hơn trung ương đúng không, 1 triệu 75 hả?', false],
    ['tinh minh co chuan ngheo rieng ko ad, 1tr75 ha', false],
    ['nhà em có được tính là hộ nghèo không', true],
  ])('"%s" asks about eligibility: %s', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
});
