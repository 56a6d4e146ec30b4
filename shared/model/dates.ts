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
