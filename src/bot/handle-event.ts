import { hashUserId, type Logger } from '../shared/logger.js';
import {
  ANONYMOUS_SEND_EVENTS,
  GROUP_LIFECYCLE_EVENTS,
  OA_SEND_ANONYMOUS_EVENTS,
  OA_SEND_EVENTS,
  OA_SEND_GROUP_EVENTS,
  USER_SEND_GROUP_EVENTS,
  USER_SEND_MEDIA_EVENTS,
  type ZaloEvent,
  type ZaloEventName,
  zaloEventName,
} from '../zalo/zalo-event.js';
import type { Dialog, DialogInput } from './dialog.js';
import type { GroupEventSink } from './group-event-sink.js';
import type { EventHandler, EventMeta } from './inbox-processor.js';
import type { ReplyOutbox } from './reply-outbox.js';
import type { ResidentProfiles } from './resident-profiles.js';
import type { ResidentRepository } from './resident-repository.js';

export interface HandleEventDeps {
  dialog: Dialog;
  /** the durable reply outbox: what the dialog answers is stored there before the event is done, then sent */
  replies: ReplyOutbox;
  residents: ResidentRepository;
  /** when wired, residents' Zalo display names are looked up in the background after their reply */
  profiles?: ResidentProfiles;
  /** erases a resident's data (`deleteUserData` bound to the database); returns rows deleted */
  deleteUserData: (userId: string) => number;
  /** OA group lifecycle events go here when a groups directory is wired */
  groupEvents?: GroupEventSink;
  log: Logger;
  /** log residents' message texts (LOG_MESSAGE_TEXT) */
  logMessageText?: boolean;
  /**
   * True when a Zalo message id is one the bot sent (reply outbox, outbound log): such an echo is
   * never taken for an official's, whatever its `admin_id` says.
   */
  isOwnMessage?: (userId: string, msgId: string) => boolean;
  /** the line an official's non-text OA-chat message gets in the thread (default `[<kind>]`) */
  nonTextLine?: (kind: string) => string;
}

/** What a handler receives besides its event: when it arrived, a logger that carries its ids, and `converse`. */
interface HandlerContext {
  meta: EventMeta;
  log: Logger;
  /**
   * Runs one dialog turn for a resident, stores what it answers in the reply outbox and has the
   * outbox send it, without waiting for the send. Runs the turn at most once per inbox event: on a
   * re-run (a crash before the event was marked done, a handler timeout) the stored replies are sent
   * and the dialog is not asked again. After the send, queues the resident's display-name lookup.
   */
  converse(userId: string, input: DialogInput): Promise<void>;
}

type Handler<E extends ZaloEvent> = (event: E, ctx: HandlerContext) => Promise<void> | void;
/** One entry per event name; the compiler refuses a map that misses one. */
type HandlerMap = { [E in ZaloEvent as E['event_name']]: Handler<E> };

/** The same handler for every name of one event family, e.g. all `user_send_<media>` names. */
function each<N extends ZaloEventName>(
  names: readonly N[],
  handler: Handler<Extract<ZaloEvent, { event_name: N }>>,
): Record<N, Handler<Extract<ZaloEvent, { event_name: N }>>> {
  return Object.fromEntries(names.map((name) => [name, handler])) as Record<
    N,
    Handler<Extract<ZaloEvent, { event_name: N }>>
  >;
}

/**
 * The event router: turns each typed Zalo event into its effect. Residents' messages and follows go
 * to the dialog and its replies go out through the durable reply outbox; OA echoes are never answered
 * (an admin's echo tells the dialog a human took over); `user_withdraw` erases the resident's data;
 * group lifecycle goes to `groupEvents`; receipts and reactions are noted at debug; unmodelled events
 * are logged and dropped.
 * Adding an event: a type in zalo/zalo-event.ts, then one entry in the map below.
 */
