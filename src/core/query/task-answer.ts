import type { QueryFrame } from '../../intent/frame/frame.ts';
import type { Intent } from '../../intent/intents.ts';
import { type Block, doc, field } from '../../reply/doc.ts';
import {
  type AnswerTask,
  deadlineText,
  formatTaskDetail,
  taskCitation,
  taskLineParts,
} from '../../reply/format-task.ts';
import { MESSAGES } from '../../reply/messages.ts';
import { listAnswer, toAnswerTasks } from '../answer-tasks.ts';
import { chooseTask, findReferencedTasks, progressLines, refText } from '../task-lookup.ts';
import type { Entities, HandlerResult, Turn } from '../types.ts';
import { operatorLines } from './operator.ts';

/**
 * Questions about named tasks ("nv IV 2", "nhiệm vụ đó"): the whole task, or only what was asked — who leads,
 * who coordinates, the deadline, the targets — for the one task, or for each when the number is in several plans.
 */
export function answerNamedTasks(turn: Turn, frame: QueryFrame, intent: Intent): HandlerResult {
  const subject = frame.subject;
  if (subject.kind !== 'task') throw new Error('answerNamedTasks needs a task subject');
  const label = subject.ref ? refText(subject.ref) : '';
  const entities: Entities = { frame, ...(label ? { taskRef: label } : {}) };
  const ids =
    subject.taskIds.length > 0 ? subject.taskIds : subject.ref ? findReferencedTasks(turn, subject.ref) : [];
  if (ids.length === 0)
    return { intent, entities, tasks: [], doc: doc(MESSAGES.taskNotFound(label)), state: null };
  const tasks = toAnswerTasks(turn, ids, turn.unit?.id ?? null);
  const focused = { ...frame, subject: { ...subject, taskIds: ids } };
  const last = { frame: focused, focus: tasks.length === 1 ? (tasks[0]?.id ?? null) : null };
  const detail = frame.asked === 'detail' || frame.asked === 'list';
  if (tasks.length > 1) {
    if (detail) return chooseTask(turn, 'task_detail', entities, ids, turn.msg.text);
    const answer = listAnswer(
      turn,
      intent,
      entities,
      MESSAGES.headers.who(tasks.length),
      tasks,
      0,
      frame.asked,
    );
    return answer.state?.kind === 'page'
      ? { ...answer, state: { ...answer.state, last } }
      : { ...answer, state: { kind: 'last', last } };
  }
  const [task] = tasks as [AnswerTask];
  const plan = turn.k.plansById.get(task.planId);
  const body = detail ? formatTaskDetail(task, plan) : focusedLines(turn, task, frame);
  const said = doc(body, progressLines(turn, ids));
  return {
    intent: detail ? 'task_detail' : intent,
    entities,
    tasks,
    doc: said,
    state: { kind: 'last', last },
  };
}

/** One task, only what was asked: the citation and content, then the facts asked for, each on its line. */
function focusedLines(turn: Turn, task: AnswerTask, frame: QueryFrame): Block[] {
  const plan = turn.k.plansById.get(task.planId);
  const line = taskLineParts(1, task, plan, 200, frame.asked);
  const head = `${taskCitation(task, plan)} — ${line.content}`;
  if (frame.asked === 'deadline') return doc(head, field(MESSAGES.labels.due, deadlineText(task)));
  if (frame.asked === 'kpi') {
    const operators = frame.operatorQuestion ? operatorLines(turn.msg.folded, [task]) : [];
    const facts = line.facts.filter((f) => f.startsWith(MESSAGES.labels.kpi));
    return doc(...operators, head, ...(facts.length > 0 ? facts : [MESSAGES.noTargets]));
  }
  return doc(head, ...line.facts);
}
