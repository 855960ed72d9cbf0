import { createHash } from 'node:crypto';
import pino, { type Logger, type DestinationStream } from 'pino';

export type { Logger };

/**
 * Paths that must never reach a log line. Tokens and secrets are censored wherever they appear
 * as these keys; residents' message texts are logged only when LOG_MESSAGE_TEXT=true, by the caller.
 */
const REDACT = [
  'access_token',
  'refresh_token',
  'accessToken',
  'refreshToken',
  'secret_key',
  'secret',
  'password',
  'token',
  'authorization',
  '*.access_token',
  '*.refresh_token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret_key',
  '*.password',
  '*.token',
  '*.authorization',
  'headers.access_token',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
];

/** Creates the structured JSON logger. Pass a destination to capture lines in tests. */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    { level: options.level ?? 'info', redact: { paths: REDACT, censor: '[redacted]' }, base: undefined },
    options.destination,
  );
}

/** A logger that writes nothing: the default in tests. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}

/**
 * A short, stable pseudonym for a Zalo user id, for log lines: operators can follow one resident
 * across lines without the log holding the id itself.
 */
export function hashUserId(userId: string): string {
  return createHash('sha256').update(`loa-xa:${userId}`).digest('hex').slice(0, 12);
}
