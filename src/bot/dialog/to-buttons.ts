import type { FaqNode } from '../../faq/faq-types.js';
import type { ZaloButton } from '../../zalo/zalo-api.js';
import { NODE_PAYLOAD_PREFIX } from './parse-dialog-command.js';

/** Zalo's limits for buttons on a message (zalo-oa-api.md §3.2). */
const MAX_BUTTONS = 5;
const MAX_TITLE = 100;

/**
 * Quick buttons for numbered options: "1. Title" (cut to 100 characters with "…"), payload
 * `#faq:<id>` so a tap opens the node by id even after a content reload. Only the first 5 options
 * get a button; the numbered text lists them all.
 */
export function toButtons(nodes: readonly FaqNode[]): ZaloButton[] {
  return nodes.slice(0, MAX_BUTTONS).map((n, i) => {
    const title = `${i + 1}. ${n.title}`;
    return {
      type: 'oa.query.show',
      title: title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title,
      payload: `${NODE_PAYLOAD_PREFIX}${n.id}`,
    };
  });
}
