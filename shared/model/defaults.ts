// Sensible defaults for a new report's year and date (shared, pure). Reports on year Y are drafted from the last
// quarter of Y until the deadline in March/April of Y+1, so in October–December the report is on this year.
import { isoDate } from './dates';

export interface Today { year: number; month: number; day: number }

/** The year a report started today is most likely about. */
export function defaultReportYear(today: Today): number {
  return today.month >= 10 ? today.year : today.year - 1;
}

/** The default 成文日期: today once the reported year is over, else empty (set when the report is signed). */
export function defaultReportDate(today: Today, reportYear: number): string {
  if (today.year <= reportYear) return '';
  return isoDate(today.year, today.month, today.day);
}
