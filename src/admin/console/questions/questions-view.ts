import path from 'node:path';
import type { TFunction } from 'i18next';
import type { FaqNode } from '../../../faq/faq-types.js';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { filterParams, pager, searchField, type Page } from '../lists/list-query.js';
import type { QuestionCluster } from './cluster-questions.js';
import { faqSnippet } from './faq-snippet.js';

export const PERIOD_DAYS = [7, 30, 90, 365] as const;
const SHOWN_PHRASINGS = 5;

export interface QuestionRow {
  cluster: QuestionCluster;
  nearest: { node: FaqNode; score: number } | null;
}

/**
 * Unanswered questions, most asked first: the phrasings, how often and when, the nearest FAQ entry
 * with a copyable YAML snippet for its file, and "mark handled".
 */
export function questionsView(
  t: TFunction,
  fmt: Formatter,
  input: {
    rows: Page<QuestionRow>;
    days: number;
    q: string;
    canHandle: boolean;
    /** may add phrasings to the FAQ files from here ("Thêm làm cách hỏi") */
    canEdit: boolean;
    csrfToken: string;
    contentDir: string;
  },
): SafeHtml {
  const cards = input.rows.items.map(({ cluster: c, nearest }, i) => {
    const more = c.texts.length - SHOWN_PHRASINGS;
    const keys = c.keys.map((k) => html`<input type="hidden" name="key" value="${k}">`);
    const pick = new URLSearchParams([
      ...c.keys.map((k) => ['key', k]),
      ...(nearest ? [['node', nearest.node.id]] : []),
    ]);
    return html`<section class="card">
<h2>${c.texts[0] ?? t('questions.purged')}</h2>
<p class="muted">${t('questions.asked', { count: c.count, at: fmt.dateTime(c.lastAskedAt) })}</p>
${
  c.texts.length > 1
    ? html`<div><strong>${t('questions.phrasings')}</strong></div><ul>${c.texts.slice(0, SHOWN_PHRASINGS).map((x) => html`<li>${x}</li>`)}</ul>
${more > 0 ? html`<p class="muted">${t('questions.morePhrasings', { count: more })}</p>` : ''}`
    : ''
}
${
  nearest
    ? html`<div><strong>${t('questions.nearest')}</strong> ${nearest.node.title} <span class="muted">(${t('improve.confidence', { value: fmt.percent(nearest.score, 1) })})</span></div>
${
  input.canEdit && c.texts.length > 0
    ? html`<form method="get" action="/admin/improve/question/preview" class="actions">${keys}<input type="hidden" name="node" value="${nearest.node.id}">
<button type="submit">${t('improve.addToNearest')}</button><a class="button secondary" href="/admin/improve/question?${pick.toString()}">${t('improve.pickOther')}</a></form>`
    : ''
}
<p class="muted">${t('questions.snippetHelp', { file: path.relative(input.contentDir, nearest.node.source.file), line: nearest.node.source.line })}</p>
<pre class="snippet" id="snippet-${i}">${faqSnippet(nearest.node, c.texts)}</pre>
<div class="actions"><button type="button" class="secondary" data-copy="snippet-${i}" data-copied="${t('questions.copied')}" hidden>${t('questions.copy')}</button></div>`
    : html`<p class="muted">${t('questions.noNearest')}</p>${
        input.canEdit && c.texts.length > 0
          ? html`<div class="actions"><a class="button secondary" href="/admin/improve/question?${pick.toString()}">${t('improve.pickNode')}</a></div>`
          : ''
      }`
}
${
  input.canHandle
    ? html`<form method="post" action="/admin/questions/handled" class="actions">
<input type="hidden" name="_csrf" value="${input.csrfToken}">${c.keys.map((k) => html`<input type="hidden" name="key" value="${k}">`)}
<input type="hidden" name="days" value="${input.days}">
<button type="submit">${t('questions.markHandled')}</button></form>`
    : ''
}
</section>`;
  });
  return html`<h1>${t('questions.title')}</h1>
<p class="muted">${t('questions.help')}</p>
<form method="get" action="/admin/questions" class="filters no-print">${searchField(t, input.q)}<label for="days">${t('questions.period')}</label>
<select id="days" name="days">${PERIOD_DAYS.map(
    (d) =>
      html`<option value="${d}"${d === input.days ? html` selected` : ''}>${t('questions.lastDays', { count: d })}</option>`,
  )}</select><button type="submit" class="secondary">${t('groups.filter')}</button></form>
${cards.length === 0 ? html`<div class="card"><p>${t('questions.empty')}</p></div>` : cards}
${pager(t, '/admin/questions', filterParams({ days: String(input.days), q: input.q }), input.rows)}`;
}
