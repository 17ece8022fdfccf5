/**
 * Per-message latency of the chat core: every message of a set sent through `assistant.handle`, a warm-up round
 * first, then several measured rounds. Only the `handle` call is timed; before each message (untimed) the sender's
 * conversation state is cleared and a registration a message changed is put back, so every round asks the same
 * questions as the first. Progress reports a message writes are kept, as a server would keep them.
 */
import { join } from 'node:path';
import { type AskDeps, CLI_CHANNEL } from '../src/cli/ask.ts';
import { createCore } from '../src/compose/core.ts';
import { importFiles } from '../src/import/import-files.ts';
import type { Lexicon } from '../src/ingest/units/lexicon.ts';
import { type Db, openDatabase } from '../src/kb/open.ts';
import { clearState } from '../src/kb/state-repo.ts';
import { approveUser, findUserById, setUserRole, setUserUnit } from '../src/kb/users-repo.ts';
import type { ChatLexicon } from '../src/vi/message.ts';
import { TODAY } from '../test/eval/eval-corpus.ts';
import { type ChatFigures, type Outcome, toChatFigures } from './chat-figures.ts';
import {
  type BenchMessage,
  type BenchUser,
  corpusMessages,
  type MessageSet,
  shippedMessages,
} from './chat-messages.ts';

export interface ChatRunOptions {
  rounds: number;
  warmupRounds: number;
}

interface ChatContext extends ChatRunOptions {
  lexicon: Lexicon;
  chat: ChatLexicon;
}

/** "Now" for every message: the morning of the utterance corpus's day. */
const NOW = new Date(`${TODAY}T09:00:00+07:00`);

/** The same wiring `cli ask` and the eval use. */
function createChatDeps(db: Db, context: ChatContext): AskDeps {
  const { lexicon, chat } = context;
  return createCore(db, lexicon, chat, () => NOW);
}

/** Times the first message the assistant ever handles: it builds the knowledge cache. */
function timeFirstMessage(deps: AskDeps): number {
  const started = performance.now();
  deps.assistant.handle({ channel: CLI_CHANNEL, userKey: 'bench-first', text: 'xin chào', today: TODAY });
  return performance.now() - started;
}

function restoreUser(deps: AskDeps, user: BenchUser): void {
  clearState(deps.db, user.userId);
  const current = findUserById(deps.db, user.userId);
  if (current?.unitId === user.unitId && current.approved && current.role === user.role) return;
  const now = deps.clock();
  setUserUnit(deps.db, user.userId, user.unitId, now);
  approveUser(deps.db, user.userId, now);
  setUserRole(deps.db, user.userId, user.role, now);
}

function sendOnce(deps: AskDeps, user: BenchUser | undefined, message: BenchMessage, key: string): Outcome {
  if (user) restoreUser(deps, user);
  const started = performance.now();
  const answer = deps.assistant.handle({
    channel: CLI_CHANNEL,
    userKey: key,
    text: message.text,
    today: TODAY,
  });
  return { ms: performance.now() - started, intent: answer.intent };
}

/** Every message `warmupRounds + rounds` times; the outcomes of the measured rounds, per message. */
function runChat(deps: AskDeps, set: MessageSet, options: ChatRunOptions): Outcome[][] {
  const users = new Map(set.users.map((u) => [u.key, u]));
  const outcomes: Outcome[][] = set.messages.map(() => []);
  for (let round = 0; round < options.warmupRounds + options.rounds; round++) {
    for (const [i, message] of set.messages.entries()) {
      const user = message.userKey === null ? undefined : users.get(message.userKey);
      const outcome = sendOnce(deps, user, message, message.userKey ?? `bench-new-${i}-${round}`);
      if (round >= options.warmupRounds) outcomes[i]?.push(outcome);
    }
  }
  return outcomes;
}

/** The shipped plans imported into a fresh database, then the utterance corpus's single messages. */
export async function benchChatShipped(
  plansDir: string,
  context: ChatContext & { workDir: string },
): Promise<ChatFigures> {
  const db = openDatabase(join(context.workDir, 'chat-shipped.db'));
  try {
    const imported = await importFiles([plansDir], {
      db,
      lexicon: context.lexicon,
      clock: () => NOW,
      cwd: process.cwd(),
    });
    if (imported.some((r) => r.kind === 'failed')) throw new Error('the shipped plans did not import');
    const deps = createChatDeps(db, context);
    const firstMessageMs = timeFirstMessage(deps);
    const set = shippedMessages(deps);
    return toChatFigures(set, runChat(deps, set, context), { rounds: context.rounds, firstMessageMs });
  } finally {
    db.close();
  }
}

/** The generated corpus (already imported into `db`, which the caller closes): staff of `users` phòng ask. */
export function benchChatCorpus(db: Db, context: ChatContext & { users: number; seed: number }): ChatFigures {
  const deps = createChatDeps(db, context);
  const firstMessageMs = timeFirstMessage(deps);
  const set = corpusMessages(db, { users: context.users, seed: context.seed, now: NOW });
  return toChatFigures(set, runChat(deps, set, context), { rounds: context.rounds, firstMessageMs });
}