export function createEventHandler(deps: HandleEventDeps): EventHandler {
  const { dialog, replies, residents, profiles, groupEvents, log, logMessageText = false } = deps;

  const ignore: Handler<ZaloEvent> = (event, ctx) => ctx.log.debug('ignored');

  const handlers: HandlerMap = {
    user_send_text: async (event, ctx) => {
      residents.noteInteraction(event.sender.id, ctx.meta.receivedAt);
      if (logMessageText) ctx.log.info({ text: event.message.text }, 'resident message');
      await ctx.converse(event.sender.id, { kind: 'text', text: event.message.text });
    },
    ...each(USER_SEND_MEDIA_EVENTS, async (event, ctx) => {
      residents.noteInteraction(event.sender.id, ctx.meta.receivedAt);
      await ctx.converse(event.sender.id, { kind: 'unsupported', eventName: event.event_name });
    }),
    follow: async (event, ctx) => {
      residents.setFollowed(event.follower.id, true, ctx.meta.receivedAt);
      residents.noteInteraction(event.follower.id, ctx.meta.receivedAt);
      await ctx.converse(event.follower.id, { kind: 'follow' });
    },
    unfollow: (event, ctx) => residents.setFollowed(event.follower.id, false, ctx.meta.receivedAt),
    user_submit_info: (event, ctx) => {
      residents.noteInteraction(event.sender.id, ctx.meta.receivedAt);
      ctx.log.info('resident shared contact details (not stored)');
    },
    user_click_chatnow: (event, ctx) => residents.noteInteraction(event.user_id, ctx.meta.receivedAt),
    user_received_message: (event, ctx) => ctx.log.debug({ msgId: event.message.msg_id }, 'delivered'),
    user_seen_message: (event, ctx) => ctx.log.debug({ msgIds: event.message.msg_ids }, 'seen'),
    user_reacted_message: (event, ctx) => ctx.log.debug({ msgId: event.message.msg_id }, 'resident reacted'),
    oa_reacted_message: ignore,
    ...each(OA_SEND_EVENTS, (event, ctx) => {
      const adminId = event.sender.admin_id;
      const userId = event.recipient.id;
      if (!adminId || deps.isOwnMessage?.(userId, event.message.msg_id)) return ctx.log.debug('own message echo');
      if (dialog.officialWrote) {
        const kind = event.event_name.replace(/^oa_send_/, '');
        const text = event.message.text ?? (deps.nonTextLine ?? ((k) => `[${k}]`))(kind);
        const input = { actor: `zalo:${adminId}`, text, source: `echo:${event.message.msg_id}` };
        dialog.officialWrote(userId, input, ctx.meta.receivedAt);
      } else dialog.noteHumanReply(userId, ctx.meta.receivedAt);
      ctx.log.info('an official replied from the OA chat; the bot stays quiet');
    }),
    ...each(ANONYMOUS_SEND_EVENTS, ignore),
    ...each(OA_SEND_ANONYMOUS_EVENTS, ignore),
    ...each(USER_SEND_GROUP_EVENTS, ignore),
    ...each(OA_SEND_GROUP_EVENTS, ignore),
    ...each(GROUP_LIFECYCLE_EVENTS, async (event, ctx) => {
      if (groupEvents) await groupEvents.onGroupEvent(event);
      else ctx.log.info({ group: event.group_id }, 'group event (no groups directory wired)');
    }),
    user_withdraw: (event, ctx) => {
      const deleted = deps.deleteUserData(event.user_id);
      ctx.log.info({ deleted }, 'resident withdrew consent; their data was erased');
    },
    unknown: (event, ctx) => ctx.log.info({ zaloEvent: event.zalo_event_name }, 'unmodelled Zalo event acknowledged'),
  };

  return async (event, meta) => {
    // built on first use: most events log nothing at info
    let child: Logger | undefined;
    const eventLog = (): Logger => (child ??= log.child({ inboxId: meta.inboxId, event: zaloEventName(event) }));
    /** Runs the turn (once per inbox event) and stores its replies; true when there is something to send. */
    async function answer(userId: string, input: DialogInput): Promise<boolean> {
      if (replies.hasRepliesFor(meta.inboxId)) {
        eventLog().info(
          { user: hashUserId(userId) },
          'event already answered; its stored replies are sent, the dialog is not run again',
        );
        return true;
      }
      const reply = await dialog.respond(userId, input, meta.receivedAt, { eventId: meta.inboxId });
      if (log.isLevelEnabled('debug'))
        eventLog().debug(
          { user: hashUserId(userId), outcome: reply.outcome.kind, id: reply.outcome.id },
          'dialog answered',
        );
      if (reply.messages.length === 0) return false;
      // durable before the inbox marks the event done; the outbox sends it (and retries) from there
      replies.enqueue(userId, meta.inboxId, reply.messages);
      return true;
    }
    const ctx: HandlerContext = {
      meta,
      get log() {
        return eventLog();
      },
      async converse(userId, input) {
        // the event is done once its replies are stored: sending never holds up the resident's next event
        const delivery = (await answer(userId, input)) ? replies.deliver(userId) : Promise.resolve();
        // only once the reply is sent (or left to the outbox's retries); never throws
        void delivery.then(() => profiles?.refresh(userId));
      },
    };
    await (handlers[event.event_name] as Handler<ZaloEvent>)(event, ctx);
  };
}
