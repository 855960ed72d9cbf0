import { foldText } from '../../../bot/dialog/fold-text.js';
import type { UnansweredGroup } from '../../../bot/dialog/question-repository.js';
import type { Candidate } from '../../../faq/faq-types.js';
import { createStopwords } from '../../../faq/match/stopwords.js';

/** One row of the unanswered list: several phrasings of what is probably one question. */
export interface QuestionCluster {
  /** grouping keys of every member (all marked handled together) */
  keys: string[];
  /** the phrasings still kept (retention may have removed some), most asked first */
  texts: string[];
  count: number;
  lastAskedAt: number;
  /** the nearest FAQ entries of the most asked phrasing */
  candidates: Candidate[];
}

const FILLER = createStopwords().folded;

function words(text: string | null): Set<string> {
  if (!text) return new Set();
  return new Set(
    foldText(text)
      .split(' ')
      .filter((w) => w && !FILLER.has(w)),
  );
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Merges groups of the question log (already one per folded text) whose content words mostly
 * coincide — "hộ nghèo vay vốn ở đâu" and "vay von ho ngheo o dau a" — into one row. Word order and
 * filler words do not matter; a shared nearest FAQ entry lowers the bar. Greedy, most asked first;
 * input order is kept for ties. Pure.
 */
export function clusterQuestions(
  groups: readonly UnansweredGroup[],
  threshold = 0.6,
  sameTopThreshold = 0.4,
): QuestionCluster[] {
  const clusters: Array<QuestionCluster & { words: Set<string>; top: string | undefined }> = [];
  for (const g of [...groups].sort((a, b) => b.count - a.count)) {
    const w = words(g.text);
    const top = g.candidates[0]?.id;
    const home = clusters.find((c) => {
      const s = similarity(c.words, w);
      return s >= threshold || (top !== undefined && c.top === top && s >= sameTopThreshold);
    });
    if (home) {
      home.keys.push(g.textKey);
      if (g.text) home.texts.push(g.text);
      home.count += g.count;
      home.lastAskedAt = Math.max(home.lastAskedAt, g.lastAskedAt);
    } else {
      clusters.push({
        keys: [g.textKey],
        texts: g.text ? [g.text] : [],
        count: g.count,
        lastAskedAt: g.lastAskedAt,
        candidates: g.candidates,
        words: w,
        top,
      });
    }
  }
  return clusters
    .map(({ words: _w, top: _t, ...c }) => c)
    .sort((a, b) => b.count - a.count || b.lastAskedAt - a.lastAskedAt);
}
