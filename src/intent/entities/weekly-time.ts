/** "thứ sáu 16:00", "t6 16h30", "chủ nhật 8 giờ": a day of the week (1 = Monday … 7 = Sunday) and a time. */
const DAYS: [RegExp, number][] = [
  [/\b(?:thu hai|t2)\b/, 1],
  [/\b(?:thu ba|t3)\b/, 2],
  [/\b(?:thu tu|t4)\b/, 3],
  [/\b(?:thu nam|t5)\b/, 4],
  [/\b(?:thu sau|t6)\b/, 5],
  [/\b(?:thu bay|t7)\b/, 6],
  [/\b(?:chu nhat|cn)\b/, 7],
];

export const WEEKDAY_NAMES = ['', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'];

export function findWeeklyTime(folded: string): { weekday: number; time: string } | null {
  const day = DAYS.find(([pattern]) => pattern.test(folded))?.[1];
  if (day === undefined) return null;
  const match = /\b(\d{1,2})\s*(?::|h|g|gio)\s*(\d{2})?\b/.exec(folded);
  const hour = match ? Number(match[1]) : 8;
  const minute = match?.[2] ? Number(match[2]) : 0;
  if (hour > 23 || minute > 59) return null;
  return { weekday: day, time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}
