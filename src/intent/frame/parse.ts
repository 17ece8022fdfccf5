import type { TaskRef } from '../entities/task-ref.ts';
import type { TimeRange } from '../entities/time-range.ts';
import type { Intent } from '../intents.ts';
import { VOCABULARY as V } from '../vocabulary.ts';
import { findAsked } from './asked.ts';
import type { Part, QueryFrame, Subject } from './frame.ts';
import { findRestrictions } from './restrictions.ts';
import { findStatus } from './status.ts';
import { THAT_TASK, WHOLE_ORGANISATION } from './subject-words.ts';

/** What the entity finders found in the message, each by its own module; the frame puts them together. */
export interface FrameInput {
  folded: string;
  /** The intent the rules chose (src/intent/classify.ts): it says what is asked. */
  intent: Intent;
  ref: TaskRef | null;
  /** The one unit the message names, resolved (an ambiguous name is asked about before a frame is made). */
  unit: { unitId: number; name: string } | null;
  timeRange: TimeRange | null;
  year: number | null;
  planNumber: string | null;
  appendix: string | null;
  /** Every word left once the other slots took theirs: the topic of a question about no one in particular. */
  topic: string[];
  /** Only the words a topic cue introduces ("việc công bố …", "về tuyển dụng"): the topic of someone's tasks. */
  cuedTopic: string[];
  responsibility: Part;
}

export function parseFrame(input: FrameInput): QueryFrame {
  const { folded, intent } = input;
  const restrictions = findRestrictions(folded);
  const subject = subjectOf(input);
  return {
    subject,
    place: subject.kind === 'none' ? input.unit : null,
    responsibility: input.responsibility,
    status: findStatus(folded, intent === 'overdue' || V.overdue.test(folded)),
    timeRange: input.timeRange,
    year: input.year,
    planNumber: input.planNumber,
    appendix: input.appendix,
    topic: subject.kind === 'none' ? input.topic : subject.kind === 'task' ? [] : input.cuedTopic,
    ...restrictions,
    asked: findAsked(folded, intent),
  };
}

function subjectOf(input: FrameInput): Subject {
  if (input.ref) return { kind: 'task', ref: input.ref, taskIds: [] };
  // "ai chủ trì việc tuyển dụng ở Sở Nội vụ": who is the answer, the unit only says where to look.
  if (input.unit && input.intent === 'who_is_responsible' && input.topic.length > 0) return { kind: 'none' };
  if (input.unit) return { kind: 'unit', ...input.unit };
  if (WHOLE_ORGANISATION.test(input.folded)) return { kind: 'organisation' };
  if (aboutTopic(input)) return { kind: 'none' };
  return { kind: 'me' };
}

/**
 * A question about a topic with nobody named is about the plans, not the asker: "ai chủ trì việc tuyển dụng",
 * "tỷ lệ hồ sơ đúng hạn phải đạt bao nhiêu", "việc công bố chỉ số CCHC hạn khi nào". A list, overdue or
 * deadline question without a topic cue stays about the asker ("ds nv trễ hạn").
 */
function aboutTopic(input: FrameInput): boolean {
  const mine = speaksOfSelf(input.folded);
  switch (input.intent) {
    case 'who_is_responsible':
    case 'topic_tasks':
      return input.topic.length > 0;
    case 'kpi':
      return input.topic.length > 0 && !mine;
    case 'deadlines':
      // "tuyển dụng công chức hạn bao giờ" asks a topic's date; "tháng này có deadline gì" the asker's.
      return !mine && (input.cuedTopic.length > 0 || (input.topic.length > 0 && input.timeRange === null));
    default:
      return false;
  }
}

/**
 * "phòng tôi", "mình", "em": the asker speaks of themself. "tới" and "tối" fold to the same "toi" as "tôi":
 * "sắp tới", "tuần tới", "tối thiểu", "tối đa" are not the asker.
 */
const NOT_SELF =
  /(?:^|\s)(?:(?:sap|tuan|thang|quy|nam|ngay|den|dat) toi|toi (?:thieu|da|uu|han|nay))(?=\s|$)/g;

export function speaksOfSelf(folded: string): boolean {
  return V.firstPerson.test(folded.replace(NOT_SELF, ' '));
}

/** "nhiệm vụ đó hạn bao giờ?": the message points at the task shown last. */
export function pointsAtLastTask(folded: string): boolean {
  return THAT_TASK.test(folded);
}
