import type { TFunction } from 'i18next';
import type { SafeHtml } from '../html.js';
import { formatDuration } from '../inbox/thread-summaries.js';
import type { BroadcastStats, HandoffStats, QuestionStats } from './console-stats.js';
import { svgDayChart } from './svg-day-chart.js';

/** 'YYYY-MM-DD' → 'dd/mm' */
function shortDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}`;
}

/** Which stacked series an outcome counts in: answered, suggested, unanswered (small talk apart). */
const SERIES: Record<string, number> = { answer: 0, menu: 0, suggestions: 1, fallback: 2 };

/** Questions per day: answered / suggested / unanswered. */
export function questionChart(t: TFunction, days: readonly string[], q: QuestionStats): SafeHtml {
  const perDay = new Map<string, number[]>();
  for (const x of q.byDayOutcome) {
    const s = SERIES[x.outcome];
    if (s === undefined) continue;
    const values = perDay.get(x.day) ?? [0, 0, 0];
    values[s]! += x.count;
    perDay.set(x.day, values);
  }
  return svgDayChart({
    id: 'questions-chart',
    title: t('dashboard.chart.questionsTitle'),
    description: t('dashboard.chart.questionsDesc', { days: days.length }),
    series: [t('dashboard.chart.answered'), t('dashboard.chart.suggested'), t('dashboard.chart.unanswered')],
    days: days.map((day) => ({ label: shortDay(day), values: perDay.get(day) ?? [0, 0, 0] })),
  });
}

/** Hand-off requests per day: an official replied / not yet, the day's median response time on hover. */
export function handoffChart(t: TFunction, days: readonly string[], h: HandoffStats): SafeHtml {
  const perDay = new Map(h.byDay.map((x) => [x.day, x]));
  return svgDayChart({
    id: 'handoffs-chart',
    title: t('dashboard.handoffChart.title'),
    description: t('dashboard.handoffChart.desc', { days: days.length }),
    series: [t('dashboard.handoffChart.replied'), t('dashboard.handoffChart.notReplied')],
    days: days.map((day) => {
      const x = perDay.get(day);
      const median = x?.medianResponseMs;
      return {
        label: shortDay(day),
        values: [x?.replied ?? 0, (x?.opened ?? 0) - (x?.replied ?? 0)],
        ...(median != null && { note: t('dashboard.handoffChart.median', { time: formatDuration(t, median) }) }),
      };
    }),
  });
}

/** Broadcast deliveries per day (by the run's start): sent / failed. */
export function broadcastChart(t: TFunction, days: readonly string[], b: BroadcastStats): SafeHtml {
  const perDay = new Map(b.byDay.map((x) => [x.day, x]));
  return svgDayChart({
    id: 'broadcasts-chart',
    title: t('dashboard.broadcastChart.title'),
    description: t('dashboard.broadcastChart.desc', { days: days.length }),
    series: [t('dashboard.broadcastChart.sent'), t('dashboard.broadcastChart.failed')],
    tones: [0, 2],
    days: days.map((day) => ({
      label: shortDay(day),
      values: [perDay.get(day)?.sent ?? 0, perDay.get(day)?.failed ?? 0],
    })),
  });
}
