import type { Intent } from '../intents.ts';
import type { QueryFrame } from './frame.ts';

/**
 * The intent name of a frame: the contract `ask --json` prints. The strongest condition names it — overdue, then
 * a period or deadline, then targets, then who — else whose list it is.
 */
export function intentOf(frame: QueryFrame): Intent {
  const { subject, asked } = frame;
  if (subject.kind === 'task') {
    if (asked === 'lead' || asked === 'coordinate' || asked === 'involved') return 'who_is_responsible';
    if (asked === 'deadline') return 'deadlines';
    if (asked === 'kpi') return 'kpi';
    if (frame.status === 'overdue') return 'overdue';
    return 'task_detail';
  }
  if (frame.status === 'overdue') return 'overdue';
  if (asked === 'deadline' || frame.timeRange !== null) return 'deadlines';
  if (asked === 'kpi' || frame.kpiOnly) return 'kpi';
  if (asked === 'lead' || asked === 'coordinate' || asked === 'involved') return 'who_is_responsible';
  if (subject.kind === 'me') return 'my_tasks';
  if (subject.kind === 'unit' || subject.kind === 'organisation') return 'unit_tasks';
  return 'topic_tasks';
}
