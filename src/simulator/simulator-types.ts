/**
 * The simulator's in-memory records. Everything is plain data so tests can read it directly;
 * mutate it only through the simulator's control methods.
 */

/** A Zalo user as the OA sees them. */
export interface SimUser {
  userId: string;
  userIdByApp: string;
  displayName: string;
  isFollower: boolean;
  /** Epoch ms of the last interaction (message, follow, button tap…); null = never interacted. */
  lastInteraction: number | null;
  /** Account locked or offline > 45 days: CS sends fail with -227. */
  banned: boolean;
  /** The user restricted this message type: CS sends fail with -244. */
  restricted: boolean;
  /** CS messages already sent in the free "8 in 48 h" frame opened by `lastInteraction`. */
  replyFrameUsed: number;
}

export interface NewUser {
  userId?: string;
  displayName?: string;
  isFollower?: boolean;
  /** Default null: the user exists but has never interacted, so CS sends fail with -232. */
  lastInteraction?: number | null;
  banned?: boolean;
  restricted?: boolean;
}

/** A button as accepted on CS messages (`oa.query.*`, `oa.open.*`). */
export interface SimButton {
  title: string;
  type: string;
  payload: unknown;
}

/** One 1:1 message, either direction. `in` = the user wrote it, `out` = the OA sent it via the API. */
export interface SimChatMessage {
  messageId: string;
  userId: string;
  direction: 'in' | 'out';
  time: number;
  /** 'text', 'image', 'gif', 'sticker', 'file', 'request_user_info', or the inbound event kind. */
  type: string;
  text?: string;
  /** The `message.attachment` object of an API send, as received. */
  attachment?: unknown;
  buttons?: SimButton[];
  /** The quota object returned by the CS API, if any (absent = paid message). */
  quota?: Record<string, string>;
}

export type GroupStatus = 'enabled' | 'disabled';

export interface SimGroup {
  groupId: string;
  name: string;
  description: string;
  status: GroupStatus;
  /** false = a group the OA is not in (e.g. a commune's personal group): every API call gets -403. */
  owned: boolean;
  members: string[];
  maxMember: number;
  assetType: string;
  /** Messages in the group, oldest first. */
  history: SimGroupMessage[];
}

export interface NewGroup {
  groupId?: string;
  name: string;
  description?: string;
  status?: GroupStatus;
  owned?: boolean;
  members?: string[];
  maxMember?: number;
}

export interface SimGroupMessage {
  messageId: string;
  groupId: string;
  /** 0 = sent by the OA, 1 = by a member (as in `group/conversation`). */
  src: 0 | 1;
  fromId: string;
  fromDisplayName: string;
  time: number;
  type: string;
  text?: string;
  imageUrl?: string;
  attachment?: unknown;
}

/**
 * A fault applied to the next `times` matching requests (default 1), before auth and rate limit.
 * `code` answers HTTP 200 `{error: code}`; `httpStatus` answers that status with a plain body;
 * `malformed` answers HTTP 200 with a non-JSON body; `latencyMs` delays, then continues normally
 * (or applies the other fields). `responseDelayMs` handles the request normally — a send is accepted
 * and recorded, its echo emitted — and holds the answer that long (set it beyond the client's timeout:
 * Zalo delivered, the client does not know); `dropResponse` closes the connection instead of answering.
 * `path` (exact, e.g. '/v3.0/oa/message/cs') limits it to one route.
 */
export interface FaultSpec {
  path?: string;
  code?: number;
  httpStatus?: number;
  latencyMs?: number;
  responseDelayMs?: number;
  dropResponse?: boolean;
  malformed?: boolean;
  times?: number;
}

/** One request the simulator received. Token and secret values are replaced by '[redacted]'. */
export interface SimRequest {
  time: number;
  method: string;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}
