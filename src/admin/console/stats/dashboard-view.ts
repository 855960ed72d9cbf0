import type { TFunction } from 'i18next';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { bars } from './bars.js';
import { svgDayChart } from './svg-day-chart.js';
import type { BroadcastStats, HandoffStats, QuestionStats } from './console-stats.js';

export const DASHBOARD_DAYS = [7, 30, 90] as const;

export interface DashboardData {
  days: number;
  dayLabels: string[];
  questions: QuestionStats;
  topics: Array<{ topic: string; count: number }>;
  handoffs: HandoffStats;
  broadcasts: BroadcastStats;
  /** the most asked unanswered questions of the last 7 days (a phrasing each, most asked first) */
  topUnanswered: Array<{ text: string; count: number }>;
}

/** Which stacked series an outcome counts in: answered, suggested, unanswered (small talk apart). */
const SERIES: Record<string, number> = { answer: 0, menu: 0, suggestions: 1, fallback: 2 };

function questionChart(t: TFunction, d: DashboardData): SafeHtml {
  const perDay = new Map<string, number[]>();
  for (const x of d.questions.byDayOutcome) {
    const s = SERIES[x.outcome];
    if (s === undefined) continue;
    const values = perDay.get(x.day) ?? [0, 0, 0];
    values[s]! += x.count;
    perDay.set(x.day, values);
  }
  return svgDayChart({
    id: 'questions-chart',
    title: t('dashboard.chart.questionsTitle'),
    description: t('dashboard.chart.questionsDesc', { days: d.days }),
    series: [t('dashboard.chart.answered'), t('dashboard.chart.suggested'), t('dashboard.chart.unanswered')],
    days: d.dayLabels.map((day) => ({
      label: `${day.slice(8, 10)}/${day.slice(5, 7)}`,
      values: perDay.get(day) ?? [0, 0, 0],
    })),
  });
}

function topUnanswered(t: TFunction, d: DashboardData): SafeHtml {
  if (d.topUnanswered.length === 0) return html`<p class="muted">${t('dashboard.chart.noUnanswered')}</p>`;
  return html`<ol>${d.topUnanswered.map(
    (x) =>
      html`<li><a href="/admin/questions?days=7&amp;q=${encodeURIComponent(x.text.slice(0, 60))}">${x.text}</a> <span class="muted">(${t('dashboard.chart.times', { count: x.count })})</span></li>`,
  )}</ol>`;
}

function stat(value: string | number, label: string, href?: string): SafeHtml {
  const inner = html`<div class="value">${value}</div><div class="label">${label}</div>`;
  return href ? html`<a class="stat" href="${href}">${inner}</a>` : html`<div class="stat">${inner}</div>`;
}

/** Questions per day and per topic, answer / suggestion / fallback rates, hand-offs, broadcasts. */
export function dashboardView(t: TFunction, fmt: Formatter, d: DashboardData): SafeHtml {
  const q = d.questions;
  const rate = (outcome: string) => fmt.percent(q.byOutcome[outcome] ?? 0, q.total);
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
${stat(rate('fallback'), t('dashboard.fallbackRate'), `/admin/questions?days=${d.days}`)}
${stat(fmt.number(d.handoffs.opened), t('dashboard.handoffs'), '/admin/inbox')}
${stat(fmt.number(d.handoffs.openNow), t('dashboard.handoffsOpen'), '/admin/inbox')}
${stat(fmt.number(d.broadcasts.runs), t('dashboard.broadcastRuns'), '/admin/campaigns')}
${stat(fmt.percent(del.sent, attempted), t('dashboard.deliveryRate'), '/admin/campaigns')}
</div>
<p class="muted">${t('dashboard.deliveries', { sent: del.sent, failed: del.failed + del.unknown, skipped: del.skipped })}</p>
<p>${t('dashboard.chart.smalltalkShare', { share: rate('smalltalk'), count: q.byOutcome.smalltalk ?? 0 })}</p>
<div class="grid-2">
<a class="card" href="/admin/questions?days=${d.days}"><h2>${t('dashboard.perDay')}</h2>
${questionChart(t, d)}<p class="muted">${t('dashboard.chart.open')}</p></a>
<div class="card"><h2>${t('dashboard.chart.topUnanswered')}</h2>${topUnanswered(t, d)}</div>
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
