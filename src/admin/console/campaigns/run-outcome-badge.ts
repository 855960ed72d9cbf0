import type { TFunction } from 'i18next';
import type { BroadcastRun, DeliveryCounts } from '../../../broadcast/broadcast-types.js';
import { outcomeTone, runOutcome } from '../../../broadcast/run-outcome.js';
import { html, type SafeHtml } from '../html.js';

/**
 * A run's honest result as a badge: "Đã gửi tới tất cả 5 nhóm" (green), "Gửi được 3/5 nhóm"
 * (amber), "Thất bại: không nhóm nào nhận được" (red), or the run's state while not finished.
 */
export function runOutcomeBadge(t: TFunction, run: Pick<BroadcastRun, 'status'>, counts: DeliveryCounts): SafeHtml {
  const outcome = runOutcome(run, counts);
  return html`<span class="badge ${outcomeTone(outcome)}" data-outcome="${outcome}">${t(`runOutcome.${outcome}`, {
    sent: counts.sent,
    total: counts.total,
  })}</span>`;
}

/** The counts behind a result, in one line: "3 nhóm đã nhận · 1 lỗi · 1 bỏ qua". */
export function runCountsLine(t: TFunction, counts: DeliveryCounts): string {
  const parts = [t('runOutcome.countSent', { count: counts.sent })];
  if (counts.failed > 0) parts.push(t('runOutcome.countFailed', { count: counts.failed }));
  if (counts.unknown > 0) parts.push(t('runOutcome.countUnknown', { count: counts.unknown }));
  if (counts.skipped > 0) parts.push(t('runOutcome.countSkipped', { count: counts.skipped }));
  const waiting = counts.pending + counts.sending;
  if (waiting > 0) parts.push(t('runOutcome.countWaiting', { count: waiting }));
  return parts.join(' · ');
}
