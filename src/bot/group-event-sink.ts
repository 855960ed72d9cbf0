import type { GroupLifecycleEvent } from '../zalo/zalo-event.js';

/**
 * Receives OA group lifecycle events (created, members joined/left, deputies, info updated,
 * deleted) from the event router. The broadcast groups directory implements it; without one the
 * router only logs them. A throw is retried by the inbox like any handler failure.
 */
export interface GroupEventSink {
  onGroupEvent(event: GroupLifecycleEvent): Promise<void> | void;
}
