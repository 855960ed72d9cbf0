import { hexId } from './simulator-ids.js';

/**
 * Builders for every webhook body shape in zalo-oa-api.md §2, with Zalo's conventions: ids are
 * strings, `timestamp` is a 13-digit millisecond string, `msg_id` is 20 hex chars. Key order
 * follows the published examples (test/… fixtures). Bodies are plain objects; the emitter
 * serialises them once and signs those exact bytes.
 */
export type ZaloWebhookBody = { event_name: string; timestamp: string } & Record<string, unknown>;

/** Message kinds a user can send 1:1 or into a group (`user_send_<kind>`, `user_send_group_<kind>`). */
export type UserMessageKind =
  'text' | 'image' | 'gif' | 'link' | 'audio' | 'video' | 'sticker' | 'location' | 'business_card' | 'file';
export type AttachmentKind = Exclude<UserMessageKind, 'text'>;
export type OaEchoKind = 'text' | 'image' | 'gif' | 'list' | 'file' | 'sticker';
export type AnonymousKind = 'text' | 'image' | 'file' | 'sticker';
/** Group lifecycle events, including the alternative spellings `react_…` and `disperse_group`. */
export type GroupLifecycleEvent =
  | 'create_group'
  | 'user_join_group'
  | 'user_request_join_group'
  | 'accept_request_join_group'
  | 'react_request_join_group'
  | 'reject_request_join_group'
  | 'add_group_admin'
  | 'remove_group_admin'
  | 'update_group_info'
  | 'user_out_group'
  | 'delete_group'
  | 'disperse_group';

export interface Attachment {
  type: string;
  payload: Record<string, unknown>;
}

/** Sample payloads, shaped as in Zalo's published attachment examples. */
const SAMPLE_ATTACHMENTS: Record<AttachmentKind, Attachment> = {
  image: {
    type: 'image',
    payload: {
      thumbnail: 'http://t.f6.photo.talk.zdn.vn/9c2db3ccc0a223fc7ab3.jpg',
      url: 'http://f6.photo.talk.zdn.vn/9c2db3ccc0a223fc7ab3.jpg',
    },
  },
  gif: {
    type: 'gif',
    payload: {
      thumbnail: 'http://cgif.zp.zdn.vn/634e85277d6a07b_t.jpg',
      url: 'http://cgif.zp.zdn.vn/634e81577d6a07b_n.gif',
    },
  },
  link: {
    type: 'link',
    payload: {
      thumbnail: 'https://link.photo.talk.zdn.vn/photolinkv2/720/YyZw==',
      description: 'Cổng dịch vụ công',
      url: 'https://dichvucong.gov.vn/',
    },
  },
  audio: { type: 'audio', payload: { url: 'http://f1.voice.talk.zdn.vn/507667510983167001/7e00789a51e4b9bae0f5.amr' } },
  video: {
    type: 'video',
    payload: {
      url: 'https://f4-zvc.zdn.vn/9ae8cac9eead07f35ebc/494930035692638423',
      thumbnail: 'http://f7.photo.talk.zdn.vn/2111897866637249674/3665d4b4022a37cfa33.jpg',
      description: '',
    },
  },
  sticker: {
    type: 'sticker',
    payload: {
      url: 'https://api.zalo.me/api/emoticon/oasticker?eid=73585551855742711&size=130',
      id: 'e1540df031b5deb81a4',
    },
  },
  location: { type: 'location', payload: { coordinates: { latitude: '21.2986200', longitude: '106.3937600' } } },
  business_card: {
    type: 'link',
    payload: {
      thumbnail: 'http://s120.avatar.talk.zdn.vn/default',
      description: JSON.stringify({
        phone: '0345535930',
        qrCodeUrl: 'https://qr-talk.zdn.vn/13/6647972d63/e61300fca7b44dea14a5.jpg',
      }),
      url: 'www.zaloapp.com',
    },
  },
  file: {
    type: 'file',
    payload: {
      size: '233947',
      name: 'ho-so.docx',
      checksum: 'db8f0a790d28e3d8658a0ff0846189',
      type: 'docx',
      url: 'https://f7-group-zf.zdn.vn/xxx484bd4258d6a/xxx52598708747',
    },
  },
};

/** A sample attachment of a kind, optionally with its payload replaced or extended. */
export function sampleAttachment(kind: AttachmentKind, payload?: Record<string, unknown>): Attachment {
  const sample = SAMPLE_ATTACHMENTS[kind];
  return { type: sample.type, payload: { ...sample.payload, ...payload } };
}

export interface EventContext {
  appId: string;
  oaId: string;
  now(): number;
  userIdByApp(userId: string): string;
}

interface MessageOptions {
  text?: string;
  msgId?: string;
  quoteMsgId?: string;
  /** Replaces the sample attachment payload (attachment kinds only). */
  payload?: Record<string, unknown>;
}

