import { changedRange } from '../../../faq/edit/changed-range.js';

/** One line of a preview diff; `number` is the line in the file before (kept, removed) or after (added). */
export interface DiffLine {
  kind: 'same' | 'removed' | 'added';
  number: number;
  text: string;
}

/** The changed lines between two texts with `context` unchanged lines around them (empty when equal). */
export function lineDiff(before: string, after: string, context = 2): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const range = changedRange(a, b);
  if (!range) return [];
  const from = Math.max(0, range.start - context);
  const shift = range.endB - range.endA;
  const out: DiffLine[] = [];
  for (let i = from; i < range.start; i++) out.push({ kind: 'same', number: i + 1, text: a[i]! });
  for (let i = range.start; i < range.endA; i++) out.push({ kind: 'removed', number: i + 1, text: a[i]! });
  for (let i = range.start; i < range.endB; i++) out.push({ kind: 'added', number: i + 1, text: b[i]! });
  for (let i = range.endA; i < Math.min(a.length, range.endA + context); i++) {
    out.push({ kind: 'same', number: i + 1 + shift, text: a[i]! });
  }
  return out;
}
