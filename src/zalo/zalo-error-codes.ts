/** What a Zalo error code means and what an operator should do about it. */
export interface ZaloErrorInfo {
  meaning: string;
  hint: string;
}

/**
 * Every code of Zalo's published error table (developers.zalo.me … /phu-luc/ma-loi) plus the OAuth
 * codes seen in the field. English, for operators' logs; officials read `locales/<lang>/zalo.json`
 * `errors.<code>` instead (see `describeZaloError`). `-223` has two published meanings; both are named.
 * @see ../../../shared/zalo-oa-api.md §7
 */
export const ZALO_ERROR_CODES: Readonly<Record<number, ZaloErrorInfo>> = {
  [-32]: {
    meaning: 'the app exceeded its per-minute request limit',
    hint: 'wait for the next minute; lower ZALO_RATE_LIMIT_PER_MINUTE to the X-RateLimit-Limit Zalo reports',
  },
  [-100]: { meaning: 'attachment_id has expired', hint: 'upload the image or file again and send with the new id' },
  [-200]: {
    meaning: 'sending the message failed on Zalo’s side',
    hint: 'temporary: retried automatically; if it persists, try again later',
  },
  [-201]: {
    meaning: 'a request parameter is invalid',
    hint: 'check the payload (recipient id, quote id, button shape); a button template may be refused, so plain text must work',
  },
  [-204]: { meaning: 'the Official Account has been deleted', hint: 'check which OA the access token belongs to' },
  [-205]: {
    meaning: 'the Official Account does not exist',
    hint: 'check ZALO_APP_ID and that the tokens belong to the right OA',
  },
  [-209]: {
    meaning: 'API not supported because the app is not activated',
    hint: 'activate the app in the Zalo developer console',
  },
  [-210]: {
    meaning: 'a parameter exceeds its allowed limit (e.g. text longer than 2,000 characters)',
    hint: 'shorten or split the content',
  },
  [-211]: {
    meaning: 'the feature’s quota is used up',
    hint: 'stop sending and check the OA package quota in the OA manager',
  },
  [-212]: {
    meaning: 'the OA has not registered this API',
    hint: 'enable the API for the app in the Zalo developer console',
  },
  [-213]: {
    meaning: 'the user does not follow the OA',
    hint: 'only followers can receive this message type; nothing to retry',
  },
  [-214]: { meaning: 'the article is still being processed', hint: 'try again in a few minutes' },
  [-216]: {
    meaning: 'the access token is invalid',
    hint: 'refreshed automatically; if it persists, re-authorize the OA and set ZALO_ACCESS_TOKEN / ZALO_REFRESH_TOKEN',
  },
  [-217]: { meaning: 'the user blocked invitations to follow', hint: 'skip this user' },
  [-218]: { meaning: 'the sending limit to this user is reached', hint: 'skip this user until the quota resets' },
  [-219]: { meaning: 'the app was removed or disabled', hint: 'check the app status in the Zalo developer console' },
  [-220]: {
    meaning: 'the access token expired or was revoked',
    hint: 'refreshed automatically; if it persists, re-authorize the OA and set ZALO_ACCESS_TOKEN / ZALO_REFRESH_TOKEN',
  },
  [-221]: {
    meaning: 'the Official Account is not verified',
    hint: 'complete OA verification; unverified OAs cannot use the API',
  },
  [-223]: {
    meaning: 'the OA has not granted this API to the app, or the OA exceeded its publishing quota',
    hint: 're-authorize the app with the needed permission (messages, group management)',
  },
  [-224]: {
    meaning: 'the OA package does not include this feature (e.g. group chat / GMF)',
    hint: 'upgrade the OA package',
  },
  [-227]: {
    meaning: 'the user is banned or has not been online for more than 45 days',
    hint: 'mark the user unreachable; nothing to retry',
  },
  [-230]: {
    meaning: 'the user has not interacted with the OA in the last 7 days',
    hint: 'outside the reply window; the user must message the OA first',
  },
  [-232]: {
    meaning: 'the user never interacted or the last interaction expired',
    hint: 'outside the reply window; the user must message the OA first',
  },
  [-233]: {
    meaning: 'the message type is invalid or not supported',
    hint: 'send plain text instead (e.g. buttons refused)',
  },
  [-234]: {
    meaning: 'this message type may not be sent at night (22:00–06:00)',
    hint: 'reschedule between 06:00 and 21:59',
  },
  [-235]: { meaning: 'the API is not supported for this OA type', hint: 'check the OA type and package' },
  [-237]: {
    meaning: 'the GMF group is disabled or its package expired',
    hint: 'renew the group package in the OA manager or remove the group from campaigns',
  },
  [-238]: { meaning: 'the asset_id is used or no longer available', hint: 'pick another asset' },
  [-240]: { meaning: 'the v2 message API is shut down', hint: 'use the v3 endpoints' },
  [-241]: { meaning: 'the free asset_id of the package is already used', hint: 'pick or buy another asset' },
  [-242]: { meaning: 'appsecret_proof is invalid', hint: 'check ZALO_APP_SECRET' },
  [-244]: { meaning: 'the user restricted this message type from the OA', hint: 'skip this user' },
  [-248]: { meaning: 'the content violates Zalo platform standards', hint: 'review the message content' },
  [-320]: {
    meaning: 'the app is not linked to a Zalo Cloud Account (needed for paid features)',
    hint: 'link a Zalo Cloud Account in the developer console',
  },
  [-321]: { meaning: 'the linked Zalo Cloud Account is out of funds', hint: 'top up the Zalo Cloud Account' },
  [-403]: {
    meaning: 'the OA does not own this group',
    hint: 'only groups created by the OA work; take group ids from getgroupsofoa',
  },
  [-1340]: { meaning: 'form not found', hint: 'check the form id' },
  [-1341]: { meaning: 'the OA has no access to this form', hint: 'check the form permissions' },
  [-14003]: {
    meaning: 'OAuth: invalid parameter or unregistered redirect_uri',
    hint: 'check ZALO_APP_ID matches the app that issued the tokens',
  },
  [-14004]: {
    meaning: 'OAuth: invalid secret key',
    hint: 'set ZALO_APP_SECRET to the App Secret Key of app ZALO_APP_ID (not a token, not the OA secret key)',
  },
  [-14020]: {
    meaning: 'OAuth: the refresh token was already used or has expired',
    hint: 'an OA admin must re-authorize the app, then set ZALO_ACCESS_TOKEN / ZALO_REFRESH_TOKEN and restart',
  },
};
