import { z } from 'zod';

/**
 * The Zalo OA webhook events the bot understands, as one union discriminated on `event_name`.
 * One type per event family, each with the developers.zalo.me page it comes from.
 *
 * Shapes follow Zalo's published examples (test/fixtures/zalo/webhook) and their quirks: every id is a
 * string (user ids exceed 2^53, never coerce them to numbers), `timestamp` is a string of varying length
 * (11–13 digits in the docs; never check its freshness), `user_submit_info.info.phone` may be a number.
 * Extra fields are ignored. Anything with an `event_name` not listed here parses as `UnknownZaloEvent`.
 *
 * To add an event: add its names and schema here (and to `SCHEMAS`), then one handler entry in
 * src/bot/handle-event.ts; the compiler points at the missing entry.
 */

/** Attachment kinds Zalo names events after (`user_send_<kind>`, `user_send_group_<kind>` …). */
const MEDIA_KINDS = ['image', 'link', 'audio', 'video', 'sticker', 'location', 'business_card', 'file', 'gif'] as const;
type MediaKind = (typeof MEDIA_KINDS)[number];
type MessageKind = 'text' | MediaKind;
const MESSAGE_KINDS = ['text', ...MEDIA_KINDS] as const satisfies readonly MessageKind[];

const names = <P extends string, K extends string>(prefix: P, kinds: readonly K[]) =>
  kinds.map((k) => `${prefix}${k}` as `${P}${K}`) as [`${P}${K}`, ...`${P}${K}`[]];

export const USER_SEND_MEDIA_EVENTS = names('user_send_', MEDIA_KINDS);
/** Documented: text, image, gif, list, file, sticker, template; the other media kinds are accepted too. */
export const OA_SEND_EVENTS = names('oa_send_', [...MESSAGE_KINDS, 'list', 'template']);
export const ANONYMOUS_SEND_EVENTS = names('anonymous_send_', ['text', 'image', 'file', 'sticker']);
export const OA_SEND_ANONYMOUS_EVENTS = names('oa_send_anonymous_', ['text', 'image', 'file', 'sticker']);
export const USER_SEND_GROUP_EVENTS = names('user_send_group_', MESSAGE_KINDS);
export const OA_SEND_GROUP_EVENTS = names('oa_send_group_', MESSAGE_KINDS);
/** Both spellings are in circulation: the docs' `accept_request_join_group`/`delete_group`, and `react_…`/`disperse_group`. */
export const GROUP_LIFECYCLE_EVENTS = [
  'create_group',
  'user_join_group',
  'user_request_join_group',
  'accept_request_join_group',
  'react_request_join_group',
  'reject_request_join_group',
  'add_group_admin',
  'remove_group_admin',
  'update_group_info',
  'user_out_group',
  'delete_group',
  'disperse_group',
] as const;

const id = z.string().min(1);
/** Zalo sends strings; a number is tolerated and turned into its decimal string. */
const timestamp = z.union([z.string(), z.number()]).transform(String);
const party = z.object({ id });

/** `{ type, payload }`; a bare object (the OA template example) is read as a one-element list. */
const attachments = z.preprocess(
  (v) => (v === undefined || Array.isArray(v) ? v : [v]),
  z.array(z.object({ type: z.string().optional(), payload: z.record(z.string(), z.unknown()).optional() })).optional(),
);

const chatMessage = z.object({
  msg_id: id,
  text: z.string().optional(),
  attachments,
  quote_msg_id: z.string().optional(),
});

/** Fields of every 1:1 or group message event. */
const messageBase = {
  app_id: z.string().optional(),
  timestamp,
  sender: party,
  recipient: party,
  user_id_by_app: z.string().optional(),
};

