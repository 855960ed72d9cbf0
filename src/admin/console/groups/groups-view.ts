import type { TFunction } from 'i18next';
import type { BroadcastGroup } from '../../../broadcast/broadcast-types.js';
import { statusTone } from '../campaigns/describe-campaign.js';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { filterParams, pager, searchField, type Page } from '../lists/list-query.js';

export const GROUP_STATUSES = ['enabled', 'disabled', 'unknown', 'deleted'] as const;

/** 'deleted' when dissolved, else Zalo's status ('enabled' | 'disabled' | 'unknown'). */
export function groupStatus(g: BroadcastGroup): string {
  return g.deletedAt !== null ? 'deleted' : g.zaloStatus;
}

/**
 * The group directory with search and filters (kind, tag, status; dissolved groups hidden unless
 * asked for), one page of groups, a sync button and an edit link per group.
 */
export function groupsView(
  t: TFunction,
  fmt: Formatter,
  input: {
    groups: Page<BroadcastGroup>;
    allTags: readonly string[];
    filter: { kind: string; tag: string; status: string; all: string; q: string };
    /** dissolved groups left out by default */
    hiddenDeleted: number;
    canEdit: boolean;
    csrfToken: string;
    message?: { tone: 'ok' | 'warn' | 'bad'; text: string };
  },
): SafeHtml {
  const rows = input.groups.items.map(
    (g) => html`<tr>
<td>${input.canEdit ? html`<a href="/admin/groups/${g.groupId}">${g.name || g.groupId}</a>` : g.name || g.groupId}</td>
<td><span class="badge ${statusTone(groupStatus(g))}">${t(`groups.status.${groupStatus(g)}`, { defaultValue: g.zaloStatus })}</span></td>
<td>${g.kind ? t(`groups.kind.${g.kind}`) : '—'}</td><td>${g.unit ?? '—'}</td>
<td>${g.tags.map((tag) => html`<span class="badge">${tag}</span> `)}</td>
<td class="num">${g.totalMember === null ? '—' : fmt.number(g.totalMember)}</td>
<td>${fmt.dateTime(g.syncedAt)}</td></tr>`,
  );
  const option = (value: string, label: string, selected: boolean) =>
    html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
  return html`<h1>${t('groups.title')}</h1>
${input.message ? html`<div class="notice ${input.message.tone}" role="alert">${input.message.text}</div>` : ''}
<div class="card no-print">
<form method="get" action="/admin/groups" class="grid-2">
${searchField(t, input.filter.q)}
<div><label for="kind">${t('groups.kindLabel')}</label>
<select id="kind" name="kind">${option('', t('groups.anyKind'), !input.filter.kind)}
${(['commune', 'agency'] as const).map((k) => option(k, t(`groups.kind.${k}`), input.filter.kind === k))}</select></div>
<div><label for="tag">${t('groups.tags')}</label>
<select id="tag" name="tag">${option('', t('groups.anyTag'), !input.filter.tag)}
${input.allTags.map((tag) => option(tag, tag, input.filter.tag === tag))}</select></div>
<div><label for="status">${t('groups.statusLabel')}</label>
<select id="status" name="status">${option('', t('lists.anyStatus'), !input.filter.status)}
${GROUP_STATUSES.map((s) => option(s, t(`groups.status.${s}`), input.filter.status === s))}</select></div>
<label class="check"><input type="checkbox" name="all" value="1"${input.filter.all ? html` checked` : ''}> <span>${t('lists.showDeleted')}</span></label>
<div class="actions"><button type="submit" class="secondary">${t('groups.filter')}</button></div>
</form>
${
  input.canEdit
    ? html`<form method="post" action="/admin/groups/sync" class="actions"><input type="hidden" name="_csrf" value="${input.csrfToken}">
<button type="submit">${t('groups.sync')}</button><span class="muted">${t('groups.syncHelp')}</span></form>`
    : ''
}
</div>
${input.hiddenDeleted > 0 ? html`<p class="muted">${t('lists.deletedHidden', { count: input.hiddenDeleted })}</p>` : ''}
${
  rows.length === 0
    ? html`<div class="card"><p>${t('groups.empty')}</p></div>`
    : html`<div class="table-wrap"><table><thead><tr><th>${t('groups.name')}</th><th>${t('groups.statusLabel')}</th>
<th>${t('groups.kindLabel')}</th><th>${t('groups.unit')}</th><th>${t('groups.tags')}</th><th class="num">${t('groups.members')}</th>
<th>${t('groups.syncedAt')}</th></tr></thead><tbody>${rows}</tbody></table></div>`
}
${pager(t, '/admin/groups', filterParams(input.filter), input.groups)}`;
}

/** The metadata form of one group: kind, commune/agency, tags (comma-separated). */
export function groupEditView(
  t: TFunction,
  input: { group: BroadcastGroup; csrfToken: string; error?: string },
): SafeHtml {
  const g = input.group;
  const kindOption = (value: string, label: string) =>
    html`<option value="${value}"${(g.kind ?? '') === value ? html` selected` : ''}>${label}</option>`;
  return html`<p><a href="/admin/groups">← ${t('groups.title')}</a></p>
<h1>${g.name || g.groupId}</h1>
${input.error ? html`<div class="notice bad" role="alert">${input.error}</div>` : ''}
<div class="card"><dl class="facts"><dt>${t('groups.groupId')}</dt><dd><code>${g.groupId}</code></dd>
<dt>${t('groups.statusLabel')}</dt><dd>${t(`groups.status.${groupStatus(g)}`, { defaultValue: g.zaloStatus })}</dd></dl>
<form method="post" action="/admin/groups/${g.groupId}">
<input type="hidden" name="_csrf" value="${input.csrfToken}">
<label for="kind">${t('groups.kindLabel')}</label>
<select id="kind" name="kind">${kindOption('', t('groups.noKind'))}${kindOption('commune', t('groups.kind.commune'))}${kindOption('agency', t('groups.kind.agency'))}</select>
<label for="unit">${t('groups.unit')}</label>
<input type="text" id="unit" name="unit" value="${g.unit ?? ''}" maxlength="200">
<label for="tags">${t('groups.tags')}</label>
<input type="text" id="tags" name="tags" value="${g.tags.join(', ')}" maxlength="1000">
<p class="muted">${t('groups.tagsHelp')}</p>
<div class="actions"><button type="submit">${t('common.save')}</button><a class="button secondary" href="/admin/groups">${t('common.cancel')}</a></div>
</form></div>`;
}
