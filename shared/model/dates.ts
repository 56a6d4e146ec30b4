// Calendar dates of the model (shared, pure): the ISO form stored in a report and the Chinese form printed on it.

/** `2025-03-01` from its parts, or '' when the parts are not a real date in the years a report can carry. */
export function isoDate(y: number, m: number, d: number): string {
  if (!(y >= 1990 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return '';
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return '';
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `2025-03-01` → `2025年3月1日` (GB/T 9704: Arabic digits, no leading zeros); anything else gives ''. */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : '';
}

/** The 年/月/日 parts the date field edits. */
export interface DateParts { year: number; month: number; day: number }

/** The parts of an ISO date, or null when it is empty or not a real calendar date. */
export function parseIsoDate(iso: string): DateParts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isoDateOf(parts) === null ? null : parts;
}

/** The ISO date of the parts, or null when they do not name a real day (month 13, 2月30日, year out of range). */
export function isoDateOf({ year, month, day }: DateParts): string | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  return isoDate(year, month, day) || null;
}
