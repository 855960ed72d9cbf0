import { foldText } from './fold-text.js';
import type { HandoffConfig } from './handoff-config.js';

/** A sentence that asks for a person; `question` true when it also carries what it is about. */
export interface HandoffRequest {
  question: boolean;
}

/** Words left besides the request phrase from which the sentence counts as carrying a question. */
const QUESTION_WORDS = 3;
/** Politeness and address words that carry no question ("cho tôi gặp cán bộ ạ"). */
const FILLER = new Set(
  'a ad admin anh chi em toi minh cho xin voi nhe nha oi giup gium di duoc khong ko k co the muon can'.split(' '),
);

/** The config's phrases folded once per content version (the config object is the snapshot's). */
const foldedPhrases = new WeakMap<object, { phrases: string[]; notIf: string[] }>();

function foldedOf(config: Pick<HandoffConfig, 'phrases' | 'notIf'>): { phrases: string[]; notIf: string[] } {
  let folded = foldedPhrases.get(config);
  if (!folded) {
    const fold = (list: readonly string[]) => list.map(foldText).filter((p) => p.length > 0);
    folded = { phrases: fold(config.phrases), notIf: fold(config.notIf) };
    foldedPhrases.set(config, folded);
  }
  return folded;
}

/**
 * Recognises a request for a person inside a sentence, from handoff.yaml's `phrases`: the folded
 * message (no case, diacritics or punctuation) contains a phrase as whole words, and none of the
 * `not_if` phrases ("gặp cán bộ ở đâu" is a question for the bot).
 * @example recogniseHandoffRequest('cho em xin sdt can bo voi', config) → { question: false }
 */
export function recogniseHandoffRequest(
  text: string,
  config: Pick<HandoffConfig, 'phrases' | 'notIf'>,
): HandoffRequest | undefined {
  const folded = ` ${foldText(text)} `;
  const phrases = foldedOf(config);
  const has = (phrase: string) => folded.includes(` ${phrase} `);
  const phrase = phrases.phrases.find(has);
  if (phrase === undefined || phrases.notIf.some(has)) return undefined;
  const rest = folded
    .replace(` ${phrase} `, ' ')
    .split(' ')
    .filter((w) => w.length > 0 && !FILLER.has(w));
  return { question: rest.length >= QUESTION_WORDS };
}
