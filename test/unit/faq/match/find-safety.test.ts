import { describe, expect, it } from 'vitest';
import type { FaqNode } from '../../../../src/faq/faq-types.js';
import { createSafetyFinder } from '../../../../src/faq/match/find-safety.js';

const node = (id: string, intent: FaqNode['intent'], triggers: string[], unless: string[] = []): FaqNode => ({
  id,
  kind: 'smalltalk',
  intent,
  parent: null,
  order: 1,
  title: id,
  questions: [],
  keywords: [],
  versions: [{ text: id, legalBasis: [] }],
  followUps: [],
  facts: [],
  triggers,
  unless,
  source: { file: 'smalltalk.yaml', line: 1 },
});
const finder = createSafetyFinder(
  [
    node('lua-dao', 'scam', ['nộp tiền làm hồ sơ']),
    node('bao-luc', 'emergency', ['chồng đánh', 'bị đánh'], ['đánh giá']),
    node('tu-tu', 'emergency', ['muốn chết', 'không muốn sống'], ['chết năm', 'đã chết']),
  ],
  { ko: 'không', k: 'không' },
);
const find = (text: string) => finder.find(text, () => true)?.node.id;

describe('the safety layer', () => {
  it.each([
    ['chồng em đánh em', 'bao-luc'],
    ['CHONG EM HAY DANH EM LAM', 'bao-luc'],
    ['em bi danh dap suot', 'bao-luc'],
    ['em chán quá, muốn chết cho xong', 'tu-tu'],
    ['e ko muon song nua', 'tu-tu'],
    ['cán bộ thôn bảo nhà em nộp 500k tiền làm hồ sơ', 'lua-dao'],
  ])('when a resident writes "%s", then %s answers before any FAQ matching', (text, id) => {
    expect(find(text)).toBe(id);
  });

  it.each([
    'bố em chết năm ngoái nên nhà khó khăn, có được hộ nghèo không',
    'hộ nghèo được đánh giá lại mấy lần một năm',
    'chồng em đi làm công ty',
    'hộ nghèo vay vốn được bao nhiêu',
  ])('when a normal question only shares words ("%s"), then no safety reply', (text) => {
    expect(find(text)).toBeUndefined();
  });

  it('when two kinds match, then an emergency comes before a scam', () => {
    expect(find('họ bắt nộp tiền làm hồ sơ, chồng em đánh em vì không có tiền')).toBe('bao-luc');
  });

  it('when words stand more than three apart, then the phrase is not found', () => {
    expect(find('chồng nó lại về đánh')).toBe('bao-luc');
    expect(find('chồng nó lại về nhà đánh')).toBeUndefined();
    expect(find('đánh chồng')).toBeUndefined();
  });
});

describe('safety triggers with word lists', () => {
  const listFinder = createSafetyFinder(
    [
      node('tre-em', 'emergency', ['{trẻ} … {xâm hại}', '{xâm hại} {trẻ}']),
      node('tu-tu', 'emergency', ['chết đi cho'], ['sống cùng']),
      node('doi-tien', 'scam', ['trưởng thôn đòi tiền']),
    ],
    { e: 'em' },
    { trẻ: ['cháu', 'con gái', 'bé'], 'xâm hại': ['sờ mó', 'xâm hại'] },
  );
  const findIn = (text: string) => listFinder.find(text, () => true)?.node.id;

  it.each([
    'Con gái em 12 tuổi bị một ông trong xóm sờ mó, em phải báo ở đâu',
    'ong hang xom goi chau gai sang nha roi so mo nguoi chau',
    'có người xâm hại bé nhà hàng xóm',
  ])(
    'when "%s", then a word of each list in order finds the child-safety reply, however far apart with "…"',
    (text) => {
      expect(findIn(text)).toBe('tre-em');
    },
  );

  it('when only one list is present, then nothing is found', () => {
    expect(findIn('cháu nhà em năm nay vào lớp 1 có được miễn học phí không')).toBeUndefined();
  });

  it('when an unless phrase stands in another clause, then it does not veto the trigger', () => {
    expect(findIn('me noi song cung chang de lam gi, chet di cho con do kho')).toBe('tu-tu');
    expect(findIn('bà sống cùng em, bà bảo chết đi cho xong')).toBe('tu-tu');
  });

  it('when an unless phrase stands next to the trigger in its clause, then it vetoes it', () => {
    expect(findIn('sống cùng chết đi cho rồi')).toBeUndefined();
  });

  it('when the words of a phrase fall in two sentences, then it is not found', () => {
    expect(findIn('hỏi trưởng thôn thì bảo cứ đợi. tiền điện hộ nghèo giờ thế nào')).toBeUndefined();
    expect(findIn('trưởng thôn đòi tiền mới cho vào danh sách')).toBe('doi-tien');
  });
});

