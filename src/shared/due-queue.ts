/** Keys each due at a time: the earliest first (a binary min-heap with lazy deletion). */
export interface DueQueue {
  /** Due at `at`, or at its earlier time if it already has one. */
  add(key: string, at: number): void;
  delete(key: string): void;
  /** Removes and returns the keys due at `now` or before, earliest first. */
  takeDue(now: number): string[];
  /** when the earliest key is due, if any */
  nextAt(): number | undefined;
  size(): number;
}

export function createDueQueue(): DueQueue {
  const dueAt = new Map<string, number>();
  const heap: Array<{ at: number; key: string }> = [];

  const stale = (entry: { at: number; key: string }) => dueAt.get(entry.key) !== entry.at;

  function push(entry: { at: number; key: string }): void {
    heap.push(entry);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.at <= heap[i]!.at) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  function pop(): void {
    const last = heap.pop()!;
    if (heap.length === 0) return;
    heap[0] = last;
    for (let i = 0; ;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && heap[left]!.at < heap[least]!.at) least = left;
      if (right < heap.length && heap[right]!.at < heap[least]!.at) least = right;
      if (least === i) return;
      [heap[least], heap[i]] = [heap[i]!, heap[least]!];
      i = least;
    }
  }

  function dropStale(): void {
    while (heap.length && stale(heap[0]!)) pop();
  }

  return {
    add(key, at) {
      const current = dueAt.get(key);
      if (current !== undefined && current <= at) return;
      dueAt.set(key, at);
      push({ at, key });
      // stale entries of deleted or moved keys: rebuilt when they outnumber the live ones
      if (heap.length > 2 * dueAt.size + 1_000) {
        heap.length = 0;
        for (const [k, t] of dueAt) push({ at: t, key: k });
      }
    },
    delete(key) {
      dueAt.delete(key);
    },
    takeDue(now) {
      const keys: string[] = [];
      for (dropStale(); heap.length && heap[0]!.at <= now; dropStale()) {
        const { key } = heap[0]!;
        pop();
        dueAt.delete(key);
        keys.push(key);
      }
      return keys;
    },
    nextAt() {
      dropStale();
      return heap[0]?.at;
    },
    size: () => dueAt.size,
  };
}
