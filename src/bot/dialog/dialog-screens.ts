import type { TFunction } from '../../i18n/create-i18n.js';
import type { AnswerVersion, FaqNode, FaqSnapshot, LegalBasis } from '../../faq/faq-types.js';
import { breadcrumbOf, detailsOption } from './faq-navigation.js';

/** What every screen needs: the resident's texts, the content and the moment of the question. */
export interface ScreenContext {
  t: TFunction;
  snapshot: FaqSnapshot;
  now: number;
}

/** Where a screen leaves the resident: the numbered options it showed. */
export interface ScreenPosition {
  nodeId: string | null;
  options: FaqNode[];
  breadcrumb: string[];
}

/**
 * One reply before it becomes a Zalo message: paragraphs (joined with blank lines) and, when the
 * screen shows numbered options, the position to remember. Without a position the resident's
 * previous options stay valid (e.g. after "thanks").
 */
export interface Screen {
  parts: string[];
  position?: ScreenPosition;
  /** the numbered options this reply lists (what quick buttons may offer) */
  listed?: FaqNode[];
}

/** "1. Title" lines for the options, numbered from `first` (default 1). */
export function numberedList(t: TFunction, nodes: readonly FaqNode[], first = 1): string {
  return nodes.map((n, i) => t('dialog:menu.item', { number: first + i, title: n.title })).join('\n');
}

/** The main menu (top-level topics valid now), with optional paragraphs before and after the list. */
export function mainMenuScreen(ctx: ScreenContext, around: { lead?: string[]; tail?: string[] } = {}): Screen {
  const { t } = ctx;
  const topics = ctx.snapshot.children(null, ctx.now);
  const list = topics.length > 0 ? `${t('dialog:menu.mainTitle')}\n${numberedList(t, topics)}` : t('dialog:menu.empty');
  return {
    parts: [...(around.lead ?? []), list, ...(around.tail ?? []), t('dialog:menu.footer')],
    position: { nodeId: null, options: topics, breadcrumb: [] },
    listed: topics,
  };
}

/** A topic's sub-menu: its intro (or title) and its children valid now. */
export function topicScreen(ctx: ScreenContext, topic: FaqNode, lead: string[] = []): Screen {
  const { t } = ctx;
  const children = ctx.snapshot.children(topic.id, ctx.now);
  const heading = topic.intro?.trim() || topic.title;
  const list = children.length > 0 ? numberedList(t, children) : t('dialog:menu.empty');
  return {
    parts: [...lead, `${heading}\n${list}`, t('dialog:menu.footer')],
    position: { nodeId: topic.id, options: children, breadcrumb: breadcrumbOf(ctx.snapshot, topic) },
    listed: children,
  };
}

/** At most this many numbered options under an answer. */
export const MAX_ANSWER_OPTIONS = 3;

/**
 * An answer: the text valid now (or its details, `showDetails`), one compact line with the legal
 * basis, the review date and the contact, then at most MAX_ANSWER_OPTIONS numbered options in one
 * list: "Xem chi tiết" when the answer has a longer text, the close runner-ups of a free-text match
 * (`alsoAsk`) and the follow-ups (a follow-up already offered is not repeated). Without any of
 * them the options last shown (`previousOptions`) stay valid, so a resident browsing a menu can
 * pick the next item by number. No command hint: menus and fallbacks carry it.
 */
export function answerScreen(
  ctx: ScreenContext,
  node: FaqNode,
  version: AnswerVersion,
  followUps: FaqNode[],
  previousOptions: FaqNode[],
  alsoAsk: FaqNode[] = [],
  showDetails = false,
): Screen {
  const { t } = ctx;
  const meta = [
    version.legalBasis.length > 0
      ? t('dialog:answer.legalBasis', { sources: formatLegalBasis(version.legalBasis) })
      : '',
    node.reviewed ? t('dialog:answer.reviewed', { date: formatDate(node.reviewed) }) : '',
    node.contact ? t('dialog:answer.contact', { contact: node.contact }) : '',
  ].filter(Boolean);
  const details = !showDetails && version.details ? [detailsOption(node, t('dialog:answer.details'))] : [];
  const others = alsoAsk.filter((n) => n.id !== node.id).slice(0, MAX_ANSWER_OPTIONS - details.length);
  const next = followUps
    .filter((n) => n.id !== node.id && !others.some((o) => o.id === n.id))
    .slice(0, MAX_ANSWER_OPTIONS - details.length - others.length);
  const options = [...details, ...others, ...next];
  const lists = [
    details.length > 0 ? numberedList(t, details) : '',
    others.length > 0 ? `${t('dialog:answer.alsoAsk')}\n${numberedList(t, others, details.length + 1)}` : '',
    next.length > 0
      ? `${t('dialog:answer.followUps')}\n${numberedList(t, next, details.length + others.length + 1)}`
      : '',
  ].filter(Boolean);
  const text = showDetails && version.details ? version.details : version.text;
  return {
    parts: [text.trim(), meta.join(' · '), ...lists],
    position: {
      nodeId: node.id,
      options: options.length > 0 ? options : previousOptions,
      breadcrumb: breadcrumbOf(ctx.snapshot, node),
    },
    listed: options,
  };
}

/**
 * "Có phải bạn muốn hỏi:" and the candidates as numbered options, and how to reach an official;
 * `lead`: a paragraph before (the fallback's "not sure").
 */
export function suggestionsScreen(ctx: ScreenContext, candidates: FaqNode[], lead: string[] = []): Screen {
  const { t } = ctx;
  return {
    parts: [
      ...lead,
      `${t('dialog:suggestions.title')}\n${numberedList(t, candidates)}`,
      t('dialog:suggestions.footer'),
    ],
    position: { nodeId: null, options: candidates, breadcrumb: [] },
    listed: candidates,
  };
}

/** The honest "I don't know": the main menu and how to reach an official. */
export function fallbackScreen(ctx: ScreenContext): Screen {
  return mainMenuScreen(ctx, { lead: [ctx.t('dialog:fallback.sorry')], tail: [ctx.t('dialog:fallback.handoff')] });
}

/** The options last shown again, after a number that is not among them. */
export function invalidChoiceScreen(ctx: ScreenContext, number: number, position: ScreenPosition): Screen {
  const { t } = ctx;
  return {
    parts: [
      `${t('dialog:menu.invalidChoice', { number })}\n${numberedList(t, position.options)}`,
      t('dialog:menu.footer'),
    ],
    position,
    listed: position.options,
  };
}

/** "Luật X, Điều 12; Nghị định Y" */
function formatLegalBasis(basis: readonly LegalBasis[]): string {
  return basis.map((b) => (b.article ? `${b.document}, ${b.article}` : b.document)).join('; ');
}

/** ISO `YYYY-MM-DD` → `dd/mm/yyyy`; anything else is shown as written. */
function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
