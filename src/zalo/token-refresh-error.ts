import { ZaloApiError, type ZaloFailureKind } from './zalo-api-error.js';

const OAUTH_PATH = '/v4/oa/access_token';

/** What the operator must do, per OAuth failure; `other` covers codes nobody documented. */
const ADVICE: Readonly<Record<string, string>> = {
  '-14020':
    'the refresh token was already used or has expired, so the token chain is lost. An OA admin must re-authorize the app for the OA in the Zalo developer console (or copy a fresh pair from API Explorer), then set ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN and restart',
  '-14004':
    'Zalo rejected the app secret. Set ZALO_APP_SECRET to the App Secret Key of app ZALO_APP_ID (not an access token, not the OA secret key) and restart',
  '-14003':
    'Zalo rejected a parameter. Check that ZALO_APP_ID is the app that issued ZALO_REFRESH_TOKEN; if it is, re-authorize the OA and set ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN',
  missing:
    'no refresh token is stored. Set ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN (from the OA authorization or API Explorer in the Zalo developer console) and restart',
  transport:
    'the OAuth server could not be reached or answered unexpectedly; the stored pair was kept and the refresh is tried again later. If Zalo did process the request, the stored refresh token is now spent: then re-authorize the OA and set ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN',
  other:
    'check ZALO_APP_ID and ZALO_APP_SECRET; if they are right, re-authorize the OA in the Zalo developer console and set ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN',
};

export interface TokenRefreshErrorInit {
  /** Zalo's OAuth `error` code (-14020, -14004, -14003 …); null when there is none. */
  code: number | null;
  /** `missing`: nothing to refresh with; `transport`: no usable answer from the OAuth server. */
  reason?: 'missing' | 'transport';
  kind?: ZaloFailureKind;
  detail?: string;
  status?: number;
  response?: unknown;
  cause?: unknown;
}

/**
 * Refreshing the OA access token failed; the stored token pair is left untouched. The message says
 * exactly what the operator must do (re-authorize the OA, fix ZALO_APP_SECRET, …) and `hint` repeats
 * it. It is a `ZaloApiError` (POST `/v4/oa/access_token`), so `ZaloApi` callers handle one type.
 */
export class TokenRefreshError extends ZaloApiError {
  readonly reason: 'missing' | 'transport' | undefined;

  constructor(init: TokenRefreshErrorInit) {
    const advice = ADVICE[init.reason ?? String(init.code)] ?? ADVICE.other!;
    super({
      kind: init.kind ?? (init.reason === 'transport' ? 'network' : 'api'),
      code: init.code,
      method: 'POST',
      path: OAUTH_PATH,
      detail: init.detail,
      status: init.status,
      response: init.response,
      cause: init.cause,
      hint: advice,
    });
    const what =
      init.code === null
        ? (init.detail ?? init.reason ?? 'failure')
        : `error ${init.code}${init.detail ? `, ${init.detail}` : ''}`;
    this.message = `Zalo token refresh failed (${what}): ${advice}`;
    this.reason = init.reason;
  }

  /** `token_missing` when no token was ever configured; otherwise as for any Zalo failure. */
  override get failureCode(): string {
    return this.reason === 'missing' ? 'token_missing' : super.failureCode;
  }
}
