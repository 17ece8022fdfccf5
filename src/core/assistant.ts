import type { Lexicon } from '../ingest/units/lexicon.ts';
import { classify } from '../intent/classify.ts';
import { findProgress } from '../intent/entities/progress.ts';
import { findTaskRefs } from '../intent/entities/task-ref.ts';
import { findAppendix, findPlanNumber, findYear } from '../intent/entities/year.ts';
import { isFollowUp } from '../intent/frame/follow-up.ts';
import { pointsAtLastTask } from '../intent/frame/parse.ts';
import { findAskedSentence, isPastedText } from '../intent/pasted.ts';
import { VOCABULARY } from '../intent/vocabulary.ts';
import type { Db } from '../kb/open.ts';
import { changesSoFar } from '../kb/prepared.ts';
import { clearState, loadState, saveState } from '../kb/state-repo.ts';
import { ensureUser, findUser, setDisplayName } from '../kb/users-repo.ts';
import { doc, docWords, text } from '../reply/doc.ts';
import { MESSAGES, REGISTER_EXAMPLE } from '../reply/messages.ts';
import { toPlainText } from '../reply/plain-text.ts';
import { type ChatLexicon, normalizeMessage } from '../vi/message.ts';
import { todayIn } from './clock.ts';
import { dispatch, isQuestionIntent, resumeState } from './dispatch.ts';
import { createKnowledgeCache } from './knowledge.ts';
import { answerQuestion, questionPeriod } from './question.ts';
import type { ResponsibilityFilter } from './responsibility.ts';
import type { Answer, ConversationState, HandlerResult, Inbound, LastQuery, Turn } from './types.ts';

export interface AssistantDeps {
  db: Db;
  lexicon: Lexicon;
  chat: ChatLexicon;
  clock: () => Date;
  /** Base of the links the bot gives (download links), without a trailing slash. */
  publicBaseUrl: string;
}

export interface Assistant {
  handle(inbound: Inbound): Answer;
  /**
   * True when the turn that gave this answer wrote nothing but the follow-up memory (the last question's frame):
   * answering it afresh on a redelivery is harmless, so its answer need not be stored (src/core/answer-once.ts).
   */
  replayable?(answer: Answer): boolean;
}

/** Conversation state lives this long: long enough to answer "2" or "xem tiếp", short enough not to surprise. */
const STATE_TTL_MS = 30 * 60 * 1000;

function responsibilityOf(folded: string): ResponsibilityFilter {
  const lead = VOCABULARY.leadOnly.test(folded);
  const coordinate = VOCABULARY.coordinateOnly.test(folded);
  if (VOCABULARY.both.test(folded) || lead === coordinate) return 'both';
  return lead ? 'lead' : 'coordinate';
}

