import type { TaskLine } from '../reply/format-task.ts';

/** The weekly digest of a unit or an organisation, channel-neutral: Zalo gets text, Teams a card. */
export const DIGEST_SECTIONS = ['overdue', 'dueSoon', 'silent', 'reported', 'kpiShort'] as const;
export type DigestSectionKey = (typeof DIGEST_SECTIONS)[number];

export interface DigestSection {
  key: DigestSectionKey;
  title: string;
  /** All that match; `items` shows the first few. */
  count: number;
  items: TaskLine[];
}

export interface Digest {
  unitId: number;
  /** "Phòng Công chức, viên chức (Sở Nội vụ)" */
  label: string;
  today: string;
  title: string;
  sections: DigestSection[];
  /** Tasks the unit is responsible for in the plans of the period. */
  total: number;
  /** The plans the digest covers (for the footer: "KH 55/KH-SXD, KH CCHC 2026…"). */
  plans: string[];
}
