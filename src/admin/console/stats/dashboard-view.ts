import type { TFunction } from 'i18next';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { bars } from './bars.js';
import type { BroadcastStats, HandoffStats, QuestionStats } from './console-stats.js';

export const DASHBOARD_DAYS = [7, 30, 90] as const;

export interface DashboardData {
  days: number;
  dayLabels: string[];
  questions: QuestionStats;
  topics: Array<{ topic: string; count: number }>;
  handoffs: HandoffStats;
  broadcasts: BroadcastStats;
}

function stat(value: string | number, label: string): SafeHtml {
  return html`<div class="stat"><div class="value">${value}</div><div class="label">${label}</div></div>`;
}

/** Questions per day and per topic, answer / suggestion / fallback rates, hand-offs, broadcasts. */
export function dashboardView(t: TFunction, fmt: Formatter, d: DashboardData): SafeHtml {
  const q = d.questions;
  const rate = (outcome: string) => fmt.percent(q.byOutcome[outcome] ?? 0, q.total);
  const perDay = new Map(q.byDay.map((x) => [x.day, x.count]));
  const del = d.broadcasts.deliveries;
  const attempted = del.sent + del.failed + del.unknown;
  return html`<h1>${t('dashboard.title')}</h1>
<form method="get" action="/admin" class="filters no-print"><label for="days">${t('questions.period')}</label>
<select id="days" name="days">${DASHBOARD_DAYS.map(
    (n) =>
      html`<option value="${n}"${n === d.days ? html` selected` : ''}>${t('questions.lastDays', { count: n })}</option>`,
  )}</select><button type="submit" class="secondary">${t('groups.filter')}</button></form>
<h2>${t('dashboard.residents')}</h2>
<div class="stats">
${stat(fmt.number(q.total), t('dashboard.questions'))}
${stat(rate('answer'), t('dashboard.answerRate'))}
${stat(rate('suggestions'), t('dashboard.suggestionRate'))}
${stat(rate('fallback'), t('dashboard.fallbackRate'))}
${stat(fmt.number(d.handoffs.opened), t('dashboard.handoffs'))}
${stat(fmt.number(d.handoffs.openNow), t('dashboard.handoffsOpen'))}
${stat(fmt.number(d.broadcasts.runs), t('dashboard.broadcastRuns'))}
${stat(fmt.percent(del.sent, attempted), t('dashboard.deliveryRate'))}
</div>
<p class="muted">${t('dashboard.deliveries', { sent: del.sent, failed: del.failed + del.unknown, skipped: del.skipped })}</p>
<div class="grid-2">
<div class="card"><h2>${t('dashboard.perDay')}</h2>
${bars(
  d.dayLabels.map((day) => ({ label: `${day.slice(8, 10)}/${day.slice(5, 7)}`, value: perDay.get(day) ?? 0 })),
  t('dashboard.perDay'),
)}</div>
<div class="card"><h2>${t('dashboard.perTopic')}</h2>
${
  d.topics.length === 0
    ? html`<p class="muted">${t('dashboard.noData')}</p>`
    : bars(
        d.topics.map((x) => ({ label: x.topic, value: x.count })),
        t('dashboard.perTopic'),
      )
}</div>
</div>`;
}