const userSendTextSchema = z.object({
  ...messageBase,
  event_name: z.literal('user_send_text'),
  message: chatMessage.extend({ text: z.string() }),
});
/** A resident wrote text (also what a tap on an `oa.query.*` button arrives as). @see {@link https://developers.zalo.me/docs/official-account/webhook/tin-nhan/su-kien-nguoi-dung-gui-tin-nhan} */
export type UserSendTextEvent = z.infer<typeof userSendTextSchema>;

const userSendMediaSchema = z.object({
  ...messageBase,
  event_name: z.enum(USER_SEND_MEDIA_EVENTS),
  message: chatMessage,
});
/** A resident sent an image, link, audio, video, sticker, location, business card, file or gif. @see {@link https://developers.zalo.me/docs/official-account/webhook/tin-nhan/su-kien-nguoi-dung-gui-tin-nhan} */
export type UserSendMediaEvent = z.infer<typeof userSendMediaSchema>;

const followSchema = z.object({
  event_name: z.enum(['follow', 'unfollow']),
  app_id: z.string().optional(),
  oa_id: z.string().optional(),
  timestamp,
  follower: party,
  source: z.string().optional(),
  user_id_by_app: z.string().optional(),
});
/** A resident followed or unfollowed the OA; the user is `follower.id`. @see {@link https://developers.zalo.me/docs/official-account/webhook/quan-ly/su-kien-nguoi-dung-quan-tam-hay-bo-quan-tam-oa} */
export type FollowEvent = z.infer<typeof followSchema>;

const infoField = z.union([z.string(), z.number()]).transform(String).optional();
const userSubmitInfoSchema = z.object({
  event_name: z.literal('user_submit_info'),
  app_id: z.string().optional(),
  timestamp,
  sender: party,
  recipient: party,
  info: z.object({
    address: infoField,
    phone: infoField,
    city: infoField,
    district: infoField,
    name: infoField,
    ward: infoField,
  }),
});
/** A resident shared their details after a `request_user_info` message; `phone` arrives as a number. @see {@link https://developers.zalo.me/docs/official-account/webhook/quan-ly/su-kien-nguoi-dung-dong-y-chia-se-thong-tin} */
export type UserSubmitInfoEvent = z.infer<typeof userSubmitInfoSchema>;

const receiptBase = { app_id: z.string().optional(), timestamp, sender: party, recipient: party };

const userReceivedMessageSchema = z.object({
  ...receiptBase,
  event_name: z.literal('user_received_message'),
  message: z.object({ msg_id: id }),
});
/** Delivery receipt (mobile only); `sender` is the OA, `recipient` the resident. @see {@link https://developers.zalo.me/docs/official-account/webhook/tin-nhan/su-kien-nguoi-dung-nhan-tin-nhan-tu-official-account} */
export type UserReceivedMessageEvent = z.infer<typeof userReceivedMessageSchema>;

const userSeenMessageSchema = z.object({
  ...receiptBase,
  event_name: z.literal('user_seen_message'),
  message: z.object({ msg_ids: z.array(id) }),
});
/** Read receipt; `message.msg_ids` is an array. @see {@link https://developers.zalo.me/docs/official-account/webhook/tin-nhan/su-kien-nguoi-dung-da-xem-tin-nhan-duoc-gui-tu-official-account} */
export type UserSeenMessageEvent = z.infer<typeof userSeenMessageSchema>;

const reaction = z.object({ msg_id: id, react_icon: z.string() });

const userReactedMessageSchema = z.object({
  ...receiptBase,
  event_name: z.literal('user_reacted_message'),
  message: reaction,
  user_id_by_app: z.string().optional(),
});
/** A resident reacted to a message; the resident is `sender.id`. @see {@link https://developers.zalo.me/docs/official-account/webhook/tin-nhan/su-kien-nguoi-dung-tha-bieu-tuong-cam-xuc-len-tin-nhan} */
export type UserReactedMessageEvent = z.infer<typeof userReactedMessageSchema>;

