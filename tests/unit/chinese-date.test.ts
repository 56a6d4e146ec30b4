// 成文日期 in Chinese (shared/model/chineseDate.ts): the page's 2025年3月1日 and the 年/月/日 fields' validation.
import { describe, expect, it } from 'vitest';
import { formatChineseDate, isoDateOf, parseIsoDate } from '../../shared/model/dates';

describe('成文日期', () => {
  it('is written with Arabic digits and no leading zeros', () => {
    expect(formatChineseDate('2025-03-01')).toBe('2025年3月1日');
    expect(formatChineseDate('2024-12-31')).toBe('2024年12月31日');
    expect(formatChineseDate('')).toBe('');
  });
  it('takes only real calendar days from the fields', () => {
    expect(isoDateOf({ year: 2026, month: 2, day: 28 })).toBe('2026-02-28');
    expect(isoDateOf({ year: 2024, month: 2, day: 29 })).toBe('2024-02-29');
    expect(isoDateOf({ year: 2026, month: 2, day: 29 })).toBeNull();
    expect(isoDateOf({ year: 2100, month: 2, day: 29 })).toBeNull();
    expect(isoDateOf({ year: 2025, month: 4, day: 31 })).toBeNull();
    expect(isoDateOf({ year: 2025, month: 13, day: 1 })).toBeNull();
    expect(isoDateOf({ year: 1989, month: 1, day: 1 })).toBeNull();
  });
  it('reads back what it writes, and nothing malformed', () => {
    expect(parseIsoDate('2025-03-01')).toEqual({ year: 2025, month: 3, day: 1 });
    expect(parseIsoDate('2025-02-30')).toBeNull();
    expect(parseIsoDate('03/01/2025')).toBeNull();
    expect(formatChineseDate('03/01/2025')).toBe('');
  });
});
