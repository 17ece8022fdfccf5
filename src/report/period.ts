import type { PeriodKey, ReportPeriod } from './types.ts';

/**
 * Reporting periods as the Ministry of Home Affairs counts CCHC reports (công văn 581/BNV-CCHC): data from 15/12 of
 * the year before, cut off on the 14th of the period's last month (14/3, 14/6, 14/9, 14/12), due on the 20th.
 * A quarter's own window (q2: 15/3–14/6) is what a quarterly report of that quarter covers; statuses are always
 * counted as of the cut-off day.
 */
const CUTOFF_MONTH: Record<Exclude<PeriodKey, 'custom'>, number> = {
  q1: 3,
  q2: 6,
  q3: 9,
  q4: 12,
  h1: 6,
  year: 12,
};
const FROM_MONTH: Record<Exclude<PeriodKey, 'custom'>, number | null> = {
  q1: null,
  q2: 3,
  q3: 6,
  q4: 9,
  h1: null,
  year: null,
};
const LABEL: Record<Exclude<PeriodKey, 'custom'>, (y: number) => string> = {
  q1: (y) => `Quý I năm ${y}`,
  q2: (y) => `Quý II năm ${y}`,
  q3: (y) => `Quý III năm ${y}`,
  q4: (y) => `Quý IV năm ${y}`,
  h1: (y) => `6 tháng đầu năm ${y}`,
  year: (y) => `năm ${y}`,
};

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
export const displayDay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function namedPeriod(key: Exclude<PeriodKey, 'custom'>, year: number): ReportPeriod {
  const fromMonth = FROM_MONTH[key];
  return {
    key,
    label: LABEL[key](year),
    from: fromMonth === null ? day(year - 1, 12, 15) : day(year, fromMonth, 15),
    to: day(year, CUTOFF_MONTH[key], 14),
  };
}

/** The period being reported on a day: the quarter whose cut-off has not passed; 15–31/12 is the year report. */
export function periodOn(today: string): ReportPeriod {
  const year = Number(today.slice(0, 4));
  if (today >= day(year, 12, 15)) return namedPeriod('year', year);
  const key =
    (['q1', 'q2', 'q3', 'q4'] as const).find((q) => today <= day(year, CUTOFF_MONTH[q], 14)) ?? 'q4';
  return namedPeriod(key, year);
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (s: string) =>
  ISO.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/**
 * `--period q1|q2|q3|q4|h1|year|FROM..TO` with `--year`: the period, or null when the text is none of these.
 * Without a period, the one `today` falls in (its year unless `--year` says another).
 */
export function parsePeriod(
  text: string | undefined,
  year: number | null,
  today: string,
): ReportPeriod | null {
  if (text === undefined) {
    const current = periodOn(today);
    return year === null || year === Number(current.to.slice(0, 4))
      ? current
      : namedPeriod(current.key as Exclude<PeriodKey, 'custom'>, year);
  }
  const key = text.trim().toLowerCase();
  if (key in CUTOFF_MONTH)
    return namedPeriod(key as Exclude<PeriodKey, 'custom'>, year ?? Number(today.slice(0, 4)));
  const range = key.split('..');
  if (
    range.length === 2 &&
    range[0] &&
    range[1] &&
    isDay(range[0]) &&
    isDay(range[1]) &&
    range[0] <= range[1]
  )
    return {
      key: 'custom',
      label: `từ ${displayDay(range[0])} đến ${displayDay(range[1])}`,
      from: range[0],
      to: range[1],
    };
  return null;
}