const oaReactedMessageSchema = z.object({
  ...receiptBase,
  event_name: z.literal('oa_reacted_message'),
  message: reaction,
  user_id_by_app: z.string().optional(),
});
/** The OA reacted to a resident's message; the resident is `recipient.id`. @see {@link https://developers.zalo.me/docs/official-account/webhook/tin-nhan/su-kien-oa-tha-bieu-tuong-cam-xuc-len-tin-nhan} */
export type OaReactedMessageEvent = z.infer<typeof oaReactedMessageSchema>;

const userClickChatnowSchema = z.object({
  event_name: z.literal('user_click_chatnow'),
  app_id: z.string().optional(),
  oa_id: z.string().optional(),
  timestamp,
  user_id: id,
  user_id_by_app: z.string().optional(),
});
/** First tap on the OA's "Nhắn tin" button (once per resident). @see {@link https://developers.zalo.me/docs/official-account/webhook/tin-nhan/su-kien-nguoi-dung-click-nut-nhan-tin-tren-official-account} */
export type UserClickChatnowEvent = z.infer<typeof userClickChatnowSchema>;

const oaSendSchema = z.object({
  ...messageBase,
  event_name: z.enum(OA_SEND_EVENTS),
  sender: z.object({ id, admin_id: z.string().optional() }),
  message: chatMessage,
});
/**
 * Echo of a message the OA sent to a resident (`recipient.id`), through the API or the OA chat tool.
 * `sender.admin_id` is present only when a human typed it in the OA chat. Never answered.
 * @see {@link https://developers.zalo.me/docs/official-account/webhook/tin-nhan/su-kien-official-account-gui-tin-nhan-cho-nguoi-dung}
 */
export type OaSendEvent = z.infer<typeof oaSendSchema>;

const anonymousMessage = chatMessage.extend({ conversation_id: z.string().optional() });

const anonymousSendSchema = z.object({
  ...messageBase,
  event_name: z.enum(ANONYMOUS_SEND_EVENTS),
  message: anonymousMessage,
});
/** A visitor of the chat widget wrote; `sender.id` is an anonymous (hex) id. @see {@link https://developers.zalo.me/docs/official-account/webhook/tin-nhan/su-kien-nguoi-dung-an-danh-gui-tin-nhan} */
export type AnonymousSendEvent = z.infer<typeof anonymousSendSchema>;

const oaSendAnonymousSchema = z.object({
  ...messageBase,
  event_name: z.enum(OA_SEND_ANONYMOUS_EVENTS),
  message: anonymousMessage,
});
/** Echo of an OA message to an anonymous visitor. @see {@link https://developers.zalo.me/docs/official-account/webhook/tin-nhan/su-kien-official-account-gui-tin-nhan-cho-nguoi-dung-an-danh} */
export type OaSendAnonymousEvent = z.infer<typeof oaSendAnonymousSchema>;

const groupMessageBase = { ...messageBase, oa_id: z.string().optional(), message: chatMessage };

const userSendGroupSchema = z.object({ ...groupMessageBase, event_name: z.enum(USER_SEND_GROUP_EVENTS) });
/** A member wrote in an OA group; `recipient.id` is the group id. @see {@link https://developers.zalo.me/docs/official-account/webhook/nhom-chat-gmf/messgae_webhook} */
export type UserSendGroupEvent = z.infer<typeof userSendGroupSchema>;

const oaSendGroupSchema = z.object({
  ...groupMessageBase,
  event_name: z.enum(OA_SEND_GROUP_EVENTS),
  sender: z.object({ id, admin_id: z.string().optional() }),
});
/** Echo of a message the OA posted in one of its groups (`recipient.id`). @see {@link https://developers.zalo.me/docs/official-account/webhook/nhom-chat-gmf/messgae_webhook} */
export type OaSendGroupEvent = z.infer<typeof oaSendGroupSchema>;

