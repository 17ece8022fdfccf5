import type { TaskRef } from '../entities/task-ref.ts';
import type { TimeRange } from '../entities/time-range.ts';

/**
 * One question, parsed: whose tasks, in which part, narrowed by which conditions, and what is asked about them.
 * Every slot applies to every question — "việc nào phòng tôi chủ trì mà đã quá hạn" is subject me, lead, overdue —
 * and one executor (src/core/query/) answers any combination. Plain data: it is kept between messages so that a
 * follow-up ("thế còn Văn phòng Sở?") can reuse it.
 */
export type Subject =
  /** The asker's own unit ("phòng tôi", or nothing said). */
  | { kind: 'me' }
  /** A named unit, organisation or collective ("Văn phòng Sở", "SXD", "UBND cấp huyện"). */
  | { kind: 'unit'; unitId: number; name: string }
  /** "toàn sở", "cả sở": every unit of the asker's organisation. */
  | { kind: 'organisation' }
  /** A task named by its number ("nv IV 2"), or the one shown last ("nhiệm vụ đó"). */
  | { kind: 'task'; ref: TaskRef | null; taskIds: string[] }
  /** No subject: the question is about a topic across the plans in scope. */
  | { kind: 'none' };

/** The part asked about: "chủ trì", "phối hợp", or either (the same values as the core's ResponsibilityFilter). */
export type Part = 'lead' | 'coordinate' | 'both';

export const STATUSES = ['overdue', 'ongoing', 'done', 'not_done', 'not_reported'] as const;
export type FrameStatus = (typeof STATUSES)[number];

/** What the person wants to know about the tasks found. */
export const ASKS = ['list', 'lead', 'coordinate', 'involved', 'deadline', 'kpi', 'detail'] as const;
export type Asked = (typeof ASKS)[number];

export interface QueryFrame {
  subject: Subject;
  /** "ai chủ trì việc tuyển dụng ở Sở Nội vụ": a unit named as the place to look, not as whose tasks. */
  place: { unitId: number; name: string } | null;
  responsibility: Part;
  status: FrameStatus | null;
  timeRange: TimeRange | null;
  year: number | null;
  planNumber: string | null;
  appendix: string | null;
  /** Topic words, folded, as the plans spell them after correction. */
  topic: string[];
  /** "có chỉ tiêu": only tasks with a target; "chỉ tiêu phần trăm": only targets in %. */
  kpiOnly: boolean;
  percentOnly: boolean;
  /** "bao nhiêu việc", "mấy việc": the count is what is asked (the list still follows). */
  count: boolean;
  asked: Asked;
  /** "tối thiểu hay trên 85%?": the operator of a target is what is asked. */
  operatorQuestion: boolean;
}

/** A frame that says only its subject: every other slot open (all parts, no condition, the whole list). */
export function frameOf(subject: Subject, asked: Asked = 'list'): QueryFrame {
  return {
    subject,
    place: null,
    responsibility: 'both',
    status: null,
    timeRange: null,
    year: null,
    planNumber: null,
    appendix: null,
    topic: [],
    kpiOnly: false,
    percentOnly: false,
    count: false,
    asked,
    operatorQuestion: false,
  };
}
