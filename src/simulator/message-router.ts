import express, { type Router } from 'express';
import { openApiError } from './simulator-errors.js';
import { hexId } from './simulator-ids.js';
import { recordChat, zaloDate, type SimulatorState } from './simulator-state.js';
import type { SimChatMessage, SimGroupMessage, SimUser } from './simulator-types.js';
import { validateCsMessage, validateGroupMessage } from './validate-outbound-message.js';

const DAY_MS = 24 * 3600 * 1000;
const CS_WINDOW_MS = 7 * DAY_MS;
const REPLY_FRAME_MS = 2 * DAY_MS;
const REPLY_FRAME_SIZE = 8;

/**
 * The two send routes: `POST /v3.0/oa/message/cs` (1:1, with the 7-day window and the quota
 * object of §3.4) and `POST /v3.0/oa/group/message` (OA-owned, enabled groups only).
 */
export function createMessageRouter(state: SimulatorState): Router {
  const router = express.Router();

  router.post('/v3.0/oa/message/cs', (req, res) => {
    const checked = validateCsMessage(req.body, state.buttonsOnCs);
    if (!checked.ok) {
      res.json(openApiError(checked.code, checked.message));
      return;
    }
    const { userId, message } = checked.value;
    const user = state.users.get(userId);
    const refusal = user ? windowRefusal(user, state.clock.now()) : -201;
    if (refusal) {
      res.json(openApiError(refusal, refusal === -201 ? 'user_id is invalid' : undefined));
      return;
    }
    const quota = takeQuota(state, user!);
    const sent: SimChatMessage = {
      messageId: hexId(),
      userId,
      direction: 'out',
      time: state.clock.now(),
      type: message.type,
      ...(message.text !== undefined ? { text: message.text } : {}),
      ...(message.attachment !== undefined ? { attachment: message.attachment } : {}),
      ...(message.buttons ? { buttons: message.buttons } : {}),
      ...(quota ? { quota } : {}),
    };
    recordChat(state, sent);
    res.json({
      data: { ...(quota ? { quota } : {}), message_id: sent.messageId, user_id: userId },
      error: 0,
      message: 'Success',
    });
    state.onSent({ kind: 'user', message: sent });
  });

  router.post('/v3.0/oa/group/message', (req, res) => {
    const checked = validateGroupMessage(req.body);
    if (!checked.ok) {
      res.json(openApiError(checked.code, checked.message));
      return;
    }
    const { groupId, message } = checked.value;
    const group = state.groups.get(groupId);
    if (!group || !group.owned) {
      res.json(openApiError(-403));
      return;
    }
    if (group.status !== 'enabled') {
      res.json(openApiError(-237));
      return;
    }
    const sent: SimGroupMessage = {
      messageId: hexId(),
      groupId,
      src: 0,
      fromId: state.oaId,
      fromDisplayName: state.oaName,
      time: state.clock.now(),
      type: message.type,
      ...(message.text !== undefined ? { text: message.text } : {}),
      ...(message.imageUrl !== undefined ? { imageUrl: message.imageUrl } : {}),
      ...(message.attachment !== undefined ? { attachment: message.attachment } : {}),
    };
    group.history.push(sent);
    res.json({ data: { message_id: sent.messageId, group_id: groupId }, error: 0, message: 'Success' });
    state.onSent({ kind: 'group', message: sent });
  });

  return router;
}

/** The CS window rules, in Zalo's order of precedence; 0 = allowed. */
function windowRefusal(user: SimUser, now: number): number {
  if (user.banned) return -227;
  if (user.lastInteraction === null) return -232;
  if (now - user.lastInteraction > CS_WINDOW_MS) return -230;
  if (user.restricted) return -244;
  return 0;
}

/** Free "8 in 48 h" frame first (`reply`), then the package quota (`sub_quota`), then paid (none). */
function takeQuota(state: SimulatorState, user: SimUser): Record<string, string> | undefined {
  const now = state.clock.now();
  if (
    user.lastInteraction !== null &&
    now - user.lastInteraction <= REPLY_FRAME_MS &&
    user.replyFrameUsed < REPLY_FRAME_SIZE
  ) {
    user.replyFrameUsed += 1;
    return {
      quota_type: 'reply',
      remain: String(REPLY_FRAME_SIZE - user.replyFrameUsed),
      total: String(REPLY_FRAME_SIZE),
    };
  }
  if (state.subQuota.used < state.subQuota.total) {
    state.subQuota.used += 1;
    return {
      quota_type: 'sub_quota',
      remain: String(state.subQuota.total - state.subQuota.used),
      total: String(state.subQuota.total),
      expired_date: zaloDate(now + 30 * DAY_MS),
    };
  }
  return undefined;
}
