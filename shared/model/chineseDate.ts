// 成文日期 as the report writes it (shared, pure): ISO `YYYY-MM-DD` in the model, 2025年3月1日 on the page, and the
// 年/月/日 parts the date field edits, validated as a calendar date (no 2月30日).

export interface DateParts { year: number; month: number; day: number }

/** `2025-03-01` → `2025年3月1日` (Arabic digits, no leading zeros); empty stays empty. As the export writes it. */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : '';
}

/** The parts of an ISO date, or null when it is empty or not a real calendar date. */
export function parseIsoDate(iso: string): DateParts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isCalendarDate(parts) ? parts : null;
}

/** The ISO date of the parts, or null when they do not name a real day (month 13, 2月30日, year out of range). */
export function isoDateOf(parts: DateParts): string | null {
  if (!isCalendarDate(parts)) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isCalendarDate({ year, month, day }: DateParts): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1990 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}
