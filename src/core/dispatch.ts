import type { Intent } from '../intent/intents.ts';
import { REPORT_VOCABULARY } from '../intent/report-vocabulary.ts';
import { VOCABULARY } from '../intent/vocabulary.ts';
import type { UnitNode } from '../kb/unit-tree.ts';
import { formatTaskDetail } from '../reply/format-task.ts';
import { MESSAGES } from '../reply/messages.ts';
import { nextPage, toAnswerTasks } from './answer-tasks.ts';
import { answerAdmin } from './handlers/admin.ts';
import { answerChaseList, answerRemindUnit } from './handlers/chase.ts';
import { chooseUnit } from './handlers/choose-unit.ts';
import { answerDigest } from './handlers/digest.ts';
import { answerOrgOverdue } from './handlers/org-overdue.ts';
import { answerRegister, registerAs } from './handlers/register.ts';
import { answerReminderSettings } from './handlers/reminder-settings.ts';
import { answerReport } from './handlers/report.ts';
import { answerUndoReport } from './handlers/report-undo.ts';
import { answerDetail, answerTopic, progressLines, topicWords } from './handlers/search.ts';
import { answerSubscription } from './handlers/subscribe.ts';
import { answerUnitTasks } from './handlers/unit-tasks.ts';
import type { ConversationState, HandlerResult, Turn } from './types.ts';

function simple(intent: Intent, reply: string): HandlerResult {
  return { intent, entities: {}, tasks: [], reply };
}

/** The one unit a question names, or a numbered choice when the name belongs to several organisations. */
function namedUnit(turn: Turn): UnitNode | HandlerResult | null {
  const match = turn.units.find((u) => u.candidates.length > 0);
  if (!match) return null;
  if (match.candidates.length === 1) return match.candidates[0] ?? null;
  return chooseUnit(turn, 'unit_tasks', match.candidates);
}

function isResult(value: UnitNode | HandlerResult | null): value is HandlerResult {
  return value !== null && 'reply' in value;
}

/** Questions about a unit: the one named, else the asker's own (which needs a registration). */
function aboutUnit(turn: Turn, intent: Intent): HandlerResult {
  const named = namedUnit(turn);
  if (isResult(named)) return named;
  const ownUnit = named === null || named.id === turn.unit?.id;
  if (intent === 'overdue' && ownUnit && turn.user.role === 'admin' && turn.org)
    return answerOrgOverdue(turn);
  const subject = named ?? turn.unit;
  if (!subject) return simple(intent, MESSAGES.needRegistration);
  return answerUnitTasks(turn, intent, subject, ownUnit && turn.unit !== null);
}

export function dispatch(turn: Turn, intent: Intent): HandlerResult {
  const ref = turn.refs[0];
  switch (intent) {
    case 'my_tasks':
      if (!turn.unit) return simple(intent, MESSAGES.needRegistration);
      return answerUnitTasks(turn, intent, turn.unit, true);
    case 'unit_tasks': {
      const named = namedUnit(turn);
      if (isResult(named)) return named;
      if (!named) return simple(intent, MESSAGES.unitNotFound(turn.msg.text.slice(0, 60)));
      return answerUnitTasks(turn, intent, named, named.id === turn.unit?.id);
    }
    case 'kpi':
      if (ref) return { ...answerDetail(turn, ref), intent };
      // "tỷ lệ hồ sơ đúng hạn phải đạt bao nhiêu" asks about a target, not about whose targets.
      if (topicWords(turn).length > 0) return answerTopic(turn, intent);
      if (!turn.unit && turn.units.length === 0) return simple(intent, MESSAGES.kpiNeedsUnit);
      return aboutUnit(turn, intent);
    case 'overdue':
    case 'deadlines':
      if (ref && intent !== 'overdue') return { ...answerDetail(turn, ref), intent };
      return aboutUnit(turn, intent);
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
    case 'task_detail':
      return ref ? answerDetail(turn, ref) : simple(intent, MESSAGES.unknown);
    case 'who_is_responsible':
      // "mục 2.2.1 kế hoạch 126 ai chủ trì": the task named answers who, not a search for its leftover words.
      if (ref) return { ...answerDetail(turn, ref), intent };
      return answerTopic(turn, intent);
    case 'topic_tasks':
      // "chỉ những việc chủ trì thôi": no topic left, so it narrows the asker's own list.
      if (topicWords(turn).length === 0 && turn.unit)
        return answerUnitTasks(turn, 'my_tasks', turn.unit, true);
      return answerTopic(turn, intent);
    case 'report_progress':
      return REPORT_VOCABULARY.undoReport.test(turn.msg.folded) ? answerUndoReport(turn) : answerReport(turn);
    case 'register':
      return VOCABULARY.adminCommand.test(turn.msg.folded.trim()) ? answerAdmin(turn) : answerRegister(turn);
    case 'help':
      return simple(intent, MESSAGES.help);
    case 'smalltalk':
      return simple(intent, /cam on|thank/.test(turn.msg.folded) ? MESSAGES.thanks : MESSAGES.greeting);
    case 'unknown':
      return simple(intent, MESSAGES.unknown);
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
  if (!choice || state.kind === 'page') return null;
  const index = Number(choice[1]) - 1;
  if (state.kind === 'choose-unit') {
    const unit = turn.k.tree.get(state.unitIds[index] ?? -1);
    if (!unit) return { ...simple(state.intent, MESSAGES.choiceExpired), state: null };
    if (state.intent === 'register') return registerAs(turn, unit);
    return answerUnitTasks(rebuild(state.text), state.intent, unit, unit.id === turn.unit?.id);
  }
  const taskId = state.taskIds[index];
  if (!taskId) return { ...simple(state.intent, MESSAGES.choiceExpired), state: null };
  if (state.intent === 'report_progress')
    return { ...answerReport(rebuild(state.text), taskId), state: null };
  const [task] = toAnswerTasks(turn, [taskId], turn.unit?.id ?? null);
  if (!task) return { ...simple('task_detail', MESSAGES.choiceExpired), state: null };
  const reply = [
    formatTaskDetail(task, turn.k.plansById.get(task.planId)),
    ...progressLines(turn, [taskId]),
  ].join('\n');
  return { intent: 'task_detail', entities: {}, tasks: [task], reply, state: null };
}
