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
  const has = (phrase: string) => {
    const p = foldText(phrase);
    return p.length > 0 && folded.includes(` ${p} `);
  };
  const phrase = config.phrases.find(has);
  if (phrase === undefined || config.notIf.some(has)) return undefined;
  const rest = folded
    .replace(` ${foldText(phrase)} `, ' ')
    .split(' ')
    .filter((w) => w.length > 0 && !FILLER.has(w));
  return { question: rest.length >= QUESTION_WORDS };
}
