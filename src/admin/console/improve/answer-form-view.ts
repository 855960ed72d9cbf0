import type { TFunction } from 'i18next';
import type { FaqNode } from '../../../faq/faq-types.js';
import { html, type SafeHtml } from '../html.js';

/**
 * The answer of a node in a text box (one per dated version), to fix a typo; "Xem trước" shows the
 * change in the file before anything is written.
 */
export function answerFormView(
  t: TFunction,
  input: { node: FaqNode; csrfToken: string; error?: string; draft?: { version: number | null; text: string } },
): SafeHtml {
  const { node } = input;
  const dated = node.versions.length > 1 || node.versions.some((v) => v.validFrom || v.validUntil);
  const forms = node.versions.map((v, i) => {
    const version = dated ? i : null;
    const text = input.draft && input.draft.version === version ? input.draft.text : v.text;
    return html`<form method="post" action="/admin/improve/answer/preview" class="card">
<input type="hidden" name="_csrf" value="${input.csrfToken}">
<input type="hidden" name="node" value="${node.id}">
${version !== null ? html`<input type="hidden" name="version" value="${version}">` : ''}
<label for="text-${i}">${
      dated
        ? t('improve.versionLabel', {
            from: v.validFrom ?? t('improve.open'),
            until: v.validUntil ?? t('improve.open'),
          })
        : t('improve.answerText')
    }</label>
<textarea id="text-${i}" name="text" maxlength="4000" required>${text}</textarea>
<div class="actions"><button type="submit">${t('improve.previewButton')}</button></div></form>`;
  });
  return html`<p><a href="/admin/improve">← ${t('improve.findTitle')}</a></p>
<h1>${t('improve.answerTitle', { title: node.title })}</h1>
<p class="muted">${t('improve.answerHelp')}</p>
${input.error ? html`<div class="notice bad" role="alert">${input.error}</div>` : ''}
${forms}`;
}
