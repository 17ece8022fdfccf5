import { words } from '../vocabulary.ts';
import type { FrameStatus } from './frame.ts';

/**
 * The status condition of a question, on the folded message. "quá hạn" is read by the overdue vocabulary
 * (src/intent/vocabulary.ts) since it also decides the intent; the others only narrow the list.
 */
const STATUS_WORDS: [FrameStatus, RegExp][] = [
  // "chưa báo cáo" before "chưa hoàn thành": "chưa báo cáo hoàn thành" is about reports.
  ['not_reported', words('chua (?:co )?bao cao', 'chua cap nhat', 'chua (?:ai )?bao cao')],
  [
    'not_done',
    words('chua (?:hoan thanh|xong|lam xong)', 'con dang (?:lam|thuc hien)', 'con ton', 'dang do'),
  ],
  ['done', words('da (?:hoan thanh|xong|lam xong)', 'hoan thanh roi', 'xong roi')],
  ['ongoing', words('thuong xuyen', 'hang nam', 'lien tuc', 'thuong nien')],
];

export function findStatus(folded: string, overdue: boolean): FrameStatus | null {
  if (overdue) return 'overdue';
  for (const [status, pattern] of STATUS_WORDS) if (pattern.test(folded)) return status;
  return null;
}
