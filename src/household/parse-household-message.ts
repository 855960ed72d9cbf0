import type { Area } from './household-criteria.js';
import { findPhrase, sameWord, tokenize, type Token } from './household-text.js';
import { readAmountAt, type Amount } from './read-amount.js';

/** What a message says about an income. */
export interface Income {
  /** đồng, as written: for the whole household, one person or one earner, per `period` */
  amount: number;
  /** undefined: not said (the flow decides whether that is safe to read as a month) */
  period?: 'month' | 'year';
  basis: 'household' | 'person' | 'earner';
  /** basis 'earner': how many earn `amount` each ("2 vợ chồng mỗi người 6 triệu") */
  earners?: number;
  /** "hơn 1 củ", "dưới 2 triệu", "khoảng", "5–7 triệu" (the midpoint is `amount`) */
  qualifier?: 'over' | 'under' | 'about' | 'range';
  /** qualifier 'range': the two figures written */
  range?: [number, number];
  /** salary words ("lương") make an unsaid period a month */
  salary?: boolean;
}

/** The household facts found in one message; every field is optional but `deprivations`. */
export interface HouseholdFacts {
  size?: number;
  income?: Income;
  /** an income was written that cannot be used as is ("thu nhập 5", per day, several figures) */
  incomeUnclear?: 'amount' | 'unit' | 'several';
  area?: Area;
  /** both rural and urban places were named */
  areaConflict?: boolean;
  /** ids of the indicators the resident mentions (criteria phrases) */
  deprivations: string[];
  farming: boolean;
  /** an eligibility question ("có được hộ nghèo không", "có thuộc diện không") */
  intent: boolean;
  /** the resident asks about the next standard ("sang năm", "2027"): the short verdict then states it */
  asksNext?: boolean;
}

/** The phrase lists of the criteria file the parser needs (those valid on the day). */
export interface HouseholdVocabulary {
  indicators: ReadonlyArray<{ id: string; phrases: readonly string[] }>;
  areas: Readonly<Record<Area, readonly string[]>>;
  farming: readonly string[];
}

/** The pending question the message may answer: bare numbers then mean people or millions. */
export type Expecting = 'size' | 'income';

/** Size of a household that is taken as written; beyond it the number is something else. */
const MAX_SIZE = 30;

/** A cue phrase: its words and symbols ("/ tháng"). */
const w = (s: string): Token[] => tokenize(s).filter((t) => t.kind !== 'num');
const list = (items: string[]): Token[][] => items.map(w);

