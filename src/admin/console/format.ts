/**
 * Date and number formatting for console pages, in the configured time zone with Vietnamese
 * conventions (dd/MM/yyyy HH:mm). `null` renders as an em dash.
 */
export interface Formatter {
  dateTime(ms: number | null | undefined): string;
  date(ms: number | null | undefined): string;
  number(n: number): string;
  percent(part: number, whole: number): string;
}

export function createFormatter(timeZone: string, locale = 'vi-VN'): Formatter {
  const dt = new Intl.DateTimeFormat(locale, {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const d = new Intl.DateTimeFormat(locale, { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' });
  const n = new Intl.NumberFormat(locale);
  const p = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    dateTime: (ms) => (ms == null ? '—' : dt.format(ms)),
    date: (ms) => (ms == null ? '—' : d.format(ms)),
    number: (x) => n.format(x),
    percent: (part, whole) => (whole === 0 ? '—' : p.format(part / whole)),
  };
}
