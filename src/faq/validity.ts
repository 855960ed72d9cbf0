import type { AnswerVersion, FaqNode } from './faq-types.js';

/** Content dates are calendar days in this zone (docs/content-format.md). */
const CONTENT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: CONTENT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD, Asia/Ho_Chi_Minh) of an epoch-ms instant. */
export function dayOf(at: number): string {
  return dayFormat.format(new Date(at));
}

/** Whether `day` lies in the inclusive window; a missing bound is open. ISO days compare as strings. */
export function isDayWithin(day: string, from?: string, until?: string): boolean {
  return (from === undefined || day >= from) && (until === undefined || day <= until);
}

/** The answer version valid on `at`, if the node itself is valid then (undefined for topics). */
export function answerVersionAt(node: FaqNode, at: number): AnswerVersion | undefined {
  const day = dayOf(at);
  if (!isDayWithin(day, node.validFrom, node.validUntil)) return undefined;
  return node.versions.find((v) => isDayWithin(day, v.validFrom, v.validUntil));
}

/**
 * Whether a node can be shown on `at`: inside its own window and, for answer and small-talk
 * nodes, with an answer version valid that day.
 */
export function isNodeAvailable(node: FaqNode, at: number): boolean {
  return isNodeAvailableOn(node, dayOf(at));
}

/** `isNodeAvailable` for a day already computed (YYYY-MM-DD): no time-zone work per node. */
export function isNodeAvailableOn(node: FaqNode, day: string): boolean {
  if (!isDayWithin(day, node.validFrom, node.validUntil)) return false;
  return node.kind === 'topic' || node.versions.some((v) => isDayWithin(day, v.validFrom, v.validUntil));
}
