import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../broadcast/audit-log.js';
import { SYSTEM_ACTOR } from '../../../broadcast/audit-log.js';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { filterParams, pager, searchField, type Page } from '../lists/list-query.js';
import type { AuditSubject } from './audit-subject.js';

/** The kinds an official filters by, each the action prefixes it covers. */
export const AUDIT_KINDS: Readonly<Record<string, readonly string[]>> = {
  campaign: ['campaign'],
  run: ['run', 'delivery'],
  group: ['group', 'groups'],
  handoff: ['handoff'],
  question: ['question'],
  content: ['content'],
  account: ['account'],
};

export interface AuditFilter {
  q: string;
  actor: string;
  kind: string;
}

/** An account's name, or "Hệ thống (tự động)" for the scheduler's and sender's own steps. */
export function actorLabel(t: TFunction, actor: string): string {
  return actor === SYSTEM_ACTOR ? t('auditActor.system') : actor;
}

function filters(t: TFunction, f: AuditFilter, actors: readonly string[]): SafeHtml {
  const option = (value: string, label: string, current: string) =>
    html`<option value="${value}"${value === current ? html` selected` : ''}>${label}</option>`;
  return html`<form method="get" action="/admin/audit" class="filters no-print">${searchField(t, f.q)}
<div><label for="actor">${t('auditPage.actor')}</label><select id="actor" name="actor">${option('', t('auditPage.anyActor'), f.actor)}${actors.map(
    (a) => option(a, actorLabel(t, a), f.actor),
  )}</select></div>
<div><label for="kind">${t('auditPage.kind')}</label><select id="kind" name="kind">${option('', t('auditPage.anyKind'), f.kind)}${Object.keys(
    AUDIT_KINDS,
  ).map((k) => option(k, t(`auditPage.kinds.${k}`), f.kind))}</select></div>
<button type="submit" class="secondary">${t('groups.filter')}</button></form>`;
}

function subjectCell(subjects: readonly AuditSubject[]): SafeHtml {
  return html`${subjects.map(
    (s, i) => html`${i > 0 ? html`<br>` : ''}${s.href ? html`<a href="${s.href}">${s.label}</a>` : s.label}`,
  )}`;
}

/** The audit trail: who did what, when (local time), on what; newest first, searchable, paged. */
export function auditListView(
  t: TFunction,
  fmt: Formatter,
  input: {
    entries: Page<{ entry: AuditEntry; subjects: AuditSubject[] }>;
    filter: AuditFilter;
    actors: readonly string[];
  },
): SafeHtml {
  const rows = input.entries.items.map(
    ({ entry: e, subjects }) =>
      html`<tr><td>${fmt.dateTime(e.at)}</td><td>${actorLabel(t, e.actor)}</td><td>${t(`audit.${e.action}`, {
        defaultValue: t('auditPage.otherAction'),
      })}</td><td>${subjectCell(subjects)}</td></tr>`,
  );
  return html`<h1>${t('auditPage.title')}</h1>
<p class="muted">${t('auditPage.help')}</p>
${filters(t, input.filter, input.actors)}
${
  rows.length === 0
    ? html`<div class="card"><p>${t('auditPage.empty')}</p></div>`
    : html`<div class="table-wrap"><table><thead><tr><th>${t('auditPage.when')}</th><th>${t('auditPage.actor')}</th>
<th>${t('auditPage.what')}</th><th>${t('auditPage.on.heading')}</th></tr></thead><tbody>${rows}</tbody></table></div>`
}
${pager(t, '/admin/audit', filterParams({ ...input.filter }), input.entries)}`;
}