/** Before a number: it is a label, not a quantity ("lớp 6", "thôn 3", "mẫu số 01"). */
const LABELS = new Set(
  'lop cap so thon xom to doi mau dieu khoan phieu phong khu duong ap diem buoc cau muc tang'.split(' '),
);
const PEOPLE = list(['người', 'khẩu', 'nhân khẩu', 'thành viên', 'miệng ăn', 'mạng', 'suất']);
const KIDS = list(['đứa', 'con', 'cháu', 'bé', 'trẻ', 'nhóc']);
const ANIMALS = new Set('bo lon heo ga vit trau cho meo de ca ngan ngong tho'.split(' '));
const GROUPS = list(['mẹ con', 'bố con', 'ba con', 'cha con', 'bà cháu', 'ông cháu', 'anh em', 'chị em', 'mẹ con em']);
const COUPLE = list(['vợ chồng', 'vc']);
const EARNING = list(['đi làm', 'làm ra', 'có việc', 'lao động', 'làm công', 'làm thuê']);
const HOUSEHOLD_CUES = list(['nhà', 'hộ', 'gia đình', 'gđ', 'gồm', 'có', 'tổng', 'cả nhà', 'nhà em']);
const SINGLE = list(['một mình', 'mỗi mình']);
const NARRATOR = new Set(['em', 'toi', 'minh', 'con', 'chau']);
const WITH = new Set(['va', 'voi', 'cung', 'them']);
const RELATIVES: Array<[Token[], number]> = (
  [
    ['ông bà nội', 2],
    ['ông bà ngoại', 2],
    ['bố mẹ chồng', 2],
    ['bố mẹ vợ', 2],
    ['ông bà', 2],
    ['bố mẹ', 2],
    ['cha mẹ', 2],
    ['bà nội', 1],
    ['bà ngoại', 1],
    ['ông nội', 1],
    ['ông ngoại', 1],
    ['mẹ chồng', 1],
    ['bố chồng', 1],
    ['mẹ vợ', 1],
    ['bố vợ', 1],
    ['mẹ già', 1],
    ['mẹ', 1],
    ['bố', 1],
    ['cha', 1],
    ['má', 1],
    ['bầm', 1],
    ['bà', 1],
    ['ông', 1],
  ] as const
).map(([p, n]) => [w(p), n]);
const LIVING_WITH = list(['ở cùng', 'ở chung', 'sống cùng', 'sống chung', 'ở với', 'sống với']);
const EXPENSES = list([
  'chi',
  'tiêu',
  'mất',
  'tốn',
  'nợ',
  'vay',
  'trả',
  'đóng',
  'nộp',
  'tiền thuốc',
  'viện phí',
  'học phí',
  'tiền học',
  'tiền nhà',
  'tiền thuê',
  'thuê nhà',
  'hết',
  'lỗ',
  'hỗ trợ',
  'trợ cấp',
  'tiền điện',
  'tiền nước',
]);
const TOTAL = list(['tổng', 'cả nhà', 'cả hộ', 'tất cả', 'gộp', 'cộng lại', 'cả gia đình']);
const EARNER_WORDS = new Set('chong vo em toi anh chi bo me con ong ba minh chau thang cai'.split(' '));
const PER_PERSON_BEFORE = list([
  'mỗi người',
  'mỗi khẩu',
  'mỗi nhân khẩu',
  'bình quân',
  'đầu người',
  'một người',
  'trung bình mỗi',
]);
const PER_PERSON_AFTER = list(['/ người', '/ khẩu', 'một người', 'mỗi người', 'đầu người', '/ đầu người']);
const MONTH = list(['một tháng', 'mỗi tháng', 'hàng tháng', 'hằng tháng', '/ tháng', '/ th', 'tháng']);
const YEAR = list([
  'một năm',
  'mỗi năm',
  'cả năm',
  'hàng năm',
  'hằng năm',
  '/ năm',
  'năm nay',
  'năm ngoái',
  'năm qua',
  'năm rồi',
]);
const OTHER_UNIT = list([
  'một ngày',
  'mỗi ngày',
  '/ ngày',
  'ngày công',
  'một tuần',
  'mỗi tuần',
  'mỗi vụ',
  'một vụ',
  'mỗi mùa',
  'một quý',
  'mỗi quý',
]);
const SALARY = list(['lương']);
const QUALIFIERS: Array<[Token[], Income['qualifier']]> = [
  ...list(['hơn', 'trên', 'ngoài']).map((p) => [p, 'over'] as [Token[], Income['qualifier']]),
  ...list(['dưới', 'chưa tới', 'chưa đến', 'không tới', 'không đến', 'chưa được', 'không quá', 'chưa đầy']).map(
    (p) => [p, 'under'] as [Token[], Income['qualifier']],
  ),
  ...list(['khoảng', 'tầm', 'cỡ', 'độ', 'chừng', 'gần', 'xấp xỉ', 'ước']).map(
    (p) => [p, 'about'] as [Token[], Income['qualifier']],
  ),
];
const INCOME_CUES = list(['thu nhập', 'lương', 'được', 'kiếm', 'tổng', 'thu', 'làm ra', 'có']);
const WORK_AWAY = new Set(['lam', 'len', 'ra', 'di', 'xuong', 've', 'viec']);
const PLACE_PREPOSITIONS = new Set(['o', 'tren', 'duoi', 'tai']);

