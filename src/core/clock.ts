/** "Today" is the calendar day in Asia/Ho_Chi_Minh, whatever the server's time zone. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function todayIn(now: Date, timeZone: string = TIME_ZONE): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
