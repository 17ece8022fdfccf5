import { findTimeRange, type TimeRange } from '../intent/entities/time-range.ts';
import { findRelativeYear } from '../intent/entities/year.ts';
import { isFollowUp, mergeFrames, type Said } from '../intent/frame/follow-up.ts';
import { frameOf, type QueryFrame } from '../intent/frame/frame.ts';
import { parseFrame, pointsAtLastTask, speaksOfSelf } from '../intent/frame/parse.ts';
import { OPERATOR_QUESTION, OPERATOR_WORDS } from '../intent/frame/restrictions.ts';
import { WHOLE_ORGANISATION } from '../intent/frame/subject-words.ts';
import { timeWordIndexes } from '../intent/frame/topic-words.ts';
import type { Intent } from '../intent/intents.ts';
import { TOPIC_CUES, TOPIC_ENDS } from '../intent/topic-vocabulary.ts';
import { VOCABULARY as V } from '../intent/vocabulary.ts';
import type { UnitNode } from '../kb/unit-tree.ts';
import { doc } from '../reply/doc.ts';
import { MESSAGES } from '../reply/messages.ts';
import { chooseUnit } from './handlers/choose-unit.ts';
import { executeQuery } from './query/execute.ts';
import { topicWordsOf } from './topic-search.ts';
import type { HandlerResult, LastQuery, Turn } from './types.ts';

/**
 * A question about tasks: its words become one frame (src/intent/frame/), a follow-up's frame is completed from
 * the last one, and the executor answers it.
 */
export function answerQuestion(
  turn: Turn,
  intent: Intent,
  last: LastQuery | null,
  chosen: UnitNode | null,
): HandlerResult {
  const named = chosen ?? namedUnit(turn, intent);
  if (named && 'doc' in named) return named;
  const unit = named as UnitNode | null;
  const folded = turn.msg.folded;
  const followUp = last !== null && (isFollowUp(folded) || pointsAtLastTask(folded));
  if (!followUp && intent === 'unit_tasks' && !unit && !WHOLE_ORGANISATION.test(folded))
    return {
      intent,
      entities: {},
      tasks: [],
      doc: doc(MESSAGES.unitNotFound(turn.msg.text.slice(0, 60))),
      state: null,
    };
  const frame = parseFrame({
    folded,
    intent,
    ref: turn.refs[0] ?? null,
    unit: unit ? { unitId: unit.id, name: unit.name } : null,
    // "trong năm nay … có hạn chót": for a deadline question a whole year is the period; elsewhere it picks plans.
    timeRange:
      intent === 'deadlines' ? findTimeRange(folded, turn.today) : questionPeriod(folded, turn.today),
    year: turn.year ?? findRelativeYear(folded, turn.today),
    planNumber: turn.planNumber,
    appendix: turn.appendix,
    topic: topicWords(turn),
    cuedTopic: cuedTopicWords(turn),
    responsibility: turn.responsibility,
  });
  const pointed = pointsAtLastTask(folded) && turn.refs.length === 0 && unit === null;
  if (pointed && frame.topic.length === 0 && !last?.focus)
    return { intent, entities: { frame }, tasks: [], doc: doc(MESSAGES.whichTask), state: null };
  if (!followUp || !last) return keepFocus(executeQuery(turn, frame), last);
  const now: QueryFrame =
    pointed && last.focus ? { ...frame, subject: { kind: 'task', ref: null, taskIds: [last.focus] } } : frame;
  const said: Said = {
    subject: now.subject.kind !== 'me' || speaksOfSelf(folded),
    responsibility: V.leadOnly.test(folded) || V.coordinateOnly.test(folded) || V.both.test(folded),
    year: frame.year !== null || frame.planNumber !== null,
    asked:
      intent !== 'my_tasks' && intent !== 'unit_tasks' && intent !== 'topic_tasks' && frame.asked !== 'list',
  };
  return keepFocus(executeQuery(turn, mergeFrames(last.frame, now, said)), last);
}

/** An answer that showed no task leaves "nhiệm vụ đó" meaning the one shown before it. */
function keepFocus(answer: HandlerResult, last: LastQuery | null): HandlerResult {
  if (answer.state?.kind !== 'last' || answer.tasks.length > 0 || !last?.focus) return answer;
  return { ...answer, state: { kind: 'last', last: { ...answer.state.last, focus: last.focus } } };
}

/** A task frame for the task a numbered choice picked: "nhiệm vụ đó" then means it. */
export function taskFrame(taskIds: string[]): QueryFrame {
  return frameOf({ kind: 'task', ref: null, taskIds }, 'detail');
}

/** "năm 2024" picks the plans, it does not ask about deadlines: a whole calendar year is no period. */
export function questionPeriod(folded: string, today: string): TimeRange | null {
  const range = findTimeRange(folded, today);
  if (!range) return null;
  const wholeYear =
    range.from.endsWith('-01-01') &&
    range.to.endsWith('-12-31') &&
    range.from.slice(0, 4) === range.to.slice(0, 4);
  return wholeYear ? null : range;
}

function usedIndexes(turn: Turn): Set<number> {
  return new Set([...turn.units.flatMap((u) => range(u.start, u.end)), ...timeWordIndexes(turn.msg.tokens)]);
}

/** The message's topic words: what is left once unit names, periods and question words are taken out. */
export function topicWords(turn: Turn): string[] {
  const words = topicWordsOf(turn.msg.tokens, usedIndexes(turn));
  return OPERATOR_QUESTION.test(turn.msg.folded) ? words.filter((w) => !OPERATOR_WORDS.has(w)) : words;
}

/**
 * The topic of a question about someone's tasks, only where the message introduces one ("việc công bố chỉ số
 * CCHC", "về tuyển dụng"): leftover words of "anh em phòng mình đang phụ trách những việc gì nhỉ" are no topic,
 * and as a filter they would empty the list.
 */
export function cuedTopicWords(turn: Turn): string[] {
  const tokens = turn.msg.tokens;
  const used = usedIndexes(turn);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const cue = TOPIC_CUES.find((c) => c.every((w, k) => tokens[i + k] === w));
    if (!cue) continue;
    let j = i + cue.length;
    const segment: string[] = [];
    for (; j < tokens.length && !used.has(j); j++) {
      const w = tokens[j] ?? '';
      if (TOPIC_ENDS.has(w) || speaksOfSelf(`${w} ${tokens[j + 1] ?? ''}`)) break;
      segment.push(w);
    }
    out.push(...topicWordsOf(segment, new Set()));
    i = j - 1;
  }
  return [...new Set(out)];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/**
 * The one unit a question names, or a numbered choice when the name belongs to several organisations. With a
 * unit and its organisation both named, in either order ("Sở Xây dựng phòng KHTC"), the unit.
 */
function namedUnit(turn: Turn, intent: Intent): UnitNode | HandlerResult | null {
  const matches = turn.units.filter((u) => u.candidates.length > 0);
  const inNamedOrg = matches.find(
    (m) =>
      m.candidates.length === 1 &&
      matches.some((o) => o !== m && o.candidates.some((c) => c.id === m.candidates[0]?.parentId)),
  );
  const match = inNamedOrg ?? matches[0];
  if (!match) return null;
  if (match.candidates.length === 1) return match.candidates[0] ?? null;
  return chooseUnit(turn, intent, match.candidates);
}
