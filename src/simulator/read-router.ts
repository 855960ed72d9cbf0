import express, { type Response, type Router } from 'express';
import { openApiError } from './simulator-errors.js';
import { zaloDate, type SimulatorState } from './simulator-state.js';
import type { SimGroup } from './simulator-types.js';

const AVATAR = 'http://s120.ava.grp.talk.zdn.vn/default';

/**
 * Read routes, answering in the shapes of Zalo's published examples: `getgroupsofoa` (offset/count,
 * default count 5, owned groups only), `getgroup`, `group/conversation` (newest first, src 0 = OA),
 * the 1:1 `conversation?data={"user_id","offset","count"}` (newest first, src 0 = OA, count ≤ 10),
 * `getoa` and `user/detail?data={"user_id":…}`.
 */
export function createReadRouter(state: SimulatorState): Router {
  const router = express.Router();

  router.get('/v3.0/oa/group/getgroupsofoa', (req, res) => {
    const page = pagination(req.query, 5, 50);
    if (!page) return invalid(res, 'offset or count is invalid');
    const owned = [...state.groups.values()].filter((g) => g.owned);
    const groups = owned.slice(page.offset, page.offset + page.count).map((g) => ({
      name: g.name,
      avatar: AVATAR,
      group_id: g.groupId,
      group_link: groupLink(g),
      group_description: g.description,
      total_member: g.members.length,
      status: g.status,
    }));
    res.json({
      data: { offset: page.offset, count: page.count, total: owned.length, group_count: groups.length, groups },
      error: 0,
      message: 'Success',
    });
  });

  router.get('/v3.0/oa/group/getgroup', (req, res) => {
    const group = ownedGroup(state, req.query.group_id, res);
    if (!group) return;
    const now = state.clock.now();
    res.json({
      data: {
        group_info: {
          group_id: group.groupId,
          group_link: groupLink(group),
          name: group.name,
          group_description: group.description,
          avatar: AVATAR,
          status: group.status,
          total_member: group.members.length,
          max_member: String(group.maxMember),
          auto_delete_date: zaloDate(now + 400 * 24 * 3600 * 1000),
        },
        asset_info: {
          asset_type: group.assetType,
          asset_id: `asset-${group.groupId}`,
          valid_through: zaloDate(now + 355 * 24 * 3600 * 1000),
          auto_renew: 'true',
        },
        group_setting: { lock_send_msg: false, join_appr: true, enable_msg_history: true, enable_link_join: true },
      },
      error: 0,
      message: 'Success',
    });
  });

  router.get('/v3.0/oa/group/conversation', (req, res) => {
    const page = pagination(req.query, 5, 10);
    if (!page) return invalid(res, 'offset or count is invalid');
    const group = ownedGroup(state, req.query.group_id, res);
    if (!group) return;
    const newestFirst = [...group.history].reverse().slice(page.offset, page.offset + page.count);
    res.json({
      data: newestFirst.map((m) => ({
        src: m.src,
        time: m.time,
        type: m.type,
        message: m.text ?? m.imageUrl ?? '',
        message_id: m.messageId,
        from_id: m.fromId,
        from_display_name: m.fromDisplayName,
        group_id: m.groupId,
      })),
      error: 0,
      message: 'Success',
    });
  });

  router.get('/v2.0/oa/conversation', (req, res) => {
    const data = parseData(req.query.data);
    const userId = typeof data?.user_id === 'string' ? data.user_id : undefined;
    const page = data ? pagination(data, 5, Number.POSITIVE_INFINITY) : null;
    if (!userId || !page || !state.users.has(userId)) return invalid(res, 'data is invalid');
    if (page.count > 10) return void res.json(openApiError(-210, 'count must be at most 10'));
    const user = state.users.get(userId)!;
    const newestFirst = [...(state.chats.get(userId) ?? [])].reverse().slice(page.offset, page.offset + page.count);
    res.json({
      data: newestFirst.map((m) => {
        const fromOa = m.direction === 'out';
        const oa = { id: state.oaId, name: state.oaName };
        const resident = { id: user.userId, name: user.displayName };
        const from = fromOa ? oa : resident;
        const to = fromOa ? resident : oa;
        return {
          src: fromOa ? 0 : 1,
          time: m.time,
          sent_time: new Date(m.time).toISOString(),
          from_id: from.id,
          from_display_name: from.name,
          from_avatar: AVATAR,
          to_id: to.id,
          to_display_name: to.name,
          to_avatar: AVATAR,
          message_id: m.messageId,
          type: m.type === 'text' ? 'text' : m.type,
          message: m.text ?? '',
        };
      }),
      error: 0,
      message: 'Success',
    });
  });

  router.get('/v2.0/oa/getoa', (_req, res) => {
    res.json({
      data: {
        oa_id: state.oaId,
        name: state.oaName,
        description: '',
        avatar: AVATAR,
        cover: '',
        is_verified: true,
        oa_type: 4,
        cate_name: 'Cơ quan nhà nước',
        num_follower: [...state.users.values()].filter((u) => u.isFollower).length,
        package_name: 'Gói Nâng cao',
        package_valid_through_date: zaloDate(state.clock.now() + 365 * 24 * 3600 * 1000),
        linked_ZCA: '',
      },
      error: 0,
      message: 'Success',
    });
  });

  router.get('/v3.0/oa/user/detail', (req, res) => {
    const userId = parseDataUserId(req.query.data);
    const user = userId ? state.users.get(userId) : undefined;
    if (!user) return invalid(res, 'user_id is invalid');
    res.json({
      data: {
        user_id: user.userId,
        user_id_by_app: user.userIdByApp,
        display_name: user.displayName,
        user_alias: '',
        is_sensitive: false,
        user_last_interaction_date: user.lastInteraction === null ? '' : zaloDate(user.lastInteraction),
        user_is_follower: user.isFollower,
        avatar: AVATAR,
        avatars: { '120': AVATAR, '240': AVATAR },
        tags_and_notes_info: { notes: [], tag_names: [] },
      },
      error: 0,
      message: 'Success',
    });
  });

  return router;
}

function invalid(res: Response, detail: string): void {
  res.json(openApiError(-201, detail));
}

function groupLink(group: SimGroup): string {
  return `https://zalo.me/g/${group.groupId.slice(0, 9)}`;
}

/** The group if the OA owns it; otherwise answers -403 (unknown or not owned) and returns undefined. */
function ownedGroup(state: SimulatorState, groupId: unknown, res: Response): SimGroup | undefined {
  const group = typeof groupId === 'string' ? state.groups.get(groupId) : undefined;
  if (group?.owned) return group;
  res.json(openApiError(-403));
  return undefined;
}

function pagination(
  query: Record<string, unknown>,
  defaultCount: number,
  maxCount: number,
): { offset: number; count: number } | null {
  const offset = query.offset === undefined ? 0 : Number(query.offset);
  const count = query.count === undefined ? defaultCount : Number(query.count);
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(count) || count < 1 || count > maxCount) return null;
  return { offset, count };
}

function parseDataUserId(data: unknown): string | undefined {
  const parsed = parseData(data);
  return typeof parsed?.user_id === 'string' ? parsed.user_id : undefined;
}

/** The JSON object of a `data=` query parameter, or null. */
function parseData(data: unknown): Record<string, unknown> | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(data);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
