import type { SimButton } from './simulator-types.js';

/**
 * Pure validation of the message bodies the OA posts to `message/cs` and `group/message`,
 * with Zalo's limits (zalo-oa-api.md §3.1, §3.2, §4): text ≤ 2,000 (-210), ≤ 5 buttons with
 * title ≤ 100 and query payload ≤ 1,000, media template with exactly one element, no buttons or
 * templates in groups (-233). Unknown shapes → -201/-233.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; code: number; message: string };

export interface OutboundMessage {
  /** 'text', 'image', 'gif', 'sticker', 'file' or 'request_user_info'. */
  type: string;
  text?: string;
  attachment?: unknown;
  buttons?: SimButton[];
  imageUrl?: string;
  quoteMessageId?: string;
}

const TEXT_LIMIT = 2000;
const BUTTON_TYPES = ['oa.query.show', 'oa.query.hide', 'oa.open.url', 'oa.open.phone', 'oa.open.sms'];
const MEDIA_TYPES = ['image', 'gif', 'sticker'];

const fail = (code: number, message: string): { ok: false; code: number; message: string } => ({
  ok: false,
  code,
  message,
});
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Validates a `POST /v3.0/oa/message/cs` body. `buttonsAccepted` is the simulator switch. */
export function validateCsMessage(
  body: unknown,
  buttonsAccepted: boolean,
): Checked<{ userId: string; message: OutboundMessage }> {
  if (!isObject(body) || !isObject(body.recipient) || !isNonEmptyString(body.recipient.user_id)) {
    return fail(-201, 'recipient.user_id is invalid');
  }
  const message = checkMessage(body.message, { inGroup: false, buttonsAccepted });
  return message.ok ? { ok: true, value: { userId: body.recipient.user_id, message: message.value } } : message;
}

/** Validates a `POST /v3.0/oa/group/message` body: text or media/file only. */
export function validateGroupMessage(body: unknown): Checked<{ groupId: string; message: OutboundMessage }> {
  if (!isObject(body) || !isObject(body.recipient) || !isNonEmptyString(body.recipient.group_id)) {
    return fail(-201, 'recipient.group_id is invalid');
  }
  const message = checkMessage(body.message, { inGroup: true, buttonsAccepted: false });
  return message.ok ? { ok: true, value: { groupId: body.recipient.group_id, message: message.value } } : message;
}

function checkMessage(
  message: unknown,
  rules: { inGroup: boolean; buttonsAccepted: boolean },
): Checked<OutboundMessage> {
  if (!isObject(message)) return fail(-201, 'message is invalid');
  const { text, attachment, quote_message_id: quote } = message;
  if (text !== undefined && typeof text !== 'string') return fail(-201, 'text is invalid');
  if (typeof text === 'string' && text.length > TEXT_LIMIT) return fail(-210, `text exceeds ${TEXT_LIMIT} characters`);
  if (quote !== undefined && !isNonEmptyString(quote)) return fail(-201, 'quote_message_id is invalid');
  const base = { ...(text ? { text } : {}), ...(quote ? { quoteMessageId: quote as string } : {}) };
  if (attachment === undefined) {
    return isNonEmptyString(text) ? { ok: true, value: { type: 'text', ...base } } : fail(-201, 'text is invalid');
  }
  if (!isObject(attachment) || !isObject(attachment.payload)) return fail(-201, 'attachment is invalid');
  const payload = attachment.payload;
  if (attachment.type === 'file') {
    return isNonEmptyString(payload.token)
      ? { ok: true, value: { type: 'file', attachment, ...base } }
      : fail(-201, 'token is invalid');
  }
  if (attachment.type !== 'template') return fail(-233, 'attachment.type is not supported');
  if (payload.template_type === 'media') return checkMedia(payload, attachment, base);
  if (rules.inGroup) return fail(-233, 'this message type is not supported in groups');
  if (payload.template_type === 'request_user_info') return checkUserInfoRequest(payload, attachment, base);
  if (payload.template_type !== undefined && payload.template_type !== 'list' && payload.template_type !== 'button') {
    return fail(-233, 'template_type is not supported');
  }
  if (!rules.buttonsAccepted) return fail(-201, 'buttons is invalid');
  const buttons = checkButtons(payload.buttons);
  if (!buttons.ok) return buttons;
  if (!isNonEmptyString(text) && payload.elements === undefined) return fail(-201, 'text is invalid');
  return { ok: true, value: { type: 'text', attachment, buttons: buttons.value, ...base } };
}

function checkMedia(
  payload: Record<string, unknown>,
  attachment: Record<string, unknown>,
  base: Partial<OutboundMessage>,
): Checked<OutboundMessage> {
  const elements = payload.elements;
  if (!Array.isArray(elements) || elements.length !== 1 || !isObject(elements[0]))
    return fail(-201, 'elements is invalid');
  const element = elements[0];
  const mediaType = element.media_type;
  if (typeof mediaType !== 'string' || !MEDIA_TYPES.includes(mediaType)) return fail(-201, 'media_type is invalid');
  if (!isNonEmptyString(element.url) && !isNonEmptyString(element.attachment_id))
    return fail(-201, 'url or attachment_id is required');
  if (mediaType === 'gif' && (element.width === undefined || element.height === undefined))
    return fail(-201, 'width and height are required for gif');
  const imageUrl = isNonEmptyString(element.url) ? element.url : undefined;
  return { ok: true, value: { type: mediaType, attachment, ...base, ...(imageUrl ? { imageUrl } : {}) } };
}

function checkUserInfoRequest(
  payload: Record<string, unknown>,
  attachment: Record<string, unknown>,
  base: Partial<OutboundMessage>,
): Checked<OutboundMessage> {
  const element = Array.isArray(payload.elements) && payload.elements.length === 1 ? payload.elements[0] : undefined;
  if (!isObject(element) || !isNonEmptyString(element.title) || typeof element.subtitle !== 'string')
    return fail(-201, 'elements is invalid');
  if (element.title.length > 100 || element.subtitle.length > 500)
    return fail(-210, 'title or subtitle exceeds the limit');
  return { ok: true, value: { type: 'request_user_info', attachment, ...base } };
}

function checkButtons(buttons: unknown): Checked<SimButton[]> {
  if (!Array.isArray(buttons) || buttons.length === 0) return fail(-201, 'buttons is invalid');
  if (buttons.length > 5) return fail(-210, 'at most 5 buttons');
  const checked: SimButton[] = [];
  for (const button of buttons) {
    if (
      !isObject(button) ||
      !isNonEmptyString(button.title) ||
      typeof button.type !== 'string' ||
      !BUTTON_TYPES.includes(button.type)
    ) {
      return fail(-201, 'button is invalid');
    }
    if (button.title.length > 100) return fail(-210, 'button title exceeds 100 characters');
    const query = button.type.startsWith('oa.query.');
    if (query && !isNonEmptyString(button.payload)) return fail(-201, 'button payload is invalid');
    if (query && (button.payload as string).length > 1000) return fail(-210, 'button payload exceeds 1000 characters');
    if (!query && !isObject(button.payload)) return fail(-201, 'button payload is invalid');
    checked.push({ title: button.title, type: button.type, payload: button.payload });
  }
  return { ok: true, value: checked };
}