/** The core: a message in, a Vietnamese answer out. Knows nothing of Zalo or Teams. */
export function createAssistant(deps: AssistantDeps): Assistant {
  const knowledge = createKnowledgeCache(deps.db, deps.lexicon, deps.chat);
  const buildTurn = (inbound: Inbound, text: string): Turn => {
    const now = deps.clock();
    const known = findUser(deps.db, inbound.channel, inbound.userKey);
    const firstContact = known === null;
    const named = inbound.displayName?.trim() || null;
    const user = known ?? ensureUser(deps.db, inbound.channel, inbound.userKey, now);
    // Only a change is written: the name shown on the platform, for the console's list of people.
    if (named !== null && user.displayName !== named) {
      setDisplayName(deps.db, user.id, named, now);
      user.displayName = named;
    }
    const k = knowledge();
    const unit = user.unitId !== null ? (k.tree.get(user.unitId) ?? null) : null;
    const org = unit ? (k.tree.orgOf(unit.id) ?? null) : null;
    const msg = normalizeMessage(text, deps.chat);
    return {
      db: deps.db,
      k,
      user,
      unit,
      org,
      msg,
      chat: inbound.chat ?? { id: inbound.userKey, isGroup: false },
      firstContact,
      now,
      today: inbound.today ?? todayIn(now),
      units: k.units.find(msg.tokens, org?.id ?? null),
      refs: findTaskRefs(msg.folded),
      year: findYear(msg.folded),
      planNumber: findPlanNumber(msg.folded),
      appendix: findAppendix(msg.folded),
      responsibility: responsibilityOf(msg.folded),
      publicBaseUrl: deps.publicBaseUrl,
    };
  };

  // One transaction per message: its writes (user, state, report) land together or not at all, in one commit.
  const replayable = new WeakSet<Answer>();
  const handle = (inbound: Inbound): Answer => {
    const before = changesSoFar(deps.db);
    // A long story ending in a question is answered as that question (the story stays in `raw` for nothing else).
    const turn = buildTurn(inbound, findAskedSentence(inbound.text) ?? inbound.text);
    const state = loadState(deps.db, turn.user.id, turn.now) as ConversationState | null;
    const resumed = state ? resumeState(turn, state, (text) => buildTurn(inbound, text)) : null;
    const last = state?.kind === 'last' || state?.kind === 'page' ? (state.last ?? null) : null;
    const result: HandlerResult = resumed ?? respond(turn, last);
    const onlyMemory =
      !resumed && changesSoFar(deps.db) === before && (!result.state || result.state.kind === 'last');
    if (result.state)
      saveState(deps.db, turn.user.id, result.state, new Date(turn.now.getTime() + STATE_TTL_MS));
    else if (state !== null && (result.state === null || !resumed)) clearState(deps.db, turn.user.id);
    const { state: _state, ...answer } = result;
    const notes: (string | null)[] = [
      turn.msg.truncated ? MESSAGES.truncated : null,
      // Someone new who has not said where they work is invited to register, whatever they asked first — unless
      // the answer already asks them to (it carries the same example): the invitation is said once.
      // It follows the answer rather than opening the reply: the answer is what was asked, the line a phone's
      // notification and a Teams card show first (a card keeps trailing lines as notes below the list).
      turn.firstContact &&
      !turn.unit &&
      answer.intent !== 'register' &&
      !turn.chat.isGroup &&
      !docWords(answer.doc).includes(REGISTER_EXAMPLE)
        ? MESSAGES.firstContact(answer.intent === 'smalltalk')
        : null,
    ];
    const said = doc(answer.doc, ...notes.map((n) => n !== null && text(n, 'note')));
    const final: Answer = { ...answer, doc: said, reply: toPlainText(said) };
    // A sign-in link is never stored with the answer (inbound_updates keeps answers in plain text, and the link
    // is a key to the console): a redelivery makes a new link instead, which harms nothing.
    if (onlyMemory || answer.intent === 'console_login') replayable.add(final);
    return final;
  };
  const inTransaction = deps.db.transaction(handle);
  return { handle: (inbound) => inTransaction(inbound), replayable: (answer) => replayable.has(answer) };
}

function respond(turn: Turn, last: LastQuery | null): HandlerResult {
  if (turn.msg.folded.trim() === '')
    return { intent: 'unknown', entities: {}, tasks: [], doc: doc(MESSAGES.empty) };
  if (VOCABULARY.paging.test(turn.msg.folded)) {
    return { intent: 'unknown', entities: {}, tasks: [], doc: doc(MESSAGES.noMorePages), state: null };
  }
  // An article or a forwarded notice asks nothing: its words would only start a search over every plan.
  if (isPastedText(turn.msg.raw))
    return { intent: 'unknown', entities: {}, tasks: [], doc: doc(MESSAGES.notAQuestion) };
  const intent = classify(turn.msg.folded, {
    taskRef: turn.refs.length > 0,
    unit: turn.units.some((u) => u.candidates.length > 0),
    timeRange: questionPeriod(turn.msg.folded, turn.today) !== null,
    progress: (() => {
      const p = findProgress(turn.msg.folded);
      return p.status !== null || p.percent !== null || p.actual !== null || p.invalid !== null;
    })(),
  });
  // "năm ngoái thì sao?", "nhiệm vụ đó hạn bao giờ?": a follow-up of the last question, whatever the rules saw.
  const followUp =
    last !== null &&
    (isFollowUp(turn.msg.folded) || pointsAtLastTask(turn.msg.folded)) &&
    (isQuestionIntent(intent) || intent === 'unknown' || intent === 'smalltalk' || intent === 'help');
  if (followUp) return answerQuestion(turn, isQuestionIntent(intent) ? intent : 'my_tasks', last, null);
  return dispatch(turn, intent, last);
}
