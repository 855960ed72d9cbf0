import { accentKey, foldKey, type Syllable } from './normalize-vietnamese.js';

/**
 * Function words that carry no topic. Compared on the accented key, so "vậy" never removes
 * "vay" (vay vốn), "bao" never removes "bảo" (bảo hiểm), "cần" never removes "cận" (cận nghèo).
 */
const ACCENTED_STOPWORDS = `à ạ ả ơi ới nhé nha nhá nhỉ hả ừ ok oke vâng dạ ah uh
  với vậy thì là mà và hay hoặc nếu để của cho về ở tại trong đến
  tôi em mình bạn anh chị ad admin
  xin hỏi muốn cần biết giúp vui lòng làm ơn cảm chào
  gì không ko có được như thế nào sao bao nhiêu mấy đâu ai khi phải
  các những này đó kia ấy rồi đã sẽ đang chưa`;

/**
 * Folded forms safe to drop from text typed without diacritics: none of them folds from a domain
 * word. Left out on purpose: vay (vay vốn), bao (bảo), can (cận), hoi (hội), the (thẻ), minh
 * (chứng minh), muon (mượn), nha (nhà), ban (bán/bản), nhu (nhu cầu), dau (đầu); and the soft
 * stopwords below.
 */
const FOLDED_STOPWORDS = `a oi nhe nhi ha ok oke vang ah uh
  voi la ma va hay hoac neu cua cho o trong
  toi em ad admin xin biet giup vui long lam cam on chao
  gi khong ko duoc nao sao nhieu ai khi phai
  cac nhung nay kia ay roi se chua`;

/**
 * Folded forms that are usually a function word when typed without diacritics but may be a domain
 * syllable (về/vé, đến/đèn, tại/tài, để/đề, thì/thị, đã/đa, anh/ánh, chị/chi phí, mấy/xe máy,
 * đang/đăng ký, có/cơ quan): in unmarked text they are kept at `SOFT_STOPWORD_WEIGHT` instead of
 * dropped, so a chat-typed long question is not diluted by them while "thanh thi", "dang ky" or
 * "xe may" still match.
 */
const FOLDED_SOFT_STOPWORDS = 've den tai de thi da anh chi may dang co';

/** Query weight of a soft stopword (see FOLDED_SOFT_STOPWORDS) relative to a content syllable. */
export const SOFT_STOPWORD_WEIGHT = 0.3;

/**
 * Question phrases that are stopwords as a whole even without diacritics, although some of their
 * syllables alone are not ("bao nhieu" is never "bảo", "nhu the nao" is never "nhu cầu").
 */
const STOP_PHRASES = [
  'nhu the nao',
  'the nao',
  'nhu nao',
  'bao nhieu',
  'lam sao',
  'cho hoi',
  'xin hoi',
  'muon hoi',
  'muon biet',
  'can biet',
  'la gi',
  'o dau',
  'ra sao',
  'bao gio',
  'em hoi',
  'toi hoi',
  'minh hoi',
];
const STOP_PHRASE_KEYS = STOP_PHRASES.map((p) => p.split(' '));

/**
 * Stop phrases that count only at the end of the message (closing particles may follow): "vậy"
 * typed without marks after an interrogative ("ho ngheo duoc gi vay", "sao vay a"). Anywhere else
 * "vay" stays the loan word: "neu nhu vay von", "the vay von thi sao".
 */
const FINAL_STOP_PHRASES = ['gi vay', 'sao vay', 'the vay', 'nao vay', 'nhu vay'];
const FINAL_STOP_PHRASE_KEYS = FINAL_STOP_PHRASES.map((p) => p.split(' '));
/** Folded particles that may close a message after a final stop phrase ("gi vay a", "sao vay ad"). */
const CLOSING_PARTICLES = new Set(['a', 'ah', 'ak', 'ha', 'nhi', 'nhe', 'oi', 'ad', 'ta']);

/**
 * Folded words after which a closing unmarked "vay" is the loan verb ("de vay", "duoc vay",
 * "lai vay"), not the particle "vậy".
 */
