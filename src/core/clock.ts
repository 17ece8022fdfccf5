/** "Today" is the calendar day in Asia/Ho_Chi_Minh, whatever the server's time zone. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Building an Intl.DateTimeFormat costs ~100 µs; it is asked once per message, so keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function todayIn(now: Date, timeZone: string = TIME_ZONE): string {
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format.format(now);
}

/**
 * When a report made now counts as made: the clock's instant, unless the turn's day was pinned to another day
 * (`ask --today`), then that day at the clock's time of day — so a report's date is always the turn's date.
 */
export function reportInstant(now: Date, today: string): string {
  const iso = now.toISOString();
  return todayIn(now) === today ? iso : `${today}${iso.slice(10)}`;
}
