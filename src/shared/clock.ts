/** Time source, injected so tests can move time. `now()` is epoch milliseconds. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests can set and advance by hand. */
export function createManualClock(start = Date.UTC(2026, 10, 29, 3, 0, 0)): Clock & {
  set(ms: number): void;
  advance(ms: number): void;
} {
  let t = start;
  return {
    now: () => t,
    set: (ms) => {
      t = ms;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
