import { findProgress, type ProgressStatement } from '../../intent/entities/progress.ts';
import { insertProgress, type ProgressStatus } from '../../kb/progress-repo.ts';
import { type AnswerTask, taskCitation } from '../../reply/format-task.ts';
import { MESSAGES } from '../../reply/messages.ts';
import { toAnswerTasks } from '../answer-tasks.ts';
import { findResponsibleTasks } from '../responsibility.ts';
import type { Entities, HandlerResult, Turn } from '../types.ts';
import { chooseTask, findReferencedTasks, refText } from './search.ts';

const R = MESSAGES.report;

function refuse(entities: Entities, reply: string, tasks: AnswerTask[] = []): HandlerResult {
  return { intent: 'report_progress', entities, tasks, reply };
}

function statusOf(p: ProgressStatement): ProgressStatus {
  if (p.status) return p.status;
  if (p.percent === 100) return 'done';
  return 'in_progress';
}

function summaryOf(status: ProgressStatus, p: ProgressStatement): string {
  const parts: string[] = [MESSAGES.labels.status[status]];
  if (p.percent !== null && p.percent !== 100) parts.push(`${p.percent}%`);
  if (p.actual !== null) parts.push(`kết quả thực tế ${String(p.actual).replace('.', ',')}%`);
  return parts.join(', ');
}

/**
 * report_progress: validates everything first (who, which task, what), then writes one row. A report that fails
 * any check writes nothing and says why.
 */
export function answerReport(turn: Turn, chosenTaskId?: string): HandlerResult {
  const progress = findProgress(turn.msg.folded);
  const ref = turn.refs[0];
  const entities: Entities = {
    ...(ref ? { taskRef: refText(ref) } : {}),
    ...(progress.percent !== null ? { percent: progress.percent } : {}),
    ...(progress.actual !== null ? { actual: progress.actual } : {}),
    ...(progress.status ? { status: progress.status } : {}),
  };
  if (!chosenTaskId && !ref) return refuse(entities, progress.invalid ? R.overHundred : R.needTask);
  const ids = chosenTaskId ? [chosenTaskId] : ref ? findReferencedTasks(turn, ref) : [];
  if (ids.length === 0) return refuse(entities, MESSAGES.taskNotFound(ref ? refText(ref) : ''));
  if (ids.length > 1) return chooseTask(turn, 'report_progress', entities, ids, turn.msg.text);
  const taskId = ids[0] ?? '';
  // Every check below names the task the report was about, so the asker sees what was understood.
  const found = toAnswerTasks(turn, [taskId], turn.unit?.id ?? null);
  const task = found[0];
  if (!task) return refuse(entities, MESSAGES.taskNotFound(taskId));
  if (progress.invalid) return refuse(entities, R.overHundred, found);
  if (!turn.unit) return refuse(entities, R.notRegistered, found);
  if (!turn.user.approved && turn.user.role !== 'admin') return refuse(entities, R.notApproved, found);
  if (progress.status === null && progress.percent === null && progress.actual === null) {
    return refuse(entities, R.needWhat, found);
  }
  const responsible = findResponsibleTasks(
    turn.k.mentions,
    turn.k.tree,
    turn.unit.id,
    [task.planId],
    'both',
  ).some((t) => t.taskId === taskId);
  if (!responsible && turn.user.role !== 'admin')
    return refuse(entities, R.notResponsible(turn.unit.name), found);
  const status = statusOf(progress);
  insertProgress(turn.db, {
    taskId,
    unitId: turn.unit.id,
    status,
    percent: progress.percent,
    actual: progress.actual,
    note: null,
    userId: turn.user.id,
    channel: turn.user.channel,
    text: turn.msg.text,
    reportedAt: turn.now.toISOString(),
  });
  const [saved] = toAnswerTasks(turn, [taskId], turn.unit.id);
  const label = taskCitation(task, turn.k.plansById.get(task.planId));
  return {
    intent: 'report_progress',
    entities,
    tasks: saved ? [saved] : [],
    reply: R.saved(label, summaryOf(status, progress)),
  };
}