describe('a story told in the past (unless_earlier)', () => {
  const accident = {
    ...node('cap-cuu', 'emergency', ['gãy chân', 'nhà bị cháy']),
    unlessEarlier: ['hồi tháng', 'hôm kia'],
  };
  const past = createSafetyFinder([accident], { ko: 'không' });
  const found = (text: string) => past.find(text, () => true)?.node.id;

  it.each([
    'Bố cháu bị tai nạn hồi tháng 8, gãy chân phải nằm nhà. Giờ làm đơn thì bao giờ được xét ạ',
    'hom kia nha e bi chay do chap dien, nhu vay co duoc xet ho ngheo ngay ko',
  ])('when the accident is told before as the past ("%s"), then no emergency reply', (text) => {
    expect(found(text)).toBeUndefined();
  });

  it.each(['bố em vừa ngã gãy chân, hồi tháng 8 cũng ngã một lần', 'ad ơi nhà bị cháy rồi cứu với'])(
    'when the emergency comes before any past phrase or there is none ("%s"), then it is found',
    (text) => {
      expect(found(text)).toBe('cap-cuu');
    },
  );
});

describe('the resident turns to their own household (unless_later)', () => {
  const privacy = {
    ...node('thong-tin', 'privacy', ['nhà ông là hộ nghèo', 'số điện thoại nhà ông']),
    unlessLater: ['nhà em', 'bà em'],
  };
  const finder = createSafetyFinder([privacy], { e: 'em', ko: 'không' });
  const found = (text: string) => finder.find(text, () => true)?.node.id;

  it.each([
    'nghe bao nha ong Tu xom tren la ho ngheo dc ho tro sua nha, vay nha e co xin dc ko',
    'nhà ông Tâm là hộ nghèo được tiền điện, bà em sống một mình có được không',
  ])('when the resident asks about their own household after naming another ("%s"), then no privacy reply', (text) => {
    expect(found(text)).toBeUndefined();
  });

  it.each(['nhà em ở cạnh, cho em xin số điện thoại nhà ông Hùng', 'nhà ông Tâm là hộ nghèo à, sao giàu thế'])(
    'when the own household comes first or not at all ("%s"), then the privacy reply stays',
    (text) => {
      expect(found(text)).toBe('thong-tin');
    },
  );
});

describe('the safety layer reads the marks a resident typed', () => {
  const marks = createSafetyFinder(
    [node('cap-cuu', 'emergency', ['bị hóc', 'đang cháy']), node('tu-tu', 'emergency', ['tự tử'], ['từ từ'])],
    { ko: 'không' },
  );
  const found = (text: string) => marks.find(text, () => true)?.node.id;

  it.each(['con tôi bị khuyết tật đang học trung cấp', 'mẹ em vẫn đang chạy thận', 'nợ thì trả từ từ, tự lo được'])(
    'when a word typed with marks only folds like a trigger ("%s"), then no safety reply',
    (text) => {
      expect(found(text)).toBeUndefined();
    },
  );

  it.each([
    ['bé nhà em bị hóc xương cá', 'cap-cuu'],
    ['nhà hàng xóm đang cháy to lắm', 'cap-cuu'],
    ['mẹ em đòi tự tữ', 'tu-tu'],
    ['con bi hoc xuong ca', 'cap-cuu'],
  ])('when the marks agree, are missing, or confuse hỏi and ngã ("%s"), then %s answers', (text, id) => {
    expect(found(text)).toBe(id);
  });
});

describe('a trigger can name a person as typed ({tên riêng})', () => {
  const names = createSafetyFinder(
    [node('rieng-tu', 'privacy', ['{người khác} {tên riêng} … {dữ liệu}'])],
    {},
    {
      'người khác': ['chị', 'ông'],
      'dữ liệu': ['số điện thoại', 'vay bao nhiêu'],
    },
  );
  const found = (text: string) => names.find(text, () => true)?.node.id;

  it.each([
    'cho em xin số điện thoại chị Hoa, à không, chị Hoa thôn Thượng số điện thoại là gì',
    'nha ong Hung xom Giua vay bao nhieu',
  ])('when a named person\'s data is asked ("%s"), then the privacy reply answers', (text) => {
    expect(found(text)).toBe('rieng-tu');
  });

  it('when the same words name no one (no capital letter), then no privacy reply', () => {
    expect(found('chị em mình hỏi số điện thoại ủy ban')).toBeUndefined();
    expect(found('ông bà vay bao nhiêu được')).toBeUndefined();
  });
});
