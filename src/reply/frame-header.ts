import type { FrameStatus, Part } from '../intent/frame/frame.ts';
import { formatNumber } from './numbers.ts';

/**
 * The first line of a list answer, said from the whole question: "Phòng Công chức, viên chức chủ trì 2 nhiệm vụ
 * quá hạn (tính đến 22/11/2026):". An empty answer says the same thing once, as a sentence: "… không chủ trì
 * nhiệm vụ nào quá hạn (tính đến 22/11/2026)."
 */
export interface HeaderParts {
  /** Whose tasks ("Văn phòng Sở", "Sở Nội vụ (toàn Sở)"); null for a topic across the plans. */
  who: string | null;
  responsibility: Part;
  status: FrameStatus | null;
  topic: string | null;
  kpiOnly: boolean;
  percentOnly: boolean;
  /** The period, as a time-range label ("tháng 12/2026"), or "thời gian tới" for upcoming deadlines. */
  period: string | null;
  /** Today, displayed (dd/mm/yyyy): overdue is counted up to it. */
  today: string;
  /** The year of the plans looked at, when one year: an empty answer names it. */
  year?: number | null;
  /** The person named the year ("năm ngoái thì sao?"): an empty answer always says it. */
  yearAsked?: boolean;
}

const STATUS_WORDS: Record<FrameStatus, string> = {
  overdue: 'quá hạn',
  ongoing: 'thường xuyên',
  done: 'đã hoàn thành',
  not_done: 'chưa hoàn thành',
  not_reported: 'chưa có báo cáo',
};

function dueWithin(label: string): string {
  if (/^(?:trước|đến|hôm|ngày mai)/.test(label)) return label;
  return label.startsWith('ngày') ? `vào ${label}` : `trong ${label}`;
}

function qualifiers(p: HeaderParts): string {
  const parts = [
    p.status ? STATUS_WORDS[p.status] : null,
    p.topic ? `về “${p.topic}”` : null,
    p.percentOnly ? 'có chỉ tiêu phần trăm' : p.kpiOnly ? 'có chỉ tiêu' : null,
    p.period ? `có hạn ${dueWithin(p.period)}` : null,
    p.status === 'overdue' ? `(tính đến ${p.today})` : null,
  ].filter((x): x is string => x !== null);
  return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}

const VERB = { lead: 'chủ trì', coordinate: 'phối hợp', both: 'có' } as const;

export function frameHeader(p: HeaderParts, n: number): string {
  const count = `${formatNumber(n)} nhiệm vụ${qualifiers(p)}:`;
  return p.who ? `${p.who} ${VERB[p.responsibility]} ${count}` : count;
}

export function frameNone(p: HeaderParts): string {
  const q = qualifiers(p);
  const where = p.year ? ` trong các kế hoạch năm ${p.year}` : ' trong các kế hoạch đang xem';
  if (!p.who) return `Không có nhiệm vụ nào${q}${where}.`;
  const sayWhere = p.yearAsked || !(p.status || p.period);
  return `${p.who} không ${VERB[p.responsibility]} nhiệm vụ nào${q}${sayWhere ? where : ''}.`;
}
