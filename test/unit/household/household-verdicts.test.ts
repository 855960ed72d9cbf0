import { describe, expect, it } from 'vitest';
import { at, converse, textOf, useHouseholdDialog } from './household-test-kit.js';

/** What a resident must read for a household description, on a day. */
interface VerdictCase {
  day: string;
  text: string;
  perPerson: string;
  line: string;
  /** phrases the category wording must carry */
  says: RegExp[];
  /** phrases it must not carry */
  never?: RegExp[];
}

const POOR_OR_NEAR = /có thể thuộc diện hộ nghèo hoặc hộ cận nghèo/;
const NOT_POOR = /hộ không thuộc diện hộ nghèo, hộ cận nghèo/;
const AVERAGE_BAND = /trong khoảng của hộ có mức sống trung bình/;
const ABOVE_ALL = /không thuộc diện hộ nghèo, hộ cận nghèo hay hộ có mức sống trung bình/;
const CLOSE = /rất gần/;
const UNKNOWN_BANDS = /hiện chưa có thông tin chắc chắn/;
const RURAL_2026 = '1.500.000 đ/người/tháng ở nông thôn';
const URBAN_2026 = '2.000.000 đ/người/tháng ở thành thị';
const RURAL_2027 = '2.200.000 đ/người/tháng ở nông thôn';
const URBAN_2027 = '2.800.000 đ/người/tháng ở đô thị';

