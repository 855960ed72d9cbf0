import type { TFunction } from 'i18next';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { formatDuration } from '../inbox/thread-summaries.js';
import type { BroadcastStats, HandoffStats, QuestionStats } from './console-stats.js';

export interface YearlyReport {
  year: number;
  questions: QuestionStats;
  topics: Array<{ topic: string; count: number }>;
  handoffs: HandoffStats;
  broadcasts: BroadcastStats;
}

export const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Broadcast rows: one per group, sent deliveries per month 1–12 and the year's total. */
export function broadcastTable(r: YearlyReport): Array<{ group: string; months: number[]; total: number }> {
  const groups = new Map<string, { group: string; months: number[]; total: number }>();
  for (const x of r.broadcasts.byMonthGroup) {
    const row = groups.get(x.groupId) ?? { group: x.groupName || x.groupId, months: MONTHS.map(() => 0), total: 0 };
    const m = Number(x.month.slice(5, 7));
    row.months[m - 1] = (row.months[m - 1] ?? 0) + x.sent;
    row.total += x.sent;
    groups.set(x.groupId, row);
  }
  return [...groups.values()];
}

/** Hand-off rows: opened and answered per month 1–12. */
export function handoffTable(r: YearlyReport): Array<{ month: number; opened: number; answered: number }> {
  const byMonth = new Map(r.handoffs.byMonth.map((x) => [Number(x.month.slice(5, 7)), x]));
  return MONTHS.map((month) => ({
    month,
    opened: byMonth.get(month)?.opened ?? 0,
    answered: byMonth.get(month)?.answered ?? 0,
  }));
}

/**
 * The yearly report communes and agencies owe before 10 November: broadcasts by month and group,
 * residents' questions by topic, hand-offs. Printable (the shell's print styles hide navigation).
 */
export function yearlyReportView(t: TFunction, fmt: Formatter, r: YearlyReport, years: readonly number[]): SafeHtml {
  const b = broadcastTable(r);
  const csv = (section: string) => `/admin/report/${section}.csv?year=${r.year}`;
  return html`<h1>${t('report.yearTitle', { year: r.year })}</h1>
<form method="get" action="/admin/report" class="filters no-print"><label for="year">${t('report.year')}</label>
<select id="year" name="year">${years.map((y) => html`<option value="${y}"${y === r.year ? html` selected` : ''}>${y}</option>`)}</select>
<button type="submit" class="secondary">${t('groups.filter')}</button>
<button type="button" class="secondary" data-print hidden>${t('report.print')}</button></form>
<p class="muted">${t('report.yearHelp')}</p>
<div class="stats">
<div class="stat"><div class="value">${fmt.number(r.broadcasts.runs)}</div><div class="label">${t('dashboard.broadcastRuns')}</div></div>
<div class="stat"><div class="value">${fmt.number(r.broadcasts.deliveries.sent)}</div><div class="label">${t('report.messagesSent')}</div></div>
<div class="stat"><div class="value">${fmt.number(r.questions.total)}</div><div class="label">${t('dashboard.questions')}</div></div>
<div class="stat"><div class="value">${fmt.number(r.handoffs.opened)}</div><div class="label">${t('dashboard.handoffs')}</div></div>
<div class="stat"><div class="value">${r.handoffs.medianResponseMs == null ? t('report.noResponse') : formatDuration(t, r.handoffs.medianResponseMs)}</div><div class="label">${t('report.medianResponse')}</div></div>
</div>
<h2>${t('report.broadcastsByMonth')}</h2>
<div class="actions"><a class="button secondary" href="${csv('broadcasts')}">${t('report.csv')}</a></div>
${
  b.length === 0
    ? html`<p class="muted">${t('dashboard.noData')}</p>`
    : html`<div class="table-wrap"><table><thead><tr><th>${t('groups.name')}</th>${MONTHS.map((m) => html`<th class="num">${t('report.monthShort', { m })}</th>`)}
<th class="num">${t('report.total')}</th></tr></thead><tbody>${b.map(
        (row) =>
          html`<tr><td>${row.group}</td>${row.months.map((n) => html`<td class="num">${n}</td>`)}<td class="num"><strong>${row.total}</strong></td></tr>`,
      )}</tbody></table></div>`
}
<h2>${t('report.questionsByTopic')}</h2>
<div class="actions"><a class="button secondary" href="${csv('topics')}">${t('report.csv')}</a></div>
${
  r.topics.length === 0
    ? html`<p class="muted">${t('dashboard.noData')}</p>`
    : html`<div class="table-wrap"><table><thead><tr><th>${t('report.topic')}</th><th class="num">${t('dashboard.questions')}</th>
<th class="num">${t('report.share')}</th></tr></thead><tbody>${r.topics.map(
        (x) =>
          html`<tr><td>${x.topic}</td><td class="num">${x.count}</td><td class="num">${fmt.percent(x.count, r.questions.total)}</td></tr>`,
      )}</tbody></table></div>`
}
<p class="muted">${t('report.unanswered', { count: r.questions.byOutcome.fallback ?? 0 })}</p>
<h2>${t('report.handoffsByMonth')}</h2>
<div class="actions"><a class="button secondary" href="${csv('handoffs')}">${t('report.csv')}</a></div>
<div class="table-wrap"><table><thead><tr><th>${t('report.month')}</th><th class="num">${t('report.opened')}</th>
<th class="num">${t('report.answered')}</th></tr></thead><tbody>${handoffTable(r).map(
    (x) =>
      html`<tr><td>${t('report.monthLong', { m: x.month })}</td><td class="num">${x.opened}</td><td class="num">${x.answered}</td></tr>`,
  )}</tbody></table></div>`;
}
