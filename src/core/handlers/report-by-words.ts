import { REPORT_NOISE_PHRASES, REPORT_NOISE_WORDS } from '../../intent/report-vocabulary.ts';
import type { UnitNode } from '../../kb/unit-tree.ts';
import { MESSAGES } from '../../reply/messages.ts';
import { fold } from '../../vi/fold.ts';
import { askerScope } from '../answer-tasks.ts';
import { findResponsibleTasks } from '../responsibility.ts';
import { chooseTask } from '../task-lookup.ts';
import type { TopicIndex } from '../topic-index.ts';
import { correct, searchTopic, topicWordsOf } from '../topic-search.ts';
import type { Entities, HandlerResult, Turn } from '../types.ts';

const R = MESSAGES.report;
/** Fewer words than this name no task reliably ("xong việc đó rồi"): a wrong record is worse than a question. */
const MIN_WORDS = 2;
/** More matches than this is no choice to offer. */
const MAX_CHOICES = 9;
/** A task is a plausible match when its text has this share of the report's words. */
const PLAUSIBLE_SHARE = 0.6;
const MIN_SLIP_LENGTH = 5;

/**
 * A report that names its task by words ("bên em làm xong việc số hóa hồ sơ rồi"): the words are matched with the
 * topic search over the plans in the reporting unit's default scope, and only the tasks that unit leads or
 * coordinates (directly or through a collective) may be picked. Returns the one task to record, or the answer to
 * give instead (a numbered choice, or why nothing was written). A single match the unit is not responsible for is
 * returned too, so that `authorize` refuses it with its usual reason and the task shown.
 */
export function findTaskByWords(
  turn: Turn,
  lookup: Turn,
  unit: UnitNode,
  entities: Entities,
  refuse: (reply: string) => HandlerResult,
): { taskId: string } | HandlerResult {
  const words = reportWords(turn);
  if (words.length < MIN_WORDS) return refuse(R.byWordsNeedMore);
  entities.topic = words.join(' ');
  const topic = asTyped(turn, words);
  const scope = askerScope(lookup);
  const index = turn.k.topics(scope.planIds);
  const scored = scoreRows(words, index);
  if (scored.length === 0) return refuse(R.byWordsNotFound(unit.name, topic));
  const responsible = new Set(
    findResponsibleTasks(turn.k.mentions, turn.k.tree, unit.id, scope.planIds, 'both').map((t) => t.taskId),
  );
  const mine = scored.filter((s) => responsible.has(s.id));
  if (mine.length === 0) {
    const [only, ...others] = scored;
    // One task matches and the unit is not on it: `authorize` refuses with its usual reason, the task shown.
    return only && others.length === 0
      ? { taskId: only.id }
      : refuse(R.byWordsNotResponsible(unit.name, topic));
  }
  const whole = mine.filter((s) => s.complete);
  const [clear] = whole;
  if (clear && whole.length === 1) return { taskId: clear.id };
  const offered = (whole.length > 1 ? whole : mine).map((s) => s.id);
  if (offered.length > MAX_CHOICES) return refuse(R.byWordsTooMany(offered.length, topic));
  // A single match that lacks some of the words is asked about, never recorded on a guess.
  const header = offered.length === 1 ? R.byWordsConfirm(topic) : R.byWordsChoice(topic);
  return chooseTask(lookup, 'report_progress', entities, offered, turn.msg.text, header);
}

interface Scored {
  id: string;
  /** Every word of the report is in the task's own text (not only in its section's title). */
  complete: boolean;
}

/**
 * The topic search's matches that stay plausible when a word counts only if the task's own text has it as typed
 * or with a one-letter slip ("tuyen dunng"): the search's looser spelling correction may turn an unknown word
 * into an unrelated one ("chay" → "chi"), which is fine for a list but not for a write.
 */
function scoreRows(words: string[], index: TopicIndex): Scored[] {
  const fixed = correct(words, index);
  const trusted = fixed.filter((w, i) => w === words[i] || isSlip(words[i] ?? '', w));
  const needed = Math.max(MIN_WORDS, Math.ceil(words.length * PLAUSIBLE_SHARE));
  return searchTopic(words, index)
    .map((row) => ({ id: row.id, found: trusted.filter((w) => row.words.has(w)).length }))
    .filter((s) => s.found >= needed)
    .map((s) => ({ id: s.id, complete: s.found === words.length }));
}

/**
 * At most one letter added, dropped or changed, in a word long enough for that to be a typo: in a shorter
 * syllable one letter makes another word ("chay", "chat", "chan").
 */
function isSlip(typed: string, known: string): boolean {
  if (typed.length < MIN_SLIP_LENGTH || Math.abs(typed.length - known.length) > 1) return false;
  let i = 0;
  while (i < typed.length && typed[i] === known[i]) i++;
  const tail = (a: number, b: number) => typed.slice(a) === known.slice(b);
  return tail(i + 1, i + 1) || tail(i + 1, i) || tail(i, i + 1);
}

/** The message's words that may name a task: without unit names, report verbs, statuses and filler. */
function reportWords(turn: Turn): string[] {
  const tokens = turn.msg.tokens;
  const noise = new Set<number>();
  // Only names matched exactly: a near match ("hồ sơ" close to a unit's name) may be the task's own words.
  for (const u of turn.units) if (u.exact) for (let i = u.start; i < u.end; i++) noise.add(i);
  tokens.forEach((token, i) => {
    const phrase = REPORT_NOISE_PHRASES.find((p) => p.every((w, k) => tokens[i + k] === w));
    if (phrase) for (let k = 0; k < phrase.length; k++) noise.add(i + k);
    // "đạt 60%", "được 60%": a percentage's verb; "đạt" elsewhere may be content.
    const beforeNumber = (token === 'dat' || token === 'duoc') && /\d/.test(tokens[i + 1] ?? '');
    if (REPORT_NOISE_WORDS.has(token) || beforeNumber) noise.add(i);
  });
  // A repeated word ("cháy … cháy") counts once, or it would count twice towards a match.
  return [...new Set(topicWordsOf(tokens, noise))];
}

/** The words as the person typed them ("bồi dưỡng"), for the reply; a word from expanded shorthand stays folded. */
function asTyped(turn: Turn, words: string[]): string {
  const typed = new Map<string, string>();
  for (const token of turn.msg.text.split(/[^\p{L}\p{N}%]+/u)) {
    const key = fold(token);
    if (!typed.has(key)) typed.set(key, token.toLowerCase());
  }
  return words.map((w) => typed.get(w) ?? w).join(' ');
}
