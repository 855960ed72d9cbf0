import type { TFunction } from 'i18next';
import type { CampaignForecast } from '../../../broadcast/campaign-forecast.js';
import type { QuietHours } from '../../../broadcast/quiet-hours.js';
import { toZonedParts } from '../../../broadcast/zoned-time.js';

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

/** "07:00" and "08/12" (the year only when it is not this one's). */
function when(ms: number, now: number, timeZone: string): { time: string; date: string } {
  const p = toZonedParts(ms, timeZone);
  const thisYear = toZonedParts(now, timeZone).year === p.year;
  return {
    time: `${pad(p.hour)}:${pad(p.minute)}`,
    date: `${pad(p.day)}/${pad(p.month)}${thisYear ? '' : `/${p.year}`}`,
  };
}

function held(t: TFunction, quiet: QuietHours | null): string {
  return quiet ? ` ${t('schedule.held', { start: clock(quiet.startMinute), end: clock(quiet.endMinute) })}` : '';
}

/**
 * The plain sentence of what will happen: "Sẽ gửi lúc 07:00 ngày 08/12 (sau giờ yên lặng
 * 21:00–07:00) tới 47 nhóm; 3 nhóm sẽ không nhận: …". Shown at save, dry run and approval.
 */
export function forecastSentence(t: TFunction, f: CampaignForecast, input: { now: number; timeZone: string }): string {
  if (f.releaseAt === null) return t('schedule.none');
  const at = when(f.releaseAt, input.now, input.timeZone);
  const whenText =
    f.onApproval && f.heldBy === null
      ? t('schedule.whenApproved')
      : t(f.onApproval ? 'schedule.whenApprovedHeld' : 'schedule.whenAt', at) + held(t, f.heldBy);
  const missing = f.notReceiving.map((x) => `${x.name || x.groupId} (${t(`schedule.skip.${x.skip}`)})`);
  return (
    t('schedule.sentence', { when: whenText, n: f.receiving.length }) +
    (missing.length > 0 ? t('schedule.notReceiving', { n: missing.length, names: missing.join(', ') }) : '') +
    '.'
  );
}
