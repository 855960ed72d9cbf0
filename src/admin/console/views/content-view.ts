import type { TFunction } from 'i18next';
import type { FaqStore } from '../../../faq/faq-types.js';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';

/** The content status page: live version, load time, last reload error, checker diagnostics. */
export function contentView(
  t: TFunction,
  fmt: Formatter,
  status: ReturnType<FaqStore['status']>,
  canEdit = false,
): SafeHtml {
  const errors = status.diagnostics.filter((d) => d.severity === 'error');
  const warnings = status.diagnostics.filter((d) => d.severity === 'warning');
  const rows = [...errors, ...warnings].map(
    (d) => html`<tr>
<td><span class="badge ${d.severity === 'error' ? 'bad' : 'warn'}">${t(`content.severity.${d.severity}`)}</span></td>
<td><code>${d.file}:${d.line}</code></td><td><code>${d.code}</code></td><td>${d.message}</td></tr>`,
  );
  return html`<h1>${t('content.title')}</h1>
${
  status.lastError
    ? html`<div class="notice bad" role="alert"><strong>${t('content.lastErrorTitle')}</strong> ${t('content.lastErrorText')}
<div class="quote">${status.lastError}</div></div>`
    : ''
}
<div class="stats">
<div class="stat"><div class="value small"><code>${status.version}</code></div><div class="label">${t('content.version')}</div></div>
<div class="stat"><div class="value small">${fmt.dateTime(status.loadedAt)}</div><div class="label">${t('content.loadedAt')}</div></div>
<div class="stat"><div class="value">${errors.length}</div><div class="label">${t('content.errors')}</div></div>
<div class="stat"><div class="value">${warnings.length}</div><div class="label">${t('content.warnings')}</div></div>
</div>
<p class="muted">${t('content.help')}</p>
${canEdit ? html`<div class="actions"><a class="button secondary" href="/admin/improve">${t('improve.findTitle')}</a></div>` : ''}
${
  rows.length === 0
    ? html`<div class="notice ok">${t('content.clean')}</div>`
    : html`<div class="table-wrap"><table><thead><tr><th>${t('content.severityCol')}</th><th>${t('content.where')}</th>
<th>${t('content.code')}</th><th>${t('content.message')}</th></tr></thead><tbody>${rows}</tbody></table></div>`
}`;
}
