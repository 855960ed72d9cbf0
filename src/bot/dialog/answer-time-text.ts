import type { TFunction } from '../../i18n/create-i18n.js';
import { toZonedParts } from '../../broadcast/zoned-time.js';
import type { HandoffConfig } from './handoff-config.js';
import { createOfficeHours } from './office-hours.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * When officials will answer, for the hand-off acknowledgement (`{{when}}` of `dialog:handoff.*`):
 * within office hours "trong giờ làm việc hôm nay", outside them "từ 7:30 thứ Hai 08/12" (after a
 * holiday with its name). Without a handoff.yaml: the generic "trong giờ hành chính" wording.
 */
export function answerTimeText(config: HandoffConfig | undefined, timeZone: string, now: number, t: TFunction): string {
  if (!config) return t('dialog:handoff.officeHours');
  const next = createOfficeHours(config, timeZone).nextOpening(now);
  if (next.at === now) return t('dialog:handoffReply.today');
  const p = toZonedParts(next.at, timeZone);
  const weekdays = t('dialog:handoffReply.weekdays', { returnObjects: true }) as unknown as string[];
  const weekday = weekdays[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()] ?? '';
  const params = { time: `${p.hour}:${pad(p.minute)}`, weekday, date: `${pad(p.day)}/${pad(p.month)}` };
  return next.holiday
    ? t('dialog:handoffReply.afterHoliday', { ...params, holiday: next.holiday.name })
    : t('dialog:handoffReply.next', params);
}
