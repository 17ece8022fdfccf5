/**
 * Wall-clock time in Viet Nam (Asia/Ho_Chi_Minh is UTC+7 all year, no daylight saving), computed without the
 * machine's time zone: schedules say "Monday 08:00" in Hanoi whatever the server's TZ.
 */
const OFFSET_MS = 7 * 3_600_000;

export interface VnClock {
  /** YYYY-MM-DD */
  date: string;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  /** Minutes since midnight. */
  minutes: number;
}

export function vnClock(now: Date): VnClock {
  const local = new Date(now.getTime() + OFFSET_MS);
  return {
    date: local.toISOString().slice(0, 10),
    weekday: ((local.getUTCDay() + 6) % 7) + 1,
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

export function minutesOf(time: string): number {
  const [h = '0', m = '0'] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/** The instant of `date` (YYYY-MM-DD) at `time` (HH:MM) in Viet Nam. */
export function vnInstant(date: string, time: string): Date {
  return new Date(`${date}T${time.padStart(5, '0')}:00+07:00`);
}

/** The latest "weekday at time" at or before `now`, e.g. last Monday 08:00. */
export function lastOccurrence(now: Date, weekday: number, time: string): Date {
  const clock = vnClock(now);
  let back = (clock.weekday - weekday + 7) % 7;
  if (back === 0 && clock.minutes < minutesOf(time)) back = 7;
  const day = new Date(`${clock.date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - back);
  return vnInstant(day.toISOString().slice(0, 10), time);
}