/** Whether `phrase` is written at token `i` (words in order, contiguous); returns its end. */
function phraseAt(tokens: readonly Token[], i: number, phrase: readonly Token[]): number {
  for (let k = 0; k < phrase.length; k++) {
    const t = tokens[i + k];
    if (!t) return -1;
    const p = phrase[k]!;
    if (p.kind === 'sym' || t.kind === 'sym') {
      if (t.raw !== p.raw) return -1;
    } else if (t.kind === 'num') {
      // "1 tháng", "1 người": the digit stands for "một"
      if (!(p.fold === 'mot' && t.value === 1)) return -1;
    } else if (!sameWord(t, p)) return -1;
  }
  return i + phrase.length;
}

/** The first phrase of `phrases` at `i`, with its end. */
function anyAt(tokens: readonly Token[], i: number, phrases: readonly Token[][]): number {
  for (const p of phrases) {
    const end = phraseAt(tokens, i, p);
    if (end >= 0) return end;
  }
  return -1;
}

/**
 * Distance (in tokens) from [start, end) to the nearest cue of the same sentence that ends at most
 * `back` tokens before it or starts at most `ahead` tokens after it; undefined when there is none.
 */
function nearest(
  tokens: readonly Token[],
  start: number,
  end: number,
  cues: readonly Token[][],
  back: number,
  ahead: number,
): number | undefined {
  const sentence = tokens[Math.min(start, tokens.length - 1)]!.sentence;
  let best: number | undefined;
  for (let i = Math.max(0, start - back - 4); i < Math.min(tokens.length, end + ahead + 1); i++) {
    if ((i >= start && i < end) || tokens[i]!.sentence !== sentence) continue;
    const cueEnd = anyAt(tokens, i, cues);
    if (cueEnd < 0 || (i < start && cueEnd > start)) continue;
    const distance = i < start ? start - cueEnd : i - end;
    if (distance > (i < start ? back : ahead)) continue;
    if (best === undefined || distance < best) best = distance;
  }
  return best;
}

/** "năm 2024 được 60 triệu": a year named before the figure makes it a yearly income. */
function yearNamedBefore(tokens: readonly Token[], start: number): number | undefined {
  for (let i = start - 2; i >= Math.max(0, start - 7); i--) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (t.sentence !== tokens[start]!.sentence) return undefined;
    if (t.fold === 'nam' && next.kind === 'num' && next.value! >= 1900 && next.value! <= 2100) return start - (i + 2);
  }
  return undefined;
}

/** Whether a cue ends within `back` tokens before `start`, in the same clause. */
function cueBefore(tokens: readonly Token[], start: number, cues: readonly Token[][], back: number): boolean {
  const clause = tokens[start]!.clause;
  for (let i = Math.max(0, start - back); i < start; i++) {
    if (tokens[i]!.clause !== clause) continue;
    const end = anyAt(tokens, i, cues);
    if (end >= 0 && end <= start) return true;
  }
  return false;
}

interface Quantity {
  kind: 'people' | 'kids' | 'adults' | 'couple' | 'group' | 'earners' | 'money' | 'bare' | 'other';
  value: number;
  start: number;
  end: number;
  amount?: Amount;
  /** people: written after a household word ("nhà 4 người") */
  cued?: boolean;
  range?: [number, number];
}

