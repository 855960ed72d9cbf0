import { timingSafeEqual } from 'node:crypto';
import express, { type Request, type Router } from 'express';
import { oauthError } from './simulator-errors.js';
import type { SimulatorState } from './simulator-state.js';

/**
 * Zalo OAuth v4 for OAs (zalo-oa-api.md §6): `GET /v4/oa/permission` (consent, answered with a
 * 302 carrying `code`, `oa_id`, `state`) and `POST /v4/oa/access_token` (form body, `secret_key`
 * header; authorization_code and refresh_token grants). Errors are HTTP 200 with a negative
 * `error`: -14003 bad parameters, -14004 bad secret, -14020 refresh token reused/expired.
 */
export function createOauthRouter(state: SimulatorState, options: { redirectUris?: string[] }): Router {
  const router = express.Router();

  router.get('/v4/oa/permission', (req, res) => {
    const appId = stringParam(req.query.app_id);
    const redirectUri = stringParam(req.query.redirect_uri);
    if (appId !== state.appId || !redirectUri || !isAllowedRedirect(redirectUri, options.redirectUris)) {
      res.status(200).json(oauthError(-14003, 'app_id or redirect_uri is invalid'));
      return;
    }
    const code = state.tokens.createCode(stringParam(req.query.code_challenge));
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    target.searchParams.set('oa_id', state.oaId);
    const stateParam = stringParam(req.query.state);
    if (stateParam !== undefined) target.searchParams.set('state', stateParam);
    res.redirect(302, target.toString());
  });

  router.post('/v4/oa/access_token', (req, res) => {
    const form = formBody(req);
    if (form.app_id !== state.appId) {
      res.json(oauthError(-14003, 'app_id is invalid'));
      return;
    }
    if (!sameSecret(req.get('secret_key'), state.appSecret)) {
      res.json(oauthError(-14004));
      return;
    }
    let result;
    if (form.grant_type === 'refresh_token' && form.refresh_token) {
      result = state.tokens.refresh(form.refresh_token);
    } else if (form.grant_type === 'authorization_code' && form.code) {
      result = state.tokens.redeemCode(form.code, form.code_verifier);
    } else {
      res.json(oauthError(-14003, 'grant_type or its parameters are invalid'));
      return;
    }
    if (!result.ok) {
      res.json(oauthError(result.code));
      return;
    }
    res.json({ access_token: result.pair.accessToken, refresh_token: result.pair.refreshToken, expires_in: '90000' });
  });

  return router;
}

function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function formBody(req: Request): Record<string, string | undefined> {
  if (!req.is('application/x-www-form-urlencoded') || typeof req.body !== 'object' || req.body === null) return {};
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(req.body as Record<string, unknown>)) out[key] = stringParam(value);
  return out;
}

function isAllowedRedirect(uri: string, allowed: string[] | undefined): boolean {
  if (!URL.canParse(uri)) return false;
  return !allowed || allowed.includes(uri);
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
