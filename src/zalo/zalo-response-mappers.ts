import type { ZaloChatMessage, ZaloGroupInfo, ZaloGroupSummary, ZaloOaInfo, ZaloUserDetail } from './zalo-api.js';

/**
 * Pure mappers from Zalo's JSON (`data` of each endpoint) to the `ZaloApi` types. Zalo mixes
 * strings and numbers (`max_member: "10"`, `auto_renew: "true"`, numeric `total_member`); ids are
 * always kept as strings. Field names per developers.zalo.me and test/fixtures/zalo/api.
 */
type Json = Record<string, unknown>;

export function asRecord(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function num(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 1) return true;
  if (value === 'false' || value === 0) return false;
  return undefined;
}

/** One entry of `getgroupsofoa` `data.groups[]`, or `getgroup` `data.group_info`. */
export function toGroupSummary(raw: unknown): ZaloGroupSummary {
  const g = asRecord(raw);
  return {
    groupId: str(g.group_id) ?? '',
    name: str(g.name) ?? '',
    status: str(g.status) ?? 'unknown',
    totalMember: num(g.total_member) ?? 0,
    description: str(g.group_description),
    link: str(g.group_link),
  };
}

/** `getgroup` `data` ({group_info, asset_info, group_setting}). */
export function toGroupInfo(data: unknown): ZaloGroupInfo {
  const d = asRecord(data);
  const info = asRecord(d.group_info);
  const asset = asRecord(d.asset_info);
  return {
    ...toGroupSummary(info),
    maxMember: num(info.max_member),
    autoDeleteDate: str(info.auto_delete_date),
    assetType: str(asset.asset_type),
    validThrough: str(asset.valid_through),
  };
}

/** One item of `group/conversation` or 1:1 `conversation` `data[]`; `text` only for text messages. */
export function toChatMessage(raw: unknown): ZaloChatMessage {
  const m = asRecord(raw);
  const type = str(m.type) ?? 'unknown';
  return {
    messageId: str(m.message_id) ?? '',
    src: num(m.src) ?? 1,
    time: num(m.time) ?? 0,
    type,
    text: type === 'text' ? str(m.message) : undefined,
  };
}

/** `getoa` `data`; the published example spells the id `oaid`, the field table `oa_id`. */
export function toOaInfo(data: unknown): ZaloOaInfo {
  const d = asRecord(data);
  return {
    oaId: str(d.oa_id) ?? str(d.oaid) ?? '',
    name: str(d.name) ?? '',
    oaType: num(d.oa_type),
    isVerified: bool(d.is_verified),
    packageName: str(d.package_name),
  };
}

/** `user/detail` `data`. */
export function toUserDetail(data: unknown): ZaloUserDetail {
  const d = asRecord(data);
  return {
    userId: str(d.user_id) ?? '',
    displayName: str(d.display_name),
    isFollower: bool(d.user_is_follower),
    lastInteractionDate: str(d.user_last_interaction_date),
  };
}
