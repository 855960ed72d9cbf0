/**
 * A half-open time range [from, to) in epoch ms for the console's aggregates, and the zone's UTC
 * offset used to bucket local days and months (exact for zones without DST, such as
 * Asia/Ho_Chi_Minh: +7 h all year).
 */
export interface StatsRange {
  from: number;
  to: number;
  offsetMs: number;
}

/** SQL for the local day 'YYYY-MM-DD' of an epoch-ms column, with the range's `@offsetMs`. */
export function localDaySql(column: string): string {
  return `strftime('%Y-%m-%d', (${column} + @offsetMs) / 1000, 'unixepoch')`;
}

/** SQL for the local month 'YYYY-MM' of an epoch-ms column, with the range's `@offsetMs`. */
export function localMonthSql(column: string): string {
  return `strftime('%Y-%m', (${column} + @offsetMs) / 1000, 'unixepoch')`;
}

/** The middle of an ascending list (the mean of the two middle values when even); null when empty. */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
