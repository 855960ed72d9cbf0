/**
 * The Zalo OpenAPI operations the bot uses, as one interface so that bot/, broadcast/ and admin/
 * depend on this shape, not on axios. `createZaloClient` (zalo-client.ts) implements it over HTTP;
 * tests run it against the simulator or nock. Every method throws `ZaloApiError` on failure
 * (HTTP 200 with a negative `error` included). Ids are always strings.
 */
export interface ZaloApi {
  /**
   * Sends a 1:1 customer-service text (`POST /v3.0/oa/message/cs`). Text over 2,000 characters is
   * split at paragraph or sentence boundaries into several messages, sent in order.
   * `buttons` (≤ 5, `oa.query.*`) are attached to the last part when given.
   */
  sendText(userId: string, text: string, options?: SendOptions & { buttons?: ZaloButton[] }): Promise<SentMessage[]>;
  /** Sends to an OA-owned group (`POST /v3.0/oa/group/message`): text, or an image with a caption. */
  sendGroupMessage(groupId: string, message: GroupMessage, options?: SendOptions): Promise<SentMessage>;
  /** All groups of the OA, every page of `getgroupsofoa`. */
  listGroups(): Promise<ZaloGroupSummary[]>;
  /** `GET /v3.0/oa/group/getgroup`. */
  getGroup(groupId: string): Promise<ZaloGroupInfo>;
  /** Recent messages of a group, newest first (`GET /v3.0/oa/group/conversation`). */
  getGroupConversation(groupId: string, options?: { offset?: number; count?: number }): Promise<ZaloGroupChatMessage[]>;
  /**
   * Recent 1:1 messages between the OA and a resident, both directions, newest first
   * (`GET /v2.0/oa/conversation?data={"user_id","offset","count"}`, at most 10 per page); src 0 = the OA.
   */
  getUserConversation(userId: string, options?: { offset?: number; count?: number }): Promise<ZaloChatMessage[]>;
  /** `GET /v2.0/oa/getoa`. */
  getOaInfo(): Promise<ZaloOaInfo>;
  /** `GET /v3.0/oa/user/detail`. */
  getUserDetail(userId: string): Promise<ZaloUserDetail>;
}

export interface SendOptions {
  /** Why the message is sent, recorded in the outbound log: 'reply', 'handoff', 'broadcast', … */
  purpose?: string;
  /** Links the outbound record to a domain row, e.g. a broadcast delivery id. */
  ref?: string;
  /**
   * false: a send whose outcome is unclear (timeout, lost connection, HTTP 5xx) is not retried by the
   * client; it throws a `ZaloApiError` with `outcomeUnknown` for the caller to reconcile. Default true.
   */
  retryUnclear?: boolean;
}

export interface ZaloButton {
  title: string;
  payload: string;
  type?: 'oa.query.show' | 'oa.query.hide';
}

export interface GroupMessage {
  text: string;
  imageUrl?: string;
}

export interface SentMessage {
  messageId: string;
}

export interface ZaloGroupSummary {
  groupId: string;
  name: string;
  status: 'enabled' | 'disabled' | string;
  totalMember: number;
  description?: string;
  link?: string;
}

export interface ZaloGroupInfo extends ZaloGroupSummary {
  maxMember?: number;
  autoDeleteDate?: string;
  assetType?: string;
  validThrough?: string;
}

/** One message of a conversation history (a group's or a resident's), as Zalo lists it. */
export interface ZaloChatMessage {
  messageId: string;
  /** 0 = sent by the OA, 1 = by a member / the resident */
  src: number;
  time: number;
  type: string;
  text?: string;
}

export type ZaloGroupChatMessage = ZaloChatMessage;

export interface ZaloOaInfo {
  oaId: string;
  name: string;
  oaType?: number;
  isVerified?: boolean;
  packageName?: string;
}

export interface ZaloUserDetail {
  userId: string;
  displayName?: string;
  isFollower?: boolean;
  lastInteractionDate?: string;
}