/** Years, dates, ages, labels and months: numbers that are not quantities. */
function isNotAQuantity(tokens: readonly Token[], i: number, amount: Amount): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1]?.clause === t.clause ? tokens[i - 1] : undefined;
  const next = tokens[amount.end];
  if (t.kind === 'num') {
    const v = t.value!;
    const yearLike = !t.grouped && !t.decimal && (t.digits === 4 || prev?.fold === 'nam') && v >= 1900 && v <= 2100;
    if (yearLike && !amount.money) return true;
    if (next?.raw === '/' && tokens[amount.end + 1]?.kind === 'num' && v <= 31 && tokens[i + 1]?.raw === '/')
      return true;
    if (prev?.raw === '/' && tokens[i - 2]?.kind === 'num') return true;
    if (prev && prev.kind === 'word' && LABELS.has(prev.fold) && !amount.money) return true;
    if (prev?.fold === 'thang' && v >= 1 && v <= 12 && !amount.money) return true;
  }
  if (next?.fold === 'tuoi' || next?.raw === '%' || (next?.fold === 'phan' && tokens[amount.end + 1]?.fold === 'tram'))
    return true;
  return false;
}

/** Reads every number of the message and what it counts. */
function quantitiesOf(tokens: readonly Token[]): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < tokens.length;) {
    const amount = tokens[i]!.kind === 'sym' ? undefined : readAmountAt(tokens, i);
    if (!amount) {
      i += 1;
      continue;
    }
    const q = classify(tokens, amount);
    if (q) out.push(q);
    i = q?.end ?? amount.end;
  }
  return out;
}

function classify(tokens: readonly Token[], amount: Amount): Quantity | undefined {
  const { start, end } = amount;
  if (isNotAQuantity(tokens, start, amount)) return { kind: 'other', value: amount.value, start, end };
  if (amount.money) return { kind: 'money', value: amount.value, start, end, amount };
  const value = amount.value;
  const clause = tokens[start]!.clause;
  const same = (k: number): Token | undefined => (tokens[k]?.clause === clause ? tokens[k] : undefined);
  // a range "5-7 triệu", "5 đến 7 triệu": the plain number borrows the second one's unit
  const link = same(end);
  if (link && (link.raw === '-' || link.fold === 'den' || link.fold === 'toi') && !amount.word) {
    const second = same(end + 1) && readAmountAt(tokens, end + 1);
    if (second?.money && second.scale && value * second.scale < second.value) {
      const low = value * second.scale;
      return {
        kind: 'money',
        value: Math.round((low + second.value) / 2),
        start,
        end: second.end,
        amount: { ...second, start, value: Math.round((low + second.value) / 2) },
        range: [low, second.value],
      };
    }
  }
  let unitEnd = anyAt(tokens, end, COUPLE);
  if (unitEnd >= 0 && same(end)) return { kind: value === 2 ? 'couple' : 'other', value: 2, start, end: unitEnd };
  unitEnd = anyAt(tokens, end, GROUPS);
  if (unitEnd >= 0 && same(end)) return { kind: 'group', value, start, end: unitEnd };
  unitEnd = anyAt(tokens, end, PEOPLE);
  if (unitEnd >= 0 && same(end)) {
    const after = same(unitEnd);
    if (after && (after.fold === 'con' || after.fold === 'chau'))
      return { kind: 'kids', value, start, end: unitEnd + 1 };
    if (after && (after.fold === 'lon' || after.fold === 'gia'))
      return { kind: 'adults', value, start, end: unitEnd + 1 };
    if (anyAt(tokens, unitEnd, EARNING) >= 0 && same(unitEnd)) return { kind: 'earners', value, start, end: unitEnd };
    const cued = cueBefore(tokens, start, HOUSEHOLD_CUES, 4);
    // "một người kiếm được …" speaks of one person's income, not of a household of one
    if (value === 1 && !cued) return { kind: 'other', value, start, end: unitEnd };
    return { kind: 'people', value, start, end: unitEnd, cued };
  }
  unitEnd = anyAt(tokens, end, KIDS);
  if (unitEnd >= 0 && same(end)) {
    const after = same(unitEnd);
    if (tokens[end]!.fold === 'con' && after && ANIMALS.has(after.fold))
      return { kind: 'other', value, start, end: unitEnd + 1 };
    // "2 đứa con", "3 đứa nhỏ", "2 con nhỏ"
    const tail = after && ['con', 'nho', 'chau', 'tre'].includes(after.fold) ? unitEnd + 1 : unitEnd;
    return { kind: 'kids', value, start, end: tail };
  }
  const next = same(end);
  if (
    next &&
    next.kind === 'word' &&
    ['thang', 'nam', 'ngay', 'tuan', 'lan', 'chi', 'm', 'met', 'sao', 'km', 'kg', 'gio'].includes(next.fold)
  )
    return { kind: 'other', value, start, end: end + 1 };
  if (amount.word) return undefined;
  return { kind: 'bare', value, start, end };
}