const cases: VerdictCase[] = [
  // 31/12/2026, rural poverty line 1.500.000 (with and without diacritics)
  {
    day: '2026-12-31',
    text: 'nhà 4 người thu nhập 6 triệu một tháng ở xã có được hộ nghèo không',
    perPerson: '1.500.000',
    line: RURAL_2026,
    says: [POOR_OR_NEAR, CLOSE, /bằng đúng/],
    never: [NOT_POOR],
  },
  {
    day: '2026-12-31',
    text: 'nha 4 nguoi thu nhap 6tr1 mot thang o que co dc ho ngheo ko',
    perPerson: '1.525.000',
    line: RURAL_2026,
    says: [NOT_POOR, AVERAGE_BAND, CLOSE, /chuẩn nghèo riêng của tỉnh Bắc Ninh/],
    never: [POOR_OR_NEAR],
  },
  // the provincial line 1.750.000: mentioned up to it, not above it
  {
    day: '2026-12-31',
    text: 'nhà 4 người thu nhập 7 triệu một tháng ở quê có được cận nghèo không',
    perPerson: '1.750.000',
    line: RURAL_2026,
    says: [AVERAGE_BAND, /1\.750\.000 đ\/người\/tháng ở nông thôn\) dùng để xét các chính sách hỗ trợ riêng của tỉnh/],
  },
  {
    day: '2026-12-31',
    text: 'nha 4 nguoi thu nhap 7tr4 mot thang o que co dc can ngheo ko',
    perPerson: '1.850.000',
    line: RURAL_2026,
    says: [AVERAGE_BAND],
    never: [/Bắc Ninh/],
  },
  // top of the average band / low-income worker line 2.250.000
  {
    day: '2026-12-31',
    text: 'nhà 4 người thu nhập 9 triệu một tháng ở quê, làm ruộng, có được cận nghèo không',
    perPerson: '2.250.000',
    line: RURAL_2026,
    says: [AVERAGE_BAND, /Bạn có nói hộ làm nông nghiệp/, /lao động có thu nhập thấp \(từ 2\.250\.000/],
  },
  {
    day: '2026-12-31',
    text: 'nha 4 nguoi thu nhap 9tr2 mot thang o que co thuoc dien ko',
    perPerson: '2.300.000',
    line: RURAL_2026,
    says: [ABOVE_ALL, /cao hơn mức của người lao động có thu nhập thấp/, CLOSE, /hoàn cảnh gia đình thay đổi/],
  },
  // urban line 2.000.000 and band top 3.000.000
  {
    day: '2026-12-31',
    text: 'nhà 2 người ở phường, thu nhập 4 triệu một tháng, có được hộ nghèo không',
    perPerson: '2.000.000',
    line: URBAN_2026,
    says: [POOR_OR_NEAR],
  },
  {
    day: '2026-12-31',
    text: 'nha 2 nguoi o phuong thu nhap 4tr2 1 thang co dc ho can ngheo ko',
    perPerson: '2.100.000',
    line: URBAN_2026,
    says: [NOT_POOR, AVERAGE_BAND, /2\.250\.000 đ\/người\/tháng ở thành thị/],
  },
  {
    day: '2026-12-31',
    text: 'nhà 2 người ở thành phố thu nhập 6 triệu một tháng có thuộc diện không',
    perPerson: '3.000.000',
    line: URBAN_2026,
    says: [AVERAGE_BAND],
  },
  {
    day: '2026-12-31',
    text: 'nha 2 nguoi o thanh pho thu nhap 6tr2 mot thang co thuoc dien ko',
    perPerson: '3.100.000',
    line: URBAN_2026,
    says: [ABOVE_ALL],
  },
  // 2.000.000 in the countryside: over the 2026 line, under the 2027 one
  {
    day: '2026-12-31',
    text: 'nhà 3 người ở quê thu nhập 6 triệu một tháng có được hộ nghèo không',
    perPerson: '2.000.000',
    line: RURAL_2026,
    says: [AVERAGE_BAND, /Từ 01\/01\/2027 áp dụng chuẩn nghèo mới: 2\.200\.000/, /hộ sẽ ở mức từ chuẩn mới trở xuống/],
  },
  {
    day: '2027-01-01',
    text: 'nha 3 nguoi o que thu nhap 6 trieu mot thang co dc ho ngheo ko',
    perPerson: '2.000.000',
    line: RURAL_2027,
    says: [POOR_OR_NEAR, /Quy trình rà soát từ năm 2027 có thể được cập nhật/],
    never: [/Từ 01\/01\/2027 áp dụng/],
  },
  // 01/01/2027, rural 2.200.000 and urban 2.800.000; bands not known yet
  {
    day: '2027-01-01',
    text: 'nhà 4 người thu nhập 8tr8 một tháng ở xã có được hộ nghèo không',
    perPerson: '2.200.000',
    line: RURAL_2027,
    says: [POOR_OR_NEAR, CLOSE],
  },
  {
    day: '2027-01-01',
    text: 'nha 4 nguoi thu nhap 8tr9 mot thang o xa co dc ho ngheo ko',
    perPerson: '2.225.000',
    line: RURAL_2027,
    says: [NOT_POOR, UNKNOWN_BANDS, CLOSE],
    never: [AVERAGE_BAND, /Bắc Ninh/],
  },
  {
    day: '2027-01-01',
    text: 'nhà 2 người ở phường thu nhập 5tr6 một tháng có được cận nghèo không',
    perPerson: '2.800.000',
    line: URBAN_2027,
    says: [POOR_OR_NEAR],
  },
  {
    day: '2027-01-01',
    text: 'nha 2 nguoi o phuong thu nhap 5tr7 mot thang co dc can ngheo ko',
    perPerson: '2.850.000',
    line: URBAN_2027,
    says: [NOT_POOR, UNKNOWN_BANDS],
  },
  // the issue's own examples
  {
    day: '2026-12-07',
    text: 'nhà em 5 người, hai vợ chồng làm công ty được khoảng 12 triệu, ở quê, có được cận nghèo không',
    perPerson: '2.400.000',
    line: RURAL_2026,
    says: [ABOVE_ALL, /tôi hiểu là một tháng/],
  },
  {
    day: '2027-01-15',
    text: 'nha e 4 ng, thu nhap ca nha 5tr/thang, co dc ho ngheo ko',
    perPerson: '1.250.000',
    line: RURAL_2027,
    says: [POOR_OR_NEAR, /Bạn chưa nói nhà ở đâu nên tôi tính theo nông thôn; nếu ở đô thị, chuẩn là 2\.800\.000 đ/],
  },
  {
    day: '2026-12-07',
    text: '2 vợ chồng với 3 đứa nhỏ, bà nội ở cùng, 60 triệu một năm, có được hộ nghèo không',
    perPerson: '833.000',
    line: RURAL_2026,
    says: [POOR_OR_NEAR, /hộ 6 người; thu nhập cả hộ 60\.000\.000 đ\/năm/],
  },
  {
    day: '2026-12-07',
    text: 'mỗi người tầm 1 triệu 2, nhà tạm, chưa có bhyt, không có nước sạch, có thuộc diện hộ nghèo không',
    perPerson: '1.200.000',
    line: RURAL_2026,
    says: [
      POOR_OR_NEAR,
      /Bạn có nhắc đến: bảo hiểm y tế, chất lượng nhà ở, nguồn nước sinh hoạt \(3 chỉ số\)/,
      /hộ có thể thuộc diện hộ nghèo\./,
    ],
  },
  {
    day: '2026-12-07',
    text: 'nhà 3 người hơn 1 củ một tháng, nhà dột, có được cận nghèo không',
    perPerson: '333.000',
    line: RURAL_2026,
    says: [POOR_OR_NEAR, /hơn 1\.000\.000 đ\/tháng/, /Bạn ghi thu nhập "hơn"/, /hộ cận nghèo\./],
  },
];

