/**
 * Dates as officials type and read them: `dd/mm/yyyy`. Parsing checks the calendar (31/02 is not a
 * date) and gives the ISO local form the broadcast domain stores (`yyyy-mm-dd`), or null.
 */
export function parseFormDate(value: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `yyyy-mm-dd` → `dd/mm/yyyy` (anything else comes back as it is). */
export function showFormDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
