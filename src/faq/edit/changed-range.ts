/** Where two line lists differ: `a[start, endA)` became `b[start, endB)`; everything else is equal. */
export interface ChangedRange {
  start: number;
  endA: number;
  endB: number;
}

/**
 * The single block of lines between the longest common prefix and the longest common suffix of
 * `a` and `b`, or undefined when they are equal. Exact for an edit in one place (what the console
 * makes); several scattered changes come out as one block spanning them.
 */
export function changedRange(a: readonly string[], b: readonly string[]): ChangedRange | undefined {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  if (start === a.length && start === b.length) return undefined;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { start, endA, endB };
}
