import type { Intent } from '../intent/intents.ts';
import { REPORT_VOCABULARY } from '../intent/report-vocabulary.ts';
import { VOCABULARY } from '../intent/vocabulary.ts';
import { type Block, doc } from '../reply/doc.ts';
import { formatTaskDetail } from '../reply/format-task.ts';
import { MESSAGES } from '../reply/messages.ts';
import { nextPage, toAnswerTasks } from './answer-tasks.ts';
import { answerAdmin } from './handlers/admin.ts';
import { answerChaseList, answerRemindUnit } from './handlers/chase.ts';
import { answerConsoleLogin } from './handlers/console-login.ts';
import { answerDigest } from './handlers/digest.ts';
import { answerExportReport } from './handlers/export-report.ts';
import { answerRegister, registerAs } from './handlers/register.ts';
import { answerReminderSettings } from './handlers/reminder-settings.ts';
import { answerReport } from './handlers/report.ts';
import { answerUndoReport } from './handlers/report-undo.ts';
import { answerSubscription } from './handlers/subscribe.ts';
import { answerQuestion, taskFrame } from './question.ts';
import { progressLines } from './task-lookup.ts';
import type { ConversationState, HandlerResult, LastQuery, Turn } from './types.ts';

function simple(intent: Intent, said: string | Block[]): HandlerResult {
  return { intent, entities: {}, tasks: [], doc: doc(said) };
}

/** Intents answered by a query frame and its executor (src/core/query/). */
const QUESTION_INTENTS: ReadonlySet<Intent> = new Set<Intent>([
  'my_tasks',
  'unit_tasks',
  'who_is_responsible',
  'topic_tasks',
  'deadlines',
  'kpi',
  'overdue',
  'task_detail',
]);

export function isQuestionIntent(intent: Intent): boolean {
  return QUESTION_INTENTS.has(intent);
}

export function dispatch(turn: Turn, intent: Intent, last: LastQuery | null): HandlerResult {
  if (QUESTION_INTENTS.has(intent)) return answerQuestion(turn, intent, last, null);
  switch (intent) {
    case 'digest':
      if (
        VOCABULARY.subscribeDigest.test(turn.msg.folded) ||
        VOCABULARY.unsubscribeDigest.test(turn.msg.folded) ||
        VOCABULARY.digestSchedule.test(turn.msg.folded)
      ) {
        return answerSubscription(turn);
      }
      return turn.unit ? answerDigest(turn, turn.unit) : simple(intent, MESSAGES.needRegistration);
    case 'chase_list':
      return answerChaseList(turn);
    case 'remind_unit':
      return answerRemindUnit(turn);
    case 'reminder_settings':
      return answerReminderSettings(turn);
    case 'report_progress':
      return REPORT_VOCABULARY.undoReport.test(turn.msg.folded) ? answerUndoReport(turn) : answerReport(turn);
    case 'export_report':
      return answerExportReport(turn);
    case 'console_login':
      return answerConsoleLogin(turn);
    case 'register':
      return VOCABULARY.adminCommand.test(turn.msg.folded.trim()) ? answerAdmin(turn) : answerRegister(turn);
    case 'help':
      return simple(intent, MESSAGES.help);
    case 'smalltalk':
      return simple(intent, /cam on|thank/.test(turn.msg.folded) ? MESSAGES.thanks : MESSAGES.greeting);
    default:
      return simple('unknown', MESSAGES.unknown);
  }
}

/** "xem tiếp" continues a list; a number answers a numbered choice. Anything else is a new question. */
export function resumeState(
  turn: Turn,
  state: ConversationState,
  rebuild: (text: string) => Turn,
): HandlerResult | null {
  const folded = turn.msg.folded;
  if (state.kind === 'page' && VOCABULARY.paging.test(folded)) {
    return nextPage(turn, state);
  }
  const choice = folded.match(VOCABULARY.choice);
  if (!choice || state.kind === 'page' || state.kind === 'last') return null;
  const index = Number(choice[1]) - 1;
  if (state.kind === 'choose-unit') {
    const unit = turn.k.tree.get(state.unitIds[index] ?? -1);
    if (!unit) return { ...simple(state.intent, MESSAGES.choiceExpired), state: null };
    if (state.intent === 'register') return registerAs(turn, unit);
    return answerQuestion(rebuild(state.text), state.intent, null, unit);
  }
  const taskId = state.taskIds[index];
  if (!taskId) return { ...simple(state.intent, MESSAGES.choiceExpired), state: null };
  if (state.intent === 'report_progress')
    return { ...answerReport(rebuild(state.text), taskId), state: null };
  const [task] = toAnswerTasks(turn, [taskId], turn.unit?.id ?? null);
  if (!task) return { ...simple('task_detail', MESSAGES.choiceExpired), state: null };
  const said = doc(formatTaskDetail(task, turn.k.plansById.get(task.planId)), progressLines(turn, [taskId]));
  const last: LastQuery = { frame: taskFrame([taskId]), focus: taskId };
  return { intent: 'task_detail', entities: {}, tasks: [task], doc: said, state: { kind: 'last', last } };
}
