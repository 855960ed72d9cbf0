import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

/**
 * Guards a router with `Authorization: Bearer <token>`. No token configured → 503 saying so (the
 * API is off, not broken); missing or wrong token → 401 with `WWW-Authenticate`. Both sides are
 * hashed to equal length before a constant-time compare, so neither length nor content leaks.
 * `messages` come from the caller's locale.
 */
export function requireBearer(
  token: string | undefined,
  messages: { notConfigured: string; unauthorized: string },
): RequestHandler {
  const expected = token ? digest(token) : null;
  return (req, res, next) => {
    if (!expected) {
      res.status(503).json({ error: 'admin_token_not_configured', message: messages.notConfigured });
      return;
    }
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.get('authorization') ?? '');
    if (!match || !timingSafeEqual(digest(match[1]!), expected)) {
      res
        .set('WWW-Authenticate', 'Bearer realm="loa-xa-admin"')
        .status(401)
        .json({ error: 'unauthorized', message: messages.unauthorized });
      return;
    }
    next();
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
