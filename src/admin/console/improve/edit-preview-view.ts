import type { TFunction } from 'i18next';
import { html, type SafeHtml } from '../html.js';
import type { EditOutcome, EditRefusal } from './content-editor.js';
import type { DiffLine } from './line-diff.js';

const MARK: Record<DiffLine['kind'], string> = { same: ' ', removed: '−', added: '+' };

/** The lines that change, numbered, removed and added lines marked (and coloured by the stylesheet). */
export function diffBlock(t: TFunction, diff: readonly DiffLine[]): SafeHtml {
  return html`<pre class="diff" aria-label="${t('improve.diff')}">${diff.map(
    (d) => html`<span class="diff-${d.kind}">${MARK[d.kind]} ${String(d.number).padStart(4)}  ${d.text}</span>`,
  )}</pre>`;
}

/** Why an edit was not (or could not be) written, in the editor's words. */
export function refusalBlock(t: TFunction, refusal: EditRefusal, file?: string): SafeHtml {
  return html`<div class="notice bad" role="alert">${t(`improve.refused.${refusal.reason}`, { file: file ?? '' })}${
    refusal.reason === 'checker' ? html`<ul>${refusal.messages.map((m) => html`<li>${m}</li>`)}</ul>` : ''
  }</div>`;
}

/**
 * The preview of a content edit before it is written: the file, what is added (and what was
 * already there), the diff, the checker's warnings, and the confirmation form carrying the file's
 * hash as read for this preview (a changed file is then refused). A refusal shows instead of the form.
 */
export function editPreviewView(
  t: TFunction,
  input: {
    heading: string;
    back: { href: string; label: string };
    outcome: EditOutcome;
    /** where the confirmation posts and what it carries besides the hash */
    confirm: { action: string; fields: ReadonlyArray<readonly [string, string]>; label: string };
    /** for a refusal: the page to preview again from */
    retryHref?: string;
    csrfToken: string;
  },
): SafeHtml {
  const { outcome } = input;
  const top = html`<p><a href="${input.back.href}">← ${input.back.label}</a></p><h1>${input.heading}</h1>`;
  if (!outcome.ok) {
    return html`${top}${refusalBlock(t, outcome.refusal)}
${input.retryHref ? html`<div class="actions"><a class="button secondary" href="${input.retryHref}">${t('improve.previewAgain')}</a></div>` : ''}`;
  }
  const p = outcome.preview;
  return html`${top}
<div class="card">
<p>${t('improve.fileLine', { file: p.file })}</p>
${p.added.length > 0 ? html`<p><strong>${t('improve.willAdd', { count: p.added.length })}</strong></p><ul>${p.added.map((x) => html`<li>${x}</li>`)}</ul>` : ''}
${p.skipped.length > 0 ? html`<p class="muted">${t('improve.alreadyThere')}</p><ul>${p.skipped.map((x) => html`<li>${x}</li>`)}</ul>` : ''}
<h2>${t('improve.diff')}</h2>
${diffBlock(t, p.diff)}
${p.warnings.length > 0 ? html`<div class="notice warn">${t('improve.warnings')}<ul>${p.warnings.map((w) => html`<li>${w}</li>`)}</ul></div>` : ''}
<form method="post" action="${input.confirm.action}" class="actions">
<input type="hidden" name="_csrf" value="${input.csrfToken}">
${input.confirm.fields.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
<input type="hidden" name="base" value="${p.baseHash}">
<button type="submit">${input.confirm.label}</button>
<a class="button secondary" href="${input.back.href}">${t('common.cancel')}</a>
</form></div>`;
}
