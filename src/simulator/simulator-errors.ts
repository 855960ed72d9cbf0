/**
 * Error bodies as Zalo returns them: HTTP 200 with a negative `error`. OpenAPI errors carry
 * `message`; OAuth errors carry `error_name` and `error_description`.
 * @see ../../../shared/zalo-oa-api.md §7
 */
const MESSAGES: Record<number, string> = {
  [-32]: 'The application has exceeded the request limit per minute',
  [-100]: 'attachment_id has expired',
  [-200]: 'Send message failed',
  [-201]: 'Parameters are invalid',
  [-210]: 'Parameter exceeds the allowed limit',
  [-211]: 'Out of quota',
  [-216]: 'Access token is invalid',
  [-220]: 'access_token is expired or removed',
  [-224]: 'The OA has not purchased the package for this feature',
  [-227]: 'User is banned or has been offline for more than 45 days',
  [-230]: 'User has not interacted with the OA in the last 7 days',
  [-232]: 'User has not interacted or the last interaction has expired',
  [-233]: 'The type of message is not supported or unavailable',
  [-237]: 'GMF group has expired',
  [-244]: 'User has restricted this type of message from the OA',
  [-403]: 'OA is not in group',
  [-14003]: 'Invalid parameter',
  [-14004]: 'Invalid secret key',
  [-14020]: 'Refresh token is invalid or expired',
};

export interface ZaloErrorBody {
  error: number;
  message: string;
}

/** `{ error, message }` for an OpenAPI error code; `detail` overrides the generic message. */
export function openApiError(code: number, detail?: string): ZaloErrorBody {
  return { error: code, message: detail ?? MESSAGES[code] ?? 'Unknown error' };
}

/** `{ error, error_name, error_description }` for an OAuth error code. */
export function oauthError(
  code: number,
  detail?: string,
): { error: number; error_name: string; error_description: string } {
  const text = detail ?? MESSAGES[code] ?? 'Unknown error';
  return { error: code, error_name: text, error_description: text };
}
