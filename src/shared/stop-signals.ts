import type { Logger } from './logger.js';

/** The signals that mean "stop": a service manager's SIGTERM, a terminal's Ctrl-C. */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

export interface StopSignals {
  /** the first stop signal received, if one came */
  readonly requested: NodeJS.Signals | undefined;
  /** Runs `stop` on the first signal, or right away when one already came (e.g. during start-up). */
  onStop(stop: (signal: NodeJS.Signals) => void): void;
}

/**
 * Listens for SIGTERM and SIGINT for the whole life of the process, so a signal never falls back to
 * Node's default (an immediate kill without "stopped"). Ctrl-C under `npm start` delivers SIGINT
 * twice — the terminal signals the whole process group and npm forwards its copy — and an impatient
 * official may press it again: only the first signal starts the stop, later ones are logged as
 * "already stopping" and change nothing (same deadline, same exit code).
 * Install it first thing in `main`, before start-up work, and hand it the shutdown once it exists.
 * @example const signals = listenForStopSignals({ log }); … signals.onStop((s) => void shutdown(s));
 */
export function listenForStopSignals({
  log,
  emitter = process,
}: {
  log: Logger;
  /** the process; tests pass an EventEmitter */
  emitter?: Pick<NodeJS.EventEmitter, 'on'>;
}): StopSignals {
  let requested: NodeJS.Signals | undefined;
  let stop: ((signal: NodeJS.Signals) => void) | undefined;
  for (const name of STOP_SIGNALS) {
    emitter.on(name, () => {
      if (requested !== undefined) {
        log.info({ signal: name, first: requested }, 'already stopping; the second signal changes nothing');
        return;
      }
      requested = name;
      if (stop) stop(name);
      else log.info({ signal: name }, 'stop requested during start-up; stopping as soon as start-up is done');
    });
  }
  return {
    get requested() {
      return requested;
    },
    onStop(handler) {
      stop = handler;
      if (requested !== undefined) handler(requested);
    },
  };
}
