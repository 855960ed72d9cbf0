import type { TFunction } from 'i18next';
import type { Audience, BroadcastGroup, Schedule } from '../../../broadcast/broadcast-types.js';

/** "Một lần lúc 08:00 ngày 01/12/2026", "Hằng tháng, ngày 5 lúc 08:00", or the cron expression. */
export function describeSchedule(t: TFunction, s: Schedule): string {
  if (s.type === 'once') {
    const [date = '', time = ''] = s.at.split('T');
    const [y, m, d] = date.split('-');
    return t('campaigns.scheduleOnce', { time, date: `${d}/${m}/${y}` });
  }
  if (s.type === 'monthly') return t('campaigns.scheduleMonthly', { day: s.day, time: s.time });
  if (s.type === 'now') return t('schedule.scheduleNow');
  return t('campaigns.scheduleCron', { expression: s.expression });
}

/** "Tất cả nhóm" or "Loại: Xã/phường · Nhãn: hộ nghèo · 3 nhóm chọn riêng". */
export function describeAudience(t: TFunction, a: Audience, groups: readonly BroadcastGroup[]): string {
  if (a.all) return t('campaigns.audienceAll');
  const names = new Map(groups.map((g) => [g.groupId, g.name]));
  const parts: string[] = [];
  if (a.kinds?.length)
    parts.push(t('campaigns.audienceKinds', { kinds: a.kinds.map((k) => t(`groups.kind.${k}`)).join(', ') }));
  if (a.tags?.length) parts.push(t('campaigns.audienceTags', { tags: a.tags.join(', ') }));
  if (a.groupIds?.length) {
    parts.push(t('campaigns.audienceGroups', { groups: a.groupIds.map((id) => names.get(id) || id).join(', ') }));
  }
  return parts.join(' · ');
}

/** The CSS tone of a status badge. */
export function statusTone(status: string): '' | 'ok' | 'warn' | 'bad' {
  if (['approved', 'done', 'sent', 'enabled', 'answered'].includes(status)) return 'ok';
  if (['paused', 'sending', 'unknown', 'scheduled', 'open'].includes(status)) return 'warn';
  if (['cancelled', 'failed', 'missed', 'disabled', 'deleted'].includes(status)) return 'bad';
  return '';
}
