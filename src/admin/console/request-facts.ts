import type { Request } from 'express';

/**
 * Facts about the client that depend on whether a reverse proxy is trusted. With `trustProxy` off,
 * X-Forwarded-* headers are ignored (anyone can send them); with it on, the proxy's last hop is believed.
 */
export interface RequestFacts {
  /** the client address used for the sign-in rate limit */
  clientIp(req: Request): string;
  /** true when the browser reached us over TLS: the session cookie then gets `Secure` */
  isSecure(req: Request): boolean;
}

function lastHeaderValue(req: Request, name: string): string | undefined {
  const header = req.headers[name];
  const joined = Array.isArray(header) ? header.join(',') : header;
  const last = joined?.split(',').pop()?.trim();
  return last ? last : undefined;
}

export function createRequestFacts({ trustProxy }: { trustProxy: boolean }): RequestFacts {
  return {
    clientIp(req) {
      const forwarded = trustProxy ? lastHeaderValue(req, 'x-forwarded-for') : undefined;
      return forwarded ?? req.socket.remoteAddress ?? 'unknown';
    },
    isSecure(req) {
      if ((req.socket as { encrypted?: boolean }).encrypted) return true;
      return trustProxy && lastHeaderValue(req, 'x-forwarded-proto')?.toLowerCase() === 'https';
    },
  };
}

/** Reads one cookie from the Cookie header; undefined when absent or malformed. */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return /^[A-Za-z0-9_-]{1,128}$/.test(value) ? value : undefined;
  }
  return undefined;
}