const groupLifecycleSchema = z.object({
  event_name: z.enum(GROUP_LIFECYCLE_EVENTS),
  app_id: z.string().optional(),
  oa_id: z.string().optional(),
  timestamp,
  group_id: id,
  /** members concerned; absent for create/update/delete */
  users: z.array(party).default([]),
});
/**
 * A change to an OA group: created, member joined / asked / accepted / rejected / left, deputy added or
 * removed, info updated, group deleted. One page per event under `webhook/nhom-chat-gmf/`, e.g.
 * @see {@link https://developers.zalo.me/docs/official-account/webhook/nhom-chat-gmf/user_join_group}
 */
export type GroupLifecycleEvent = z.infer<typeof groupLifecycleSchema>;

const userWithdrawSchema = z.object({
  event_name: z.literal('user_withdraw'),
  app_id: z.string().optional(),
  oa_id: z.string().optional(),
  timestamp,
  user_id: id,
  user_id_by_app: z.string().optional(),
});
/** A resident exercised their data-subject right: erase what we hold about `user_id`. @see {@link https://developers.zalo.me/docs/official-account/webhook/quan-ly/su-kien-nguoi-dung-zalo-thuc-hien-quyen-chu-the-du-lieu} */
export type UserWithdrawEvent = z.infer<typeof userWithdrawSchema>;

/**
 * Any event this version does not model (calls, consent, tags, widget, extensions …). Its own
 * `event_name` is replaced by `'unknown'` so the union stays discriminated; Zalo's name is `zalo_event_name`.
 */
export interface UnknownZaloEvent {
  event_name: 'unknown';
  zalo_event_name: string;
  timestamp: string;
  payload: Record<string, unknown>;
}

export type ZaloEvent =
  | UserSendTextEvent
  | UserSendMediaEvent
  | FollowEvent
  | UserSubmitInfoEvent
  | UserReceivedMessageEvent
  | UserSeenMessageEvent
  | UserReactedMessageEvent
  | OaReactedMessageEvent
  | UserClickChatnowEvent
  | OaSendEvent
  | AnonymousSendEvent
  | OaSendAnonymousEvent
  | UserSendGroupEvent
  | OaSendGroupEvent
  | GroupLifecycleEvent
  | UserWithdrawEvent
  | UnknownZaloEvent;

export type ZaloEventName = ZaloEvent['event_name'];

/** Zalo's own name of an event: `event_name`, or for an unmodelled event the name Zalo sent (`zalo_event_name`). */
export function zaloEventName(event: ZaloEvent): string {
  return event.event_name === 'unknown' ? event.zalo_event_name : event.event_name;
}

const SCHEMAS: ReadonlyArray<z.ZodType<Exclude<ZaloEvent, UnknownZaloEvent>>> = [
  userSendTextSchema,
  userSendMediaSchema,
  followSchema,
  userSubmitInfoSchema,
  userReceivedMessageSchema,
  userSeenMessageSchema,
  userReactedMessageSchema,
  oaReactedMessageSchema,
  userClickChatnowSchema,
  oaSendSchema,
  anonymousSendSchema,
  oaSendAnonymousSchema,
  userSendGroupSchema,
  oaSendGroupSchema,
  groupLifecycleSchema,
  userWithdrawSchema,
];

const SCHEMA_BY_NAME: ReadonlyMap<string, z.ZodType<Exclude<ZaloEvent, UnknownZaloEvent>>> = new Map(
  SCHEMAS.flatMap((schema) => eventNamesOf(schema).map((name) => [name, schema] as const)),
);

/** The schema of a modelled event name, or undefined for names this version does not know. */
export function zaloEventSchema(eventName: string): z.ZodType<Exclude<ZaloEvent, UnknownZaloEvent>> | undefined {
  return SCHEMA_BY_NAME.get(eventName);
}

function eventNamesOf(schema: z.ZodType): string[] {
  const field = (schema as z.ZodObject).shape.event_name;
  return field instanceof z.ZodLiteral ? [...field.values].map(String) : (field as z.ZodEnum).options.map(String);
}