/** Household size from a count ("nhà 4 người") or from its members ("2 vợ chồng với 3 đứa nhỏ"). */
function sizeOf(tokens: readonly Token[], qs: readonly Quantity[]): number | undefined {
  const people = qs.filter((q) => q.kind === 'people' && q.value >= 1 && q.value <= MAX_SIZE);
  const counted = people.find((q) => q.cued) ?? people[0];
  const added = relativesOf(tokens, qs, true);
  if (counted) return counted.value + added;
  let adults = 0;
  let members = 0;
  for (const q of qs) {
    if (q.kind === 'couple' || q.kind === 'group' || q.kind === 'adults') adults += q.value;
    if (q.kind === 'kids') members += q.value;
  }
  for (let i = 0; i < tokens.length; i++) {
    if (anyAt(tokens, i, SINGLE) >= 0) adults = Math.max(adults, 1);
    // "vợ chồng em", "em và 2 con"
    if (phraseAt(tokens, i, COUPLE[0]!) >= 0 && !qs.some((q) => q.kind === 'couple' && q.end === i + 2)) {
      const before = tokens[i - 1];
      if (!(before?.kind === 'num' || before?.fold === 'hai')) adults = Math.max(adults, 2);
    }
    const t = tokens[i]!;
    if (
      NARRATOR.has(t.fold) &&
      WITH.has(tokens[i + 1]?.fold ?? '') &&
      qs.some((q) => q.kind === 'kids' && q.start === i + 2)
    )
      adults = Math.max(adults, 1);
  }
  if (adults === 0) return undefined;
  const size = adults + members + relativesOf(tokens, qs, false);
  return size >= 1 && size <= MAX_SIZE ? size : undefined;
}

/**
 * Relatives living with the household: "bà nội ở cùng", "ở chung với bố mẹ", "… và bà nội".
 * With `onlyAdded`, only those said to come on top of a count ("thêm bà nội nữa").
 */
function relativesOf(tokens: readonly Token[], qs: readonly Quantity[], onlyAdded: boolean): number {
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (qs.some((q) => i >= q.start && i < q.end)) continue;
    for (const [phrase, n] of RELATIVES) {
      const end = phraseAt(tokens, i, phrase);
      if (end < 0) continue;
      const before = tokens[i - 1]?.clause === tokens[i]!.clause ? tokens[i - 1] : undefined;
      // "bà nội ở cùng", and past a possessive: "ông bà em ở với …"
      const after = NARRATOR.has(tokens[end]?.fold ?? '') ? end + 1 : end;
      const living =
        anyAt(tokens, end, LIVING_WITH) >= 0 ||
        anyAt(tokens, after, LIVING_WITH) >= 0 ||
        LIVING_WITH.some((p) => i - p.length >= 0 && phraseAt(tokens, i - p.length, p) === i);
      const listed = before !== undefined && WITH.has(before.fold);
      const added = before?.fold === 'them' || tokens[end]?.fold === 'nua';
      if (onlyAdded ? added : living || listed) count += n;
      i = end - 1;
      break;
    }
  }
  return count;
}

