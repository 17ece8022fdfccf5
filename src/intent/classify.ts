import { CONSOLE_VOCABULARY as CV } from './console-vocabulary.ts';
import { OPERATOR_QUESTION } from './frame/restrictions.ts';
import type { Intent } from './intents.ts';
import { REPORT_VOCABULARY as RV } from './report-vocabulary.ts';
import { VOCABULARY as V } from './vocabulary.ts';

/** What the entity finders saw in the message; rules combine them with keyword patterns. */
export interface Signals {
  taskRef: boolean;
  unit: boolean;
  timeRange: boolean;
  progress: boolean;
}

/**
 * Rules, most specific first. Every rule reads the folded message, so "phong toi phai lam gi" and
 * "Phòng tôi phải làm gì?" take the same path.
 */
export function classify(folded: string, s: Signals): Intent {
  const t = folded.trim();
  if (t === '') return 'unknown';
  const has = (pattern: RegExp) => pattern.test(t);
  const isQuestion = has(V.question);

  if (has(V.helpFirst)) return 'help';
  // "đăng nhập trang quản trị": before the topic rules, which would search the plans for "quản trị".
  if (has(CV.consoleLogin) || has(CV.consoleLogout)) return 'console_login';
  if (has(RV.undoReport)) return 'report_progress';
  // "xuất báo cáo quý 4": the period report as a file; "báo cáo nhiệm vụ I.5 …" and "báo cáo tuần" are not.
  if (has(RV.exportReport) && !s.taskRef && !s.progress && !has(V.digest)) return 'export_report';
  if (has(V.subscribeDigest) || has(V.unsubscribeDigest) || has(V.digestSchedule)) return 'digest';
  if (has(V.remindersOff) || has(V.remindersOn)) return 'reminder_settings';
  if (s.taskRef && has(V.remindUnit)) return 'remind_unit';
  if (has(V.chaseList) && !s.taskRef) return 'chase_list';
  if ((has(V.register) || has(V.adminCommand)) && !s.taskRef) return 'register';
  // "nv VII.5 phấn đấu trên hay tối thiểu 80%": a question about the target, not a report of 80%.
  if (s.taskRef && has(OPERATOR_QUESTION)) return 'kpi';
  if (s.taskRef && (s.progress || has(V.reportVerb)) && !isQuestion && !has(V.detail))
    return 'report_progress';
  if (!s.taskRef && s.progress && has(/(?:^|\s)bao cao(?:\s|$)/) && !isQuestion) return 'report_progress';
  // "bên em làm xong việc số hóa hồ sơ rồi": a report that names the task by its words.
  if (
    !s.taskRef &&
    s.progress &&
    (has(RV.reportSubject) || has(V.reportVerb)) &&
    !isQuestion &&
    !has(RV.askWords)
  )
    return 'report_progress';
  if (has(V.digest)) return 'digest';
  if (has(V.overdue)) return 'overdue';
  if (s.taskRef && has(V.progressQuestion)) return 'task_detail';
  if (s.taskRef && has(V.deadlines) && !has(V.notDeadline)) return 'deadlines';
  if (s.taskRef && has(V.kpi)) return 'kpi';
  if (s.taskRef && !has(V.who)) return 'task_detail';
  if (has(V.who) && (has(V.taskWords) || has(V.whoVerb))) return 'who_is_responsible';
  if (has(V.kpi)) return 'kpi';
  if ((has(V.deadlines) && !has(V.notDeadline)) || (s.timeRange && has(V.taskWords))) return 'deadlines';
  if (s.timeRange && !s.unit) return 'deadlines';
  if ((s.unit || has(V.unitHeadAtStart)) && (has(V.taskWords) || has(V.topicLead))) return 'unit_tasks';
  if (has(V.firstPerson) && has(V.taskWords)) return 'my_tasks';
  if (has(V.help)) return 'help';
  if (has(V.taskWords) || has(V.topicLead)) return 'topic_tasks';
  if (s.unit) return 'unit_tasks';
  if (has(V.smalltalk) && t.split(' ').length <= 6) return 'smalltalk';
  return 'unknown';
}
