import { describe, expect, it } from 'vitest';
import { defaultReportDate, defaultReportYear } from '../../shared/model/defaults';

describe('new report defaults', () => {
  it('is about last year in the first three quarters and this year from October', () => {
    expect(defaultReportYear({ year: 2026, month: 2, day: 10 })).toBe(2025);
    expect(defaultReportYear({ year: 2026, month: 9, day: 30 })).toBe(2025);
    expect(defaultReportYear({ year: 2026, month: 10, day: 1 })).toBe(2026);
    expect(defaultReportYear({ year: 2026, month: 11, day: 22 })).toBe(2026);
  });
  it('dates the report today once its year is over, and leaves the date open before', () => {
    expect(defaultReportDate({ year: 2026, month: 2, day: 5 }, 2025)).toBe('2026-02-05');
    expect(defaultReportDate({ year: 2026, month: 11, day: 22 }, 2026)).toBe('');
  });
});
