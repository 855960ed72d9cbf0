/**
 * A part of the app with a life of its own (timers, queues, sends in flight). `main.ts` starts the
 * services after listening and, on SIGTERM, stops them all against one deadline.
 */
export interface Service {
  /** Begins the work (crash recovery first); called once. */
  start(): void | Promise<void>;
  /**
   * Starts nothing new and lets running work finish until `deadline` (epoch ms on the app's clock);
   * resolves by then at the latest. What is unfinished stays pending for the next start.
   */
  stop(deadline: number): Promise<void>;
}

/**
 * Stops every service side by side against the same deadline: a long group send never eats the
 * inbox's drain time. Resolves once all have stopped (each is bounded by the deadline).
 * @example await stopServices([broadcast, bot], clock.now() + 10_000);
 */
export async function stopServices(services: readonly Service[], deadline: number): Promise<void> {
  await Promise.all(services.map((service) => service.stop(deadline)));
}

/** Resolves `promise`'s settlement or at `deadline`, whichever is first (never rejects). */
export function untilDeadline(promise: Promise<unknown>, deadline: number, now: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, deadline - now));
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    promise.then(done, done);
  });
}
