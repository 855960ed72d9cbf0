import type { TFunction } from 'i18next';
import type { Formatter } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { formatDuration } from '../inbox/thread-summaries.js';
import { bars } from './bars.js';
import type { BroadcastStats, HandoffStats, QuestionStats } from './console-stats.js';
import { broadcastChart, handoffChart, questionChart } from './dashboard-charts.js';

export const DASHBOARD_DAYS = [7, 30, 90] as const;

export interface DashboardData {
  days: number;
  dayLabels: string[];
  questions: QuestionStats;
  topics: Array<{ topic: string; count: number }>;
  handoffs: HandoffStats;
  broadcasts: BroadcastStats;
  /** the most asked unanswered subjects of the last 7 days: a phrasing each, most asked first */
  topUnanswered: Array<{
    text: string;
    count: number;
    /** other phrasings grouped with it */
    others: number;
    /** the title of the nearest FAQ entry, when the matcher had one */
    nearest: string | null;
  }>;
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy' (the campaign list's date filter) */
function filterDate(day: string | undefined): string {
  return day ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : '';
}

function topUnanswered(t: TFunction, d: DashboardData): SafeHtml {
  if (d.topUnanswered.length === 0) return html`<p class="muted">${t('dashboard.chart.noUnanswered')}</p>`;
  return html`<ol>${d.topUnanswered.map(
    (x) =>
      html`<li><a href="/admin/questions?days=7&amp;q=${encodeURIComponent(x.text.slice(0, 60))}">${x.text}</a> <span class="muted">(${t('dashboard.chart.times', { count: x.count })}${
        x.others > 0 ? html`, ${t('dashboard.topSubjects.others', { count: x.others })}` : ''
      })</span>${x.nearest ? html`<br><span class="muted">${t('dashboard.topSubjects.nearest', { title: x.nearest })}</span>` : ''}</li>`,
  )}</ol>`;
}

function handoffCard(t: TFunction, d: DashboardData): SafeHtml {
  const median = d.handoffs.medianResponseMs;
  return html`<a class="card" href="/admin/inbox"><h2>${t('dashboard.handoffChart.heading')}</h2>
${handoffChart(t, d.dayLabels, d.handoffs)}<p>${
    median == null
      ? t('dashboard.handoffChart.noMedian')
      : t('dashboard.handoffChart.medianAll', { time: formatDuration(t, median), count: d.handoffs.replied })
  }</p><p class="muted">${t('dashboard.handoffChart.open')}</p></a>`;
}

/** The campaign list filtered to the dashboard's period (campaigns with a run in it). */
function campaignsHref(d: DashboardData): string {
  return `/admin/campaigns?from=${filterDate(d.dayLabels[0])}&to=${filterDate(d.dayLabels.at(-1))}`;
}

function broadcastCard(t: TFunction, d: DashboardData): SafeHtml {
  const del = d.broadcasts.deliveries;
  return html`<a class="card" href="${campaignsHref(d)}"><h2>${t('dashboard.broadcastChart.heading')}</h2>
${broadcastChart(t, d.dayLabels, d.broadcasts)}<p>${t('dashboard.deliveries', { sent: del.sent, failed: del.failed + del.unknown, skipped: del.skipped })}</p>
<p class="muted">${t('dashboard.broadcastChart.open')}</p></a>`;
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
${stat(fmt.number(d.broadcasts.runs), t('dashboard.broadcastRuns'), campaignsHref(d))}
${stat(fmt.percent(del.sent, attempted), t('dashboard.deliveryRate'), campaignsHref(d))}
</div>
<p>${t('dashboard.chart.smalltalkShare', { share: rate('smalltalk'), count: q.byOutcome.smalltalk ?? 0 })}</p>
<div class="grid-2">
<a class="card" href="/admin/questions?days=${d.days}"><h2>${t('dashboard.perDay')}</h2>
${questionChart(t, d.dayLabels, d.questions)}<p class="muted">${t('dashboard.chart.open')}</p></a>
${handoffCard(t, d)}
${broadcastCard(t, d)}
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
