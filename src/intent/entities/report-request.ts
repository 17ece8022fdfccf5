import { findYear } from './year.ts';

/**
 * What a request for the period report says: "xuất báo cáo quý 4", "xuat bao cao 6 thang nam 2026 file word",
 * "cho tôi file báo cáo quý III excel". Reads the folded message; the core turns the words into dates.
 */
export const ASKED_PERIODS = ['q1', 'q2', 'q3', 'q4', 'h1', 'year'] as const;
export type AskedPeriod = (typeof ASKED_PERIODS)[number];

export const REPORT_FILE_FORMATS = ['xlsx', 'docx'] as const;
export type ReportFileFormat = (typeof REPORT_FILE_FORMATS)[number];

export interface ReportRequestWords {
  /** null: the period being reported on today. */
  period: AskedPeriod | null;
  /** null: the period's own year. */
  year: number | null;
  format: ReportFileFormat;
}

const END = '(?=\\s|$|[/.,!?;:)-])';
const QUARTER = new RegExp(`(?:^|\\s)(?:quy|q)\\s*(iv|iii|ii|i|[1-4])${END}(?:\\s*[/-]\\s*(\\d{4}))?`);
const HALF = /(?:^|\s)(?:6|sau)\s+thang(?=\s|$|[.,!?])/;
const WHOLE_YEAR = /(?:^|\s)(?:ca\s+)?nam(?=\s|$|[.,!?])/;
const WORD = /(?:^|\s)(?:word|docx|doc|tep word|file word)(?=\s|$|[.,!?])/;
const QUARTERS: Record<string, AskedPeriod> = {
  i: 'q1',
  '1': 'q1',
  ii: 'q2',
  '2': 'q2',
  iii: 'q3',
  '3': 'q3',
  iv: 'q4',
  '4': 'q4',
};

/** The period (a quarter, the first half, the whole year), the year and the file format asked for. */
export function findReportRequest(folded: string): ReportRequestWords {
  const quarter = QUARTER.exec(folded);
  const period: AskedPeriod | null = quarter?.[1]
    ? (QUARTERS[quarter[1]] ?? null)
    : HALF.test(folded)
      ? 'h1'
      : WHOLE_YEAR.test(folded)
        ? 'year'
        : null;
  const year = quarter?.[2] ? Number(quarter[2]) : findYear(folded);
  return { period, year, format: WORD.test(folded) ? 'docx' : 'xlsx' };
}