/** The income the message states, or why it cannot be used. */
function incomeOf(
  tokens: readonly Token[],
  qs: readonly Quantity[],
  expecting: Expecting | undefined,
): Pick<HouseholdFacts, 'income' | 'incomeUnclear'> {
  const earnerGroup = qs.find((q) => q.kind === 'couple' || q.kind === 'earners');
  const salary = tokens.some((t, i) => anyAt(tokens, i, SALARY) >= 0);
  const candidates: Array<Income & { start: number; total: boolean; who?: string; unit: boolean }> = [];
  for (const q of qs) {
    if (q.kind !== 'money' && !(q.kind === 'bare' && expecting === 'income')) continue;
    let amount = q.value;
    if (q.kind === 'bare') {
      // answering "how much a month": a bare number is millions (or đồng when it is that large)
      if (q.value > 0 && q.value <= 200) amount = Math.round(q.value * 1_000_000);
      else if (q.value < 100_000) return { incomeUnclear: 'amount' };
    }
    if (cueBefore(tokens, q.start, EXPENSES, 3)) continue;
    const month = nearest(tokens, q.start, q.end, MONTH, 5, 4);
    const year = nearest(tokens, q.start, q.end, YEAR, 5, 4) ?? yearNamedBefore(tokens, q.start);
    const other = nearest(tokens, q.start, q.end, OTHER_UNIT, 5, 4);
    const best = Math.min(month ?? Infinity, year ?? Infinity, other ?? Infinity);
    const period: Income['period'] =
      best === Infinity ? undefined : best === month ? 'month' : best === year ? 'year' : undefined;
    const perBefore = nearest(tokens, q.start, q.start, PER_PERSON_BEFORE, 4, 0);
    const perAfter = nearest(tokens, q.end, q.end, PER_PERSON_AFTER, 0, 3);
    const perPerson = perBefore !== undefined || perAfter !== undefined;
    const eachEarner =
      perPerson &&
      earnerGroup !== undefined &&
      earnerGroup.start < q.start &&
      tokens[earnerGroup.start]!.sentence === tokens[q.start]!.sentence;
    let qualifier: Income['qualifier'] = q.range ? 'range' : undefined;
    for (const [phrase, kind] of QUALIFIERS) {
      if (!qualifier && cueBefore(tokens, q.start, [phrase], phrase.length + 1)) qualifier = kind;
    }
    let who: string | undefined;
    for (let k = q.start - 1; k >= Math.max(0, q.start - 4) && tokens[k]!.clause === tokens[q.start]!.clause; k--) {
      if (EARNER_WORDS.has(tokens[k]!.fold)) who = tokens[k]!.fold;
    }
    candidates.push({
      amount,
      ...(period ? { period } : {}),
      basis: eachEarner ? 'earner' : perPerson ? 'person' : 'household',
      ...(eachEarner ? { earners: earnerGroup!.value } : {}),
      ...(qualifier ? { qualifier } : {}),
      ...(q.range ? { range: q.range } : {}),
      ...(salary ? { salary } : {}),
      start: q.start,
      total: cueBefore(tokens, q.start, TOTAL, 4),
      ...(who ? { who } : {}),
      unit: best !== Infinity && best === other,
    });
  }
  if (candidates.length === 0) {
    const bare = qs.some((q) => q.kind === 'bare' && cueBefore(tokens, q.start, INCOME_CUES, 3));
    return bare ? { incomeUnclear: 'amount' } : {};
  }
  // a period said once ("hàng tháng: chồng 5 triệu, em 3 triệu") holds for the figures without one
  const periods = new Set(candidates.flatMap((c) => (c.period ? [c.period] : [])));
  if (periods.size === 1) for (const c of candidates) c.period ??= [...periods][0];
  const pick = (): (typeof candidates)[number] | 'several' => {
    if (candidates.length === 1) return candidates[0]!;
    const totals = candidates.filter((c) => c.total);
    if (totals.length === 1) return totals[0]!;
    const whos = new Set(candidates.map((c) => c.who));
    const uniform = candidates.every(
      (c) => c.basis === candidates[0]!.basis && (c.period ?? '') === (candidates[0]!.period ?? ''),
    );
    if (uniform && candidates.every((c) => c.amount === candidates[0]!.amount)) return candidates[0]!;
    if (uniform && !whos.has(undefined) && whos.size === candidates.length && candidates[0]!.basis === 'household') {
      return { ...candidates[0]!, amount: candidates.reduce((sum, c) => sum + c.amount, 0) };
    }
    return 'several';
  };
  const chosen = pick();
  if (chosen === 'several') return { incomeUnclear: 'several' };
  if (chosen.unit) return { incomeUnclear: 'unit' };
  const { start: _start, total: _total, who: _who, unit: _unit, ...income } = chosen;
  return { income };
}