/** Creates the builders bound to one app/OA and clock. */
export function createEventBuilders(ctx: EventContext) {
  const ts = (): string => String(ctx.now());

  function messageBody(kind: string, opts: MessageOptions, attachments?: Attachment[]): Record<string, unknown> {
    const message: Record<string, unknown> = {};
    if (opts.text !== undefined || kind === 'text') message.text = opts.text ?? '';
    message.msg_id = opts.msgId ?? hexId();
    if (attachments) message.attachments = attachments;
    if (opts.quoteMsgId) message.quote_msg_id = opts.quoteMsgId;
    return message;
  }
  const attachmentsFor = (kind: string, payload?: Record<string, unknown>): Attachment[] | undefined =>
    kind === 'text' ? undefined : [sampleAttachment(kind as AttachmentKind, payload)];

  const builders = {
    /** `user_send_<kind>`: a user writes to the OA (text, or a sample attachment of `kind`). */
    userSend(kind: UserMessageKind, userId: string, opts: MessageOptions = {}): ZaloWebhookBody {
      return {
        app_id: ctx.appId,
        sender: { id: userId },
        user_id_by_app: ctx.userIdByApp(userId),
        recipient: { id: ctx.oaId },
        event_name: `user_send_${kind}`,
        message: messageBody(kind, opts, attachmentsFor(kind, opts.payload)),
        timestamp: ts(),
      };
    },
    /** `user_send_text`; a tapped `oa.query.*` button arrives exactly like this, text = payload. */
    userSendText(userId: string, text: string, opts: Omit<MessageOptions, 'text' | 'payload'> = {}): ZaloWebhookBody {
      return builders.userSend('text', userId, { ...opts, text });
    },
    follow(userId: string, source: 'oa_profile' | 'message_invite' | 'social_plugin' = 'oa_profile'): ZaloWebhookBody {
      return followBody('follow', userId, source);
    },
    unfollow(
      userId: string,
      source: 'oa_profile' | 'message_invite' | 'social_plugin' = 'oa_profile',
    ): ZaloWebhookBody {
      return followBody('unfollow', userId, source);
    },
    /** `user_submit_info`; `info.phone` is a JSON number, as Zalo sends it. */
    userSubmitInfo(
      userId: string,
      info: { address?: string; phone?: number; city?: string; district?: string; name?: string; ward?: string } = {},
    ): ZaloWebhookBody {
      return {
        sender: { id: userId },
        recipient: { id: ctx.oaId },
        event_name: 'user_submit_info',
        app_id: ctx.appId,
        timestamp: ts(),
        info: { address: '', phone: 84912345678, city: '', district: '', name: '', ward: '', ...info },
      };
    },
    /** `user_received_message`: sender = OA, recipient = user. */
    userReceivedMessage(userId: string, msgId: string): ZaloWebhookBody {
      return receiptBody('user_received_message', userId, { msg_id: msgId });
    },
    /** `user_seen_message`: note `msg_ids` is an array. */
    userSeenMessage(userId: string, msgIds: string[]): ZaloWebhookBody {
      return receiptBody('user_seen_message', userId, { msg_ids: msgIds });
    },
    userReactedMessage(userId: string, msgId: string, reactIcon = '/-strong'): ZaloWebhookBody {
      return reactionBody('user_reacted_message', { id: userId }, { id: ctx.oaId }, userId, msgId, reactIcon);
    },
    oaReactedMessage(userId: string, msgId: string, reactIcon = '/-strong'): ZaloWebhookBody {
      return reactionBody('oa_reacted_message', { id: ctx.oaId }, { id: userId }, userId, msgId, reactIcon);
    },
    userClickChatnow(userId: string): ZaloWebhookBody {
      return {
        app_id: ctx.appId,
        event_name: 'user_click_chatnow',
        oa_id: ctx.oaId,
        user_id: userId,
        user_id_by_app: ctx.userIdByApp(userId),
        timestamp: ts(),
      };
    },
    /** `anonymous_send_<kind>` from the chat widget; `anonymousId`/`conversationId` are hex strings. */
    anonymousSend(
      kind: AnonymousKind,
      anonymousId: string,
      conversationId: string,
      opts: MessageOptions = {},
    ): ZaloWebhookBody {
      return anonymousBody(`anonymous_send_${kind}`, { id: anonymousId }, { id: ctx.oaId }, kind, conversationId, opts);
    },
    /** `oa_send_anonymous_<kind>`: the OA's echo to an anonymous user. */
    oaSendAnonymous(
      kind: AnonymousKind,
      anonymousId: string,
      conversationId: string,
      opts: MessageOptions = {},
    ): ZaloWebhookBody {
      return anonymousBody(
        `oa_send_anonymous_${kind}`,
        { id: ctx.oaId },
        { id: anonymousId },
        kind,
        conversationId,
        opts,
      );
    },
    /**
     * `oa_send_<kind>` echo of an OA → user message. `adminId` set = a human typed it in the OA
     * chat tool (takeover); absent = sent through the API.
     */
    oaSend(kind: OaEchoKind, userId: string, opts: MessageOptions & { adminId?: string } = {}): ZaloWebhookBody {
      const attachments =
        kind === 'list' ? [1, 2].map(() => sampleAttachment('link', opts.payload)) : attachmentsFor(kind, opts.payload);
      return {
        app_id: ctx.appId,
        sender: opts.adminId ? { id: ctx.oaId, admin_id: opts.adminId } : { id: ctx.oaId },
        recipient: { id: userId },
        event_name: `oa_send_${kind}`,
        message: messageBody(kind, opts, attachments),
        user_id_by_app: ctx.userIdByApp(userId),
        timestamp: ts(),
      };
    },
    /** `user_send_group_<kind>`: recipient.id is the group; top-level `oa_id` is present. */
    userSendGroup(kind: UserMessageKind, userId: string, groupId: string, opts: MessageOptions = {}): ZaloWebhookBody {
      return {
        event_name: `user_send_group_${kind}`,
        app_id: ctx.appId,
        sender: { id: userId },
        recipient: { id: groupId },
        message: messageBody(kind, opts, attachmentsFor(kind, opts.payload)),
        oa_id: ctx.oaId,
        timestamp: ts(),
        user_id_by_app: ctx.userIdByApp(userId),
      };
    },
    /** `oa_send_group_<kind>`: the echo of an OA → group message. */
    oaSendGroup(kind: UserMessageKind, groupId: string, opts: MessageOptions = {}): ZaloWebhookBody {
      return {
        event_name: `oa_send_group_${kind}`,
        app_id: ctx.appId,
        sender: { id: ctx.oaId },
        recipient: { id: groupId },
        message: messageBody(kind, opts, attachmentsFor(kind, opts.payload)),
        oa_id: ctx.oaId,
        timestamp: ts(),
      };
    },
    /** Flat group lifecycle body; `userIds` becomes `users: [{id}]` for member events. */
    groupEvent(eventName: GroupLifecycleEvent, groupId: string, userIds?: string[]): ZaloWebhookBody {
      const body: Record<string, unknown> = {
        oa_id: ctx.oaId,
        group_id: groupId,
        event_name: eventName,
        app_id: ctx.appId,
      };
      if (userIds) body.users = userIds.map((id) => ({ id }));
      return { ...body, event_name: eventName, timestamp: ts() };
    },
    /** `user_withdraw`: the user exercised their data-subject right (erase their data). */
    userWithdraw(userId: string): ZaloWebhookBody {
      return {
        app_id: ctx.appId,
        oa_id: ctx.oaId,
        user_id_by_app: ctx.userIdByApp(userId),
        user_id: userId,
        event_name: 'user_withdraw',
        timestamp: ts(),
      };
    },
  };

  function followBody(eventName: 'follow' | 'unfollow', userId: string, source: string): ZaloWebhookBody {
    return {
      oa_id: ctx.oaId,
      follower: { id: userId },
      user_id_by_app: ctx.userIdByApp(userId),
      event_name: eventName,
      source,
      app_id: ctx.appId,
      timestamp: ts(),
    };
  }
  function receiptBody(eventName: string, userId: string, message: Record<string, unknown>): ZaloWebhookBody {
    return {
      app_id: ctx.appId,
      sender: { id: ctx.oaId },
      recipient: { id: userId },
      event_name: eventName,
      message,
      timestamp: ts(),
    };
  }
  function reactionBody(
    eventName: string,
    sender: { id: string },
    recipient: { id: string },
    userId: string,
    msgId: string,
    reactIcon: string,
  ): ZaloWebhookBody {
    return {
      app_id: ctx.appId,
      event_name: eventName,
      sender,
      recipient,
      message: { msg_id: msgId, react_icon: reactIcon },
      timestamp: ts(),
      user_id_by_app: ctx.userIdByApp(userId),
    };
  }
  function anonymousBody(
    eventName: string,
    sender: { id: string },
    recipient: { id: string },
    kind: AnonymousKind,
    conversationId: string,
    opts: MessageOptions,
  ): ZaloWebhookBody {
    return {
      event_name: eventName,
      app_id: ctx.appId,
      sender,
      recipient,
      message: { conversation_id: conversationId, ...messageBody(kind, opts, attachmentsFor(kind, opts.payload)) },
      timestamp: ts(),
      user_id_by_app: ctx.userIdByApp(sender.id === ctx.oaId ? recipient.id : sender.id),
    };
  }

  return builders;
}

export type EventBuilders = ReturnType<typeof createEventBuilders>;
