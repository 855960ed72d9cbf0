import type { AskLine, AskSession } from '../create-ask-session.js';
import type { BlindRow, Expect } from './blind-set.js';
import { scoreReply, type Verdict } from './score-reply.js';

export interface RowOutcome {
  row: BlindRow;
  reply: AskLine;
  verdict: Verdict;
  missing: string[][];
  /** typed with diacritics (any marked letter) */
  marked: boolean;
}

export interface Tally {
  n: number;
  right: number;
  wrong: number;
  unanswered: number;
}

export interface BlindReport {
  /** by expected kind */
  byExpect: Record<Expect, Tally>;
  /** in-scope rows typed with / without diacritics */
  inScopeMarked: Tally;
  inScopeUnmarked: Tally;
  /** every row by style tag */
  byStyle: Record<string, Tally>;
  outcomes: RowOutcome[];
}

const empty = (): Tally => ({ n: 0, right: 0, wrong: 0, unanswered: 0 });
const count = (t: Tally, v: Verdict): void => {
  t.n++;
  t[v]++;
};
const MARKS = /[\u0300-\u036fđĐăâêôơưĂÂÊÔƠƯ]/u;

export const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/** Asks every row as a fresh resident (its own user id) on `day`, and scores the replies. */
export async function evaluateBlindSet(rows: BlindRow[], session: AskSession, day: string): Promise<BlindReport> {
  const report: BlindReport = {
    byExpect: { answer: empty(), decline: empty(), safety: empty(), scam: empty(), privacy: empty() },
    inScopeMarked: empty(),
    inScopeUnmarked: empty(),
    byStyle: {},
    outcomes: [],
  };
  const after2027 = day >= '2027-01-01';
  for (const row of rows) {
    const reply = await session.ask(`eval-${row.id}`, row.q);
    const { verdict, missing } = scoreReply(row, reply, after2027);
    const marked =
      MARKS.test(row.q.normalize('NFD')) || /[^\p{ASCII}]/u.test(row.q.replace(/[\p{Emoji_Presentation}\p{P}]/gu, ''));
    count(report.byExpect[row.expect], verdict);
    if (row.expect === 'answer') count(marked ? report.inScopeMarked : report.inScopeUnmarked, verdict);
    for (const style of row.style) count((report.byStyle[style] ??= empty()), verdict);
    report.outcomes.push({ row, reply, verdict, missing, marked });
  }
  return report;
}
