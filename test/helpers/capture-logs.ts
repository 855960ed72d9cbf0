import { createLogger, type Logger } from '../../src/shared/logger.js';

export interface CapturedLogs {
  log: Logger;
  /** every line written so far, parsed */
  lines(): Array<Record<string, unknown>>;
  /** every line written so far, as written (to search for leaked strings) */
  text(): string;
}

/** A real production logger (same redaction) at `level`, writing into memory. */
export function captureLogs(level = 'debug'): CapturedLogs {
  const written: string[] = [];
  const log = createLogger({ level, destination: { write: (line: string) => void written.push(line) } });
  return {
    log,
    lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => written.join(''),
  };
}
