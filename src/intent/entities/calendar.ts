/** Calendar days without time or offset, for the entity finders. Arithmetic runs in UTC so no zone shifts a day. */

export interface Day {
  year: number;
  month: number;
  day: number;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Parses a YYYY-MM-DD day; a malformed or impossible one is a caller's bug, so it throws. */
export function dayOf(iso: string): Day {
  const m = ISO_DAY.exec(iso);
  const day = m === null ? null : makeDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if (day === null) throw new RangeError(`expected a YYYY-MM-DD day, got ${JSON.stringify(iso)}`);
  return day;
}

/** The day, or null when it does not exist (31/2, month 13). */
export function makeDay(year: number, month: number, day: number): Day | null {
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || year < 1000 || year > 9999) {
    return null;
  }
  return day >= 1 && day <= lastDayOfMonth(year, month) ? { year, month, day } : null;
}

export function lastDayOfMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(d: Day, days: number): Day {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day) + days * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Monday of the day's week (Vietnamese weeks start on Monday: thứ Hai). */
export function mondayOf(d: Day): Day {
  const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return addDays(d, -((weekday + 6) % 7));
}

export function toIso(d: Day): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
