import type { TFunction } from 'i18next';
import { html, type SafeHtml } from '../html.js';
import type { NodeHit } from './search-nodes.js';

/** One node as a choice: its title, the topic it sits under and what kind of entry it is. */
export function nodeLabel(t: TFunction, hit: NodeHit): SafeHtml {
  const where = hit.topic && hit.topic !== hit.node.title ? hit.topic : null;
  return html`${hit.node.title} <span class="muted">(${t(`improve.kind.${hit.node.kind}`)}${where ? html` · ${where}` : ''})</span>`;
}

/**
 * "Thêm cách hỏi": the residents' phrasings to add (ticked), a search over node titles, and the
 * nodes found as choices (the bot's nearest one first when known). Plain GET forms: works without script.
 */
export function pickNodeView(
  t: TFunction,
  input: {
    phrasings: ReadonlyArray<{ key: string; text: string }>;
    query: string;
    hits: readonly NodeHit[];
    selected: string | undefined;
  },
): SafeHtml {
  const keys = input.phrasings.map((p) => html`<input type="hidden" name="key" value="${p.key}">`);
  const choices = input.hits.map(
    (hit, i) =>
      html`<label class="check"><input type="radio" name="node" value="${hit.node.id}"${
        hit.node.id === input.selected || (!input.selected && i === 0) ? html` checked` : ''
      } required> <span>${nodeLabel(t, hit)}</span></label>`,
  );
  return html`<p><a href="/admin/questions">← ${t('questions.title')}</a></p>
<h1>${t('improve.questionTitle')}</h1>
<p class="muted">${t('improve.questionHelp')}</p>
<form method="get" action="/admin/improve/question" class="card" role="search">${keys}
${input.selected ? html`<input type="hidden" name="node" value="${input.selected}">` : ''}
<label for="q">${t('improve.search')}</label>
<input type="search" id="q" name="q" value="${input.query}" maxlength="100">
<div class="actions"><button type="submit" class="secondary">${t('improve.searchButton')}</button></div></form>
<form method="get" action="/admin/improve/question/preview" class="card">
<fieldset><legend>${t('improve.phrasings')}</legend>${input.phrasings.map(
    (p) =>
      html`<label class="check"><input type="checkbox" name="key" value="${p.key}" checked> <span>${p.text}</span></label>`,
  )}</fieldset>
<fieldset><legend>${t('improve.target')}</legend>${
    choices.length > 0
      ? choices
      : html`<p class="muted">${input.query ? t('improve.noHits') : t('improve.pickFirst')}</p>`
  }</fieldset>
<div class="actions"><button type="submit"${choices.length === 0 ? html` disabled` : ''}>${t('improve.addAsVariant')}</button></div>
</form>`;
}

/** "Sửa nội dung hỏi đáp": find a node by title, then open its answer to fix a typo. */
export function findNodeView(t: TFunction, input: { query: string; hits: readonly NodeHit[] }): SafeHtml {
  const rows = input.hits.map(
    (hit) =>
      html`<li>${nodeLabel(t, hit)}${
        hit.node.versions.length > 0
          ? html` — <a href="/admin/improve/answer?node=${hit.node.id}">${t('improve.editAnswer')}</a>`
          : ''
      }</li>`,
  );
  return html`<p><a href="/admin/content">← ${t('content.title')}</a></p>
<h1>${t('improve.findTitle')}</h1>
<p class="muted">${t('improve.findHelp')}</p>
<form method="get" action="/admin/improve" class="card" role="search">
<label for="q">${t('improve.search')}</label>
<input type="search" id="q" name="q" value="${input.query}" maxlength="100">
<div class="actions"><button type="submit" class="secondary">${t('improve.searchButton')}</button></div></form>
${input.query ? html`<div class="card">${rows.length > 0 ? html`<ul>${rows}</ul>` : html`<p class="muted">${t('improve.noHits')}</p>`}</div>` : ''}`;
}
