export interface FactRow { node: string; on: string /* YYYY-MM-DD */; must: string[][] /* every group must appear, any alternative of a group (compared ignoring case, diacritics and thousands separators) */; mustNot?: string[] /* must not appear */; inAnswer?: string[][] /* groups that must appear in the answer text itself, not only in details (the reply shows the answer) */; facts: string[] }

/** A row of facts the answer text itself must show on a day (the reply shows the answer, not its details). */
export const shown = (node: string, on: string, facts: string[], inAnswer: string[][], more: Partial<FactRow> = {}): FactRow => ({
  node,
  on,
  must: [],
  inAnswer,
  facts,
  ...more,
});