function areaOf(
  tokens: readonly Token[],
  vocabulary: HouseholdVocabulary,
): Pick<HouseholdFacts, 'area' | 'areaConflict'> {
  const found = new Set<Area>();
  for (const area of ['rural', 'urban'] as const) {
    for (const phrase of vocabulary.areas[area].map(w)) {
      for (let i = 0; i < tokens.length; i++) {
        if (phraseAt(tokens, i, phrase) < 0) continue;
        // the word before the place, past one preposition: "đi làm ở thành phố" is not where one lives
        let k = i - 1;
        if (!PLACE_PREPOSITIONS.has(phrase[0]!.fold) && PLACE_PREPOSITIONS.has(tokens[k]?.fold ?? '')) k -= 1;
        const before = tokens[k]?.clause === tokens[i]!.clause ? tokens[k] : undefined;
        if (before && WORK_AWAY.has(before.fold)) continue;
        found.add(area);
      }
    }
  }
  if (found.size === 1) return { area: [...found][0]! };
  return found.size > 1 ? { areaConflict: true } : {};
}

const CATEGORY = '(?:ho )?(?:can ngheo|ngheo|muc song trung binh|ho trung binh|thu nhap thap)';
const VERB = '(?:duoc|thuoc|phai|la|lam|xet|vao|len|xin|xep|tinh(?! (?:minh|ta|nha)\\b)|du|cong nhan|dang ky|nhan)';
const PARTICLE = '(?:khong|chua|a|ha|nhi|nhe|hong|the nao|sao)';
/** what a household is asked to get rather than to be: "được vay không" asks for a loan, not a category */
const BENEFIT = '(?:vay|ho tro|tro cap|huong|nhan|mien|giam|cap|qua|tien|hoc|lam|sua|xay|di|mua|dong|bao hiem|the)\\b';
/** one word of the same clause (a comma or a full stop ends one: "là hộ cận nghèo, … chưa ai mua" asks nothing) */
const WORD = '[^\\s,]+';
const ELIGIBILITY: readonly RegExp[] = [
  new RegExp(`\\b${VERB}\\b(?: ${WORD}){0,3} ${CATEGORY}\\b(?: (?!${BENEFIT})${WORD}){0,6}? ${PARTICLE}\\b`),
  new RegExp(`\\b(?:co|lieu|xem|biet|kiem tra|tinh)(?: ${WORD}){0,1} ${VERB}\\b(?: ${WORD}){0,3} ${CATEGORY}\\b`),
  new RegExp(`\\bthuoc dien\\b(?! (?:duoc )?${BENEFIT})`),
  /\bdien (?:ho )?(?:can )?ngheo\b/,
  new RegExp(`\\bdu (?:dieu kien|tieu chuan|chuan)\\b(?! (?:de )?(?:duoc )?${BENEFIT})`),
  new RegExp(`\\b(?:can ngheo|ngheo)\\b.{0,80}?\\b(?:co duoc|duoc)(?! ${BENEFIT})(?: \\S+){0,2} ${PARTICLE}\\b`),
];

/**
 * A token as the eligibility patterns read it: a number is "#"; "tỉnh" (the province, typed with
 * marks, or "tinh minh" without) is no "tính" ("có được tính là hộ nghèo không").
 */
