import type { QueryFrame, Subject } from './frame.ts';

/**
 * A follow-up reuses the last question (kept 30 minutes): "thế còn Văn phòng Sở?" asks it about another unit,
 * "năm ngoái thì sao?" for another year, "chỉ việc quá hạn thôi" with one more condition, "nhiệm vụ đó hạn bao
 * giờ?" about the task shown last. Read on the folded message.
 */
const CUES = [
  /^(?:the con|vay con|con|the|vay|vay thi|the thi|con ve|con voi)\s/,
  /(?:thi sao|thi the nao|thi nhu the nao|thi ra sao|thi co gi|thi sao a|nua khong|nua ko)\s*[?.!]*$/,
  /^(?:chi|loc|chi xem|chi lay|chi can)\s.*(?:\sthoi|\sthoi a|\sthoi nhe)\s*[?.!]*$/,
  /^(?:chi|loc)\s+(?:nhung |cac )?(?:viec|nhiem vu|cai)\s/,
];

/** Messages longer than this are questions of their own, whatever their first word. */
const MAX_WORDS = 12;

export function isFollowUp(folded: string): boolean {
  const t = folded.trim();
  if (t.split(/\s+/).length > MAX_WORDS) return false;
  return CUES.some((cue) => cue.test(t));
}

/** What the follow-up said itself; everything else comes from the last frame. */
export interface Said {
  subject: boolean;
  responsibility: boolean;
  year: boolean;
  asked: boolean;
}

export function mergeFrames(last: QueryFrame, now: QueryFrame, said: Said): QueryFrame {
  const subject: Subject = said.subject ? now.subject : last.subject;
  const sameSubject = !said.subject;
  return {
    subject,
    place: said.subject ? now.place : last.place,
    responsibility: said.responsibility ? now.responsibility : last.responsibility,
    status: now.status ?? last.status,
    timeRange: now.timeRange ?? (now.status === 'overdue' ? null : last.timeRange),
    year: said.year ? now.year : last.year,
    planNumber: said.year ? now.planNumber : (now.planNumber ?? last.planNumber),
    appendix: now.appendix ?? last.appendix,
    // "thế còn VP Sở?" keeps the topic; a new topic replaces the old one; a task needs none.
    topic: subject.kind === 'task' ? [] : now.topic.length > 0 ? now.topic : last.topic,
    kpiOnly: now.kpiOnly || last.kpiOnly,
    percentOnly: now.percentOnly || last.percentOnly,
    count: now.count || (last.count && sameSubject),
    asked: said.asked ? now.asked : last.asked,
    operatorQuestion: now.operatorQuestion,
  };
}