describe('household self-check verdicts, on both sides of every threshold', () => {
  const fx = useHouseholdDialog();

  it.each(cases)('on $day: "$text"', async ({ day, text, perPerson, line, says, never = [] }) => {
    const conversation = converse(fx.dialog, at(day));
    const short = textOf(await conversation.say(text));
    const reply = await conversation.say('1');
    const body = textOf(reply);
    const figure = new RegExp(`(khoảng|hơn|dưới) ${perPerson.replace(/\./g, '\\.')} đ/người/tháng`);
    // the first reply fits a phone: the figure, the line of the day, the next step, "Xem chi tiết" first
    expect(short).toMatch(figure);
    expect(short).toContain(`Chuẩn nghèo ngày ${day.split('-').reverse().join('/')} ở`);
    expect(short).toContain(line.split(' đ/')[0]!);
    expect(short).toMatch(/Mẫu số 01/);
    expect(short).toMatch(/\n1\. Xem chi tiết/);
    expect(short).not.toMatch(/(bạn|nhà bạn|hộ bạn|gia đình bạn) (là|thuộc) hộ (cận )?nghèo/i);
    expect(short.length).toBeLessThan(body.length);
    // option 1 is the full verdict
    expect(reply.outcome).toEqual({ kind: 'answer', id: 'tu-kiem-tra-ho-ngheo' });
    expect(body).toContain(`Thu nhập bình quân: `);
    expect(body).toMatch(figure);
    expect(body).toContain(`Chuẩn nghèo áp dụng ngày ${day.split('-').reverse().join('/')}`);
    expect(body).toContain(line);
    expect(body).toMatch(/Căn cứ: Nghị định (07\/2021|351\/2025)/);
    for (const phrase of says) expect(body).toMatch(phrase);
    for (const phrase of never) expect(body).not.toMatch(phrase);
    // honest wording: never a certainty, always the next step, one Zalo message
    expect(body).not.toMatch(/(bạn|nhà bạn|hộ bạn|gia đình bạn) (là|thuộc) hộ (cận )?nghèo/i);
    expect(body).toMatch(/Mẫu số 01/);
    expect(body).toMatch(/từ ngày 15; rà soát định kỳ hằng năm từ 01\/9 đến 14\/12/);
    expect(body.length).toBeLessThanOrEqual(2000);
  });
});

/** The answer part of a reply: the text before its numbered options. */
const answerPart = (text: string): string => text.split(/\n\n1\. /)[0]!;

describe('the short verdict fits a phone screen', () => {
  const fx = useHouseholdDialog();
  // [day, message, category, what else it must say]; under 600 characters, 700 when the next standard is added
  const plain: [day: string, text: string, category: RegExp, more: RegExp[]][] = [
    [
      '2026-12-07',
      'nha e 4 ng, thu nhap 5tr 1 thang, o que, co dc ho ngheo k',
      /có thể thuộc diện hộ nghèo hoặc hộ cận nghèo, tùy số chỉ số thiếu hụt/,
      [],
    ],
    [
      '2026-12-07',
      'nhà 3 người ở quê thu nhập 6 triệu một tháng có được hộ nghèo không',
      /hộ không thuộc diện hộ nghèo, hộ cận nghèo/,
      // over the 2026 line, under the 2027 one: the change is the deciding figure
      [/Từ 01\/01\/2027 \(chuẩn mới 2\.200\.000 đ\), hộ sẽ ở mức từ chuẩn mới trở xuống/],
    ],
    [
      '2026-12-07',
      'nha 4 nguoi thu nhap 9tr2 mot thang o que co thuoc dien ko',
      /hộ không thuộc diện hộ nghèo, hộ cận nghèo/,
      [/Nếu hoàn cảnh thay đổi/],
    ],
    ['2027-01-15', 'nha e 4 ng, thu nhap 5tr 1 thang, o que, co dc ho ngheo k', /hộ có thể thuộc diện hộ nghèo/, []],
    [
      '2027-01-15',
      'nha 4 nguoi thu nhap 9tr2 mot thang o que co thuoc dien ko',
      /hộ không thuộc diện hộ nghèo, hộ cận nghèo/,
      [],
    ],
  ];

  it.each(plain)('on %s: "%s"', async (day, text, category, more) => {
    const reply = await converse(fx.dialog, at(day)).say(text);
    const answer = answerPart(textOf(reply));
    expect(answer.length).toBeLessThanOrEqual(more.some((m) => /2027/.test(m.source)) ? 700 : 600);
    expect(answer).toMatch(category);
    for (const phrase of more) expect(answer).toMatch(phrase);
    // the other line is only in the details, unless it changes the category
    if (more.length === 0) expect(answer).not.toMatch(/chuẩn mới/);
  });

  it('a resident asking about next year gets the 2027 line in the short verdict, though it changes nothing', async () => {
    const reply = await converse(fx.dialog, at('2026-12-07')).say(
      'nha e 4 ng, thu nhap ca nha 6tr 1 thang, o que, nam sau co dc ho ngheo k',
    );
    expect(answerPart(textOf(reply))).toMatch(/Từ 01\/01\/2027 \(chuẩn mới 2\.200\.000 đ\)/);
  });

  it('"Xem chi tiết" is answered once; after another message the number is the menu\'s again', async () => {
    const conversation = converse(fx.dialog, at('2026-12-07'));
    await conversation.say('nha e 4 ng, thu nhap 5tr 1 thang, o que, co dc ho ngheo k');
    expect(textOf(await conversation.say('1'))).toMatch(/Từ 01\/01\/2027 áp dụng chuẩn nghèo mới: 2\.200\.000/);
    // the full verdict lists its own follow-ups: 1 is now "Muốn được xét hộ nghèo, cận nghèo"
    const next = await conversation.say('1');
    expect(next.outcome).not.toEqual({ kind: 'answer', id: 'tu-kiem-tra-ho-ngheo' });
  });
});