const LOAN_CONTEXT = new Set([
  'de',
  'khi',
  'duoc',
  'muon',
  'can',
  'di',
  'cho',
  'xin',
  'co',
  'dang',
  'da',
  'se',
  'chua',
  'moi',
  'lai',
  'tien',
  'von',
  'phai',
  'vao',
  'ma',
]);

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

/**
 * For each syllable, whether it belongs to a stop phrase (compared on folded keys). A final stop
 * phrase counts only when nothing but closing particles follows it.
 */
export function inStopPhrase(syllables: readonly Syllable[]): boolean[] {
  const out = syllables.map(() => false);
  const at = (phrase: readonly string[], i: number): boolean => phrase.every((k, j) => syllables[i + j]?.folded === k);
  const closesMessage = (from: number): boolean => syllables.slice(from).every((s) => CLOSING_PARTICLES.has(s.folded));
  syllables.forEach((_, i) => {
    for (const phrase of STOP_PHRASE_KEYS) {
      if (at(phrase, i)) phrase.forEach((_k, j) => (out[i + j] = true));
    }
    for (const phrase of FINAL_STOP_PHRASE_KEYS) {
      if (at(phrase, i) && closesMessage(i + phrase.length)) phrase.forEach((_k, j) => (out[i + j] = true));
    }
  });
  return out;
}

/**
 * For each syllable, whether it is an unmarked "vay" closing the message (only closing particles
 * follow) outside a final stop phrase and not after a loan-context word: "thu nhap bao nhieu thi
 * duoc xet ho ngheo vay ad" may end in "vậy" or in the loan verb, so it is weighed like a soft
 * stopword instead of counting as the loan topic in full.
 */
export function closingVay(syllables: readonly Syllable[]): boolean[] {
  const phrase = inStopPhrase(syllables);
  let last = syllables.length - 1;
  while (last >= 0 && CLOSING_PARTICLES.has(syllables[last]!.folded)) last -= 1;
  const before = syllables[last - 1];
  const closing =
    last > 0 &&
    syllables[last]!.raw === 'vay' &&
    !phrase[last] &&
    before !== undefined &&
    !LOAN_CONTEXT.has(before.folded);
  return syllables.map((_, i) => closing && i === last);
}

export interface StopwordSet {
  accented: ReadonlySet<string>;
  folded: ReadonlySet<string>;
  /** folded forms weighted down, not dropped, in text typed without diacritics */
  soft: ReadonlySet<string>;
}

/**
 * The built-in stopwords plus an admin's `stopwords_extra`: an extra written with diacritics
 * joins the accented list only; one written without joins both lists.
 */
export function createStopwords(extra: readonly string[] = []): StopwordSet {
  return { ...createWordSet(ACCENTED_STOPWORDS, FOLDED_STOPWORDS, extra), soft: new Set(words(FOLDED_SOFT_STOPWORDS)) };
}

/**
 * A word set checked the accent-aware way (see `isStopword`): `accentedList` in natural spelling,
 * `foldedList` the forms safe to match without diacritics, `extra` admin additions.
 */
function createWordSet(
  accentedList: string,
  foldedList: string,
  extra: readonly string[] = [],
): Omit<StopwordSet, 'soft'> {
  const accented = new Set(words(accentedList).map(accentKey));
  const folded = new Set(words(foldedList).map(foldKey));
  for (const word of extra.flatMap((e) => words(e.normalize('NFC').toLowerCase()))) {
    accented.add(accentKey(word));
    if (foldKey(word) === word) folded.add(word);
  }
  return { accented, folded };
}

/**
 * Whether a syllable is a stopword. Its accented key decides when it carries marks or the whole
 * message was typed with diacritics (an unmarked syllable is then deliberate); otherwise only the
 * short, homograph-free folded list applies.
 */
export function isStopword(syllable: Syllable, messageMarked: boolean, stopwords: Omit<StopwordSet, 'soft'>): boolean {
  if (syllable.marked || messageMarked) return stopwords.accented.has(syllable.accented);
  return stopwords.folded.has(syllable.folded);
}

/** Whether a syllable kept as content is a soft stopword: unmarked, in unmarked text, in the soft list. */
export function isSoftStopword(syllable: Syllable, messageMarked: boolean, stopwords: StopwordSet): boolean {
  return !syllable.marked && !messageMarked && stopwords.soft.has(syllable.folded);
}
