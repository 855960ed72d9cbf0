import type { GroupEventSink } from '../bot/group-event-sink.js';
import type { Logger } from '../shared/logger.js';
import type { ZaloApi } from '../zalo/zalo-api.js';
import type { GroupLifecycleEvent } from '../zalo/zalo-event.js';
import { SYSTEM_ACTOR, type AuditLog } from './audit-log.js';
import type { Clock } from '../shared/clock.js';
import type { GroupDirectory } from './group-directory.js';

const JOINED = new Set(['user_join_group', 'accept_request_join_group', 'react_request_join_group']);

/**
 * Keeps the group directory current from group webhooks: created / info updated → re-read from
 * Zalo (`getgroup`; a failure throws so the inbox retries), deleted / dispersed → marked deleted
 * (then shown as such and skipped by campaigns), members joined / left → member count adjusted.
 * Join requests, rejections and deputy changes do not concern broadcasts.
 */
export function createGroupEventSink(deps: {
  directory: GroupDirectory;
  zalo: ZaloApi;
  audit: AuditLog;
  clock: Clock;
  log: Logger;
}): GroupEventSink {
  const { directory, zalo, audit, clock, log } = deps;
  return {
    async onGroupEvent(event: GroupLifecycleEvent) {
      const groupId = event.group_id;
      switch (event.event_name) {
        case 'create_group':
        case 'update_group_info': {
          directory.upsertFromZalo(await zalo.getGroup(groupId));
          if (event.event_name === 'create_group')
            audit.record({ actor: SYSTEM_ACTOR, action: 'group.created', groupId });
          return;
        }
        case 'delete_group':
        case 'disperse_group':
          directory.markDeleted(groupId, clock.now());
          audit.record({ actor: SYSTEM_ACTOR, action: 'group.deleted', groupId, details: { event: event.event_name } });
          log.info({ groupId, event: event.event_name }, 'group deleted on Zalo; campaigns will skip it');
          return;
        case 'user_out_group':
          directory.adjustMembers(groupId, -Math.max(1, event.users.length));
          return;
        default:
          if (JOINED.has(event.event_name)) directory.adjustMembers(groupId, Math.max(1, event.users.length));
      }
    },
  };
}
