import type { Clock } from '../shared/clock.js';
import type { Db } from '../storage/open-database.js';
import type { InboxWriter } from '../zalo/webhook-router.js';
import type { ReplyEchoStore } from './reply-echo-store.js';

/**
 * The webhook's `InboxWriter`: stores the event in the inbox and, for an `oa_send_text` echo, records
 * its message id in the same transaction, at once (the inbox processor reaches the echo only after the
 * resident's earlier events, too late for the reply outbox, which may be waiting on it).
 */
export function acceptWithEchoes(deps: {
  db: Db;
  inbox: InboxWriter;
  echoes: ReplyEchoStore;
  clock: Clock;
}): InboxWriter {
  const { db, inbox, echoes, clock } = deps;
  const accept = db.transaction((...[event, rawBody]: Parameters<InboxWriter['accept']>) => {
    const result = inbox.accept(event, rawBody);
    echoes.record(event, clock.now());
    return result;
  });
  return { accept: (event, rawBody) => accept(event, rawBody) };
}