function wordOf(t: Token): string {
  if (t.kind === 'num') return '#';
  if (t.fold === 'tinh' && t.marked && t.raw !== 'tính') return 'tinh_';
  return t.fold;
}

/** Whether the message asks if the household qualifies (folded words, teencode folded). */
function asksEligibility(tokens: readonly Token[]): boolean {
  const text = tokens.map((t, i) => `${i > 0 && t.clause !== tokens[i - 1]!.clause ? ', ' : ''}${wordOf(t)}`).join(' ');
  return ELIGIBILITY.some((re) => re.test(text));
}

/**
 * Reads household facts from a resident's message, with or without diacritics and in chat
 * spellings (shared/resident-style.md): the household size ("nhà 4 người", "2 vợ chồng với 3
 * đứa nhỏ", "bà nội ở cùng" +1), the income with its period and basis ("5tr", "1tr4", "năm
 * triệu rưỡi", "60 triệu một năm", "mỗi người tầm 1 triệu 2"), rural or urban ("ở quê",
 * "phường"), deprivations and farming (phrases of the criteria file), and whether it asks about
 * eligibility. Years, dates and ages are never incomes; a bare number is not guessed but reported
 * as `incomeUnclear`, except as the answer to a pending question (`expecting`).
 * @example parseHouseholdMessage('nha e 4 ng, thu nhap 6tr/thang', vocab).size === 4
 */
export function parseHouseholdMessage(
  text: string,
  vocabulary: HouseholdVocabulary,
  expecting?: Expecting,
): HouseholdFacts {
  const tokens = tokenize(text);
  const qs = quantitiesOf(tokens);
  let size = sizeOf(tokens, qs);
  const onlyBare = qs.length === 1 && qs[0]!.kind === 'bare';
  if (
    size === undefined &&
    expecting === 'size' &&
    onlyBare &&
    Number.isInteger(qs[0]!.value) &&
    qs[0]!.value >= 1 &&
    qs[0]!.value <= MAX_SIZE
  )
    size = qs[0]!.value;
  if (size === undefined && expecting === 'size') {
    // a number in words alone: "bốn", "năm người" is read above
    const words = tokens.filter((t) => t.kind === 'word');
    const read = words.length >= 1 && readAmountAt(tokens, tokens.indexOf(words[0]!));
    if (
      read &&
      !read.money &&
      read.word &&
      read.value >= 1 &&
      read.value <= MAX_SIZE &&
      read.end - read.start === tokens.length
    )
      size = read.value;
  }
  const income = incomeOf(
    tokens,
    expecting === 'size' && size !== undefined ? qs.filter((q) => q.kind !== 'bare') : qs,
    expecting,
  );
  if (expecting === 'income' && !income.income && !income.incomeUnclear) {
    const words = tokens.filter((t) => t.kind === 'word');
    const read = words.length > 0 && tokens.length <= 3 && readAmountAt(tokens, tokens.indexOf(words[0]!));
    if (read && read.word && !read.money && read.value > 0 && read.value <= 200)
      income.income = { amount: read.value * 1_000_000, basis: 'household' };
  }
  const deprivations = vocabulary.indicators
    .filter((indicator) => indicator.phrases.some((p) => findPhrase(tokens, w(p)) >= 0))
    .map((indicator) => indicator.id);
  const farming = vocabulary.farming.some((p) => findPhrase(tokens, w(p)) >= 0);
  return {
    ...(size !== undefined ? { size } : {}),
    ...income,
    ...areaOf(tokens, vocabulary),
    deprivations,
    farming,
    intent: asksEligibility(tokens),
  };
}

/** Whether the facts carry household numbers (a size or an income, even an unclear one). */
export function hasHouseholdNumbers(facts: HouseholdFacts): boolean {
  return facts.size !== undefined || facts.income !== undefined || facts.incomeUnclear !== undefined;
}
