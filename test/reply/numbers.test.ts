import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/reply/messages.ts';
import { formatNumber, formatPercent } from '../../src/reply/numbers.ts';

describe('numbers in replies, written the Vietnamese way', () => {
  it.each([
    [50.5, '50,5'],
    [99.95, '99,95'],
    [100, '100'],
    [0, '0'],
    [999, '999'],
    [1000, '1.000'],
    [100_000, '100.000'],
    [1_234_567.25, '1.234.567,25'],
    [0.1 + 0.2, '0,3'],
    [-3.5, '-3,5'],
    [-0.0001, '0'],
  ])('%s → %s', (value, written) => {
    expect(formatNumber(value)).toBe(written);
  });

  it('a percent keeps its decimal comma', () => {
    expect(formatPercent(50.5)).toBe('50,5%');
    expect(MESSAGES.labels.actual(99.5)).toBe('thực tế 99,5%');
  });

  it('counts of a thousand or more get a thousands dot in list headers and footers', () => {
    expect(MESSAGES.headers.myTasks('Sở Nội vụ', 1204)).toBe('Sở Nội vụ có 1.204 nhiệm vụ:');
    expect(MESSAGES.more(12_345)).toContain('12.345 nhiệm vụ');
    expect(MESSAGES.digest.sectionCount('Quá hạn', 2500)).toBe('Quá hạn: 2.500');
    expect(MESSAGES.digest.kpiActual(98.75, '%', 'trên 99%')).toContain('thực tế 98,75%');
  });
});
