import type { Analyzer } from './analyze-text.js';
import type { FaqNode } from '../faq-types.js';
import { foldKey } from './normalize-vietnamese.js';
import { isNodeAvailable } from '../validity.js';

/** Forms of address and particles ignored around small talk ("chào ad ạ" = "chào"). */
const FILLERS = new Set('a oi nhe nha nhi ad admin ban em anh chi ak ah'.split(' ').map(foldKey));

export interface SmalltalkPhrases {
  /**
   * The small-talk node when the whole message is made of small-talk phrases, fillers and
   * stopwords, e.g. "chào ad", "ok cảm ơn nhé", "alo có ai không"; the last phrase decides
   * ("chào, cảm ơn" → thanks).
   * Text with anything else in it goes to retrieval, where small-talk nodes compete normally.
   * A message with no content word at all ("ad ơi", "alo ạ", "???", an emoji) is taken as a
   * greeting: the resident is getting our attention, not asking something we can't answer.
   */
  find(text: string, at: number): FaqNode | undefined;
}

/** Compiles the `questions` of small-talk nodes into whole-message phrases on folded keys. */
export function createSmalltalkPhrases(nodes: readonly FaqNode[], analyzer: Analyzer): SmalltalkPhrases {
  const analyzed = (text: string): { keys: string[]; content: boolean[] } => {
    const a = analyzer.analyze(text);
    const keep = a.folded.map((k) => !FILLERS.has(k));
    return { keys: a.folded.filter((_, i) => keep[i]), content: a.content.filter((_, i) => keep[i]) };
  };
  const keysOf = (text: string): string[] => analyzed(text).keys;
  const phrases = new Map<string, FaqNode>();
  let longest = 0;
  for (const node of nodes) {
    if (node.kind !== 'smalltalk') continue;
    for (const q of node.questions) {
      const keys = keysOf(q);
      if (keys.length === 0 || phrases.has(keys.join(' '))) continue;
      phrases.set(keys.join(' '), node);
      longest = Math.max(longest, keys.length);
    }
  }
  const greeting = (at: number): FaqNode | undefined =>
    nodes.find((n) => n.kind === 'smalltalk' && n.intent === 'greeting' && isNodeAvailable(n, at));
  return {
    find(text, at) {
      const { keys, content } = analyzed(text);
      let found: FaqNode | undefined;
      let i = 0;
      while (i < keys.length) {
        let step = 0;
        for (let len = Math.min(longest, keys.length - i); len > 0 && step === 0; len -= 1) {
          const node = phrases.get(keys.slice(i, i + len).join(' '));
          if (node && isNodeAvailable(node, at)) {
            found = node;
            step = len;
          }
        }
        if (step === 0 && content[i]) return undefined;
        i += Math.max(step, 1);
      }
      if (found || content.some(Boolean) || text.trim() === '') return found;
      return greeting(at);
    },
  };
}
