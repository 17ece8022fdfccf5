import type { Lexicon } from '../ingest/units/lexicon.ts';
import { type ExportedTask, exportTasks } from '../kb/export.ts';
import type { Db } from '../kb/open.ts';
import { findMentions, listPlans, type Mention, type PlanInfo } from '../kb/task-queries.ts';
import { loadUnitTree, treeVersion, type UnitTree } from '../kb/unit-tree.ts';
import { type ChatLexicon, normalizeMessage } from '../vi/message.ts';
import { createBoundedMemo } from './bounded-memo.ts';
import { createTopicCache, type TopicIndex } from './topic-index.ts';
import { createUnitMatcher, type UnitMatcher } from './unit-matcher.ts';

/** What every answer reads, rebuilt only when the knowledge base changes (an import). */
export interface Knowledge {
  version: string;
  /** Topic rows of these plans, tokenized once per knowledge-base version. */
  topics(planIds: readonly string[]): TopicIndex;
  plans: PlanInfo[];
  plansById: Map<string, PlanInfo>;
  tree: UnitTree;
  units: UnitMatcher;
  tokenize: (text: string) => string[];
  /** Tasks in the export shape, by id (only those found); memoised, since only an import changes them. */
  tasks(ids: readonly string[]): Map<string, ExportedTask>;
  /** Rows naming any of the units in these plans (see findMentions); memoised like `tasks`. */
  mentions(unitIds: readonly number[], planIds: readonly string[]): Mention[];
}

/** Bounds for the memos: every task of a large province fits, without holding a 100,000-task corpus. */
const TASK_MEMO_LIMIT = 20_000;
const MENTION_MEMO_LIMIT = 2_000;

export function createKnowledgeCache(db: Db, lexicon: Lexicon, chat: ChatLexicon): () => Knowledge {
  let cached: Knowledge | null = null;
  const tokenize = (text: string) => normalizeMessage(text, chat).tokens;
  return () => {
    const version = treeVersion(db);
    if (cached?.version === version) return cached;
    const plans = listPlans(db);
    const tree = loadUnitTree(db);
    cached = {
      version,
      topics: createTopicCache(db, chat),
      plans,
      plansById: new Map(plans.map((p) => [p.id, p])),
      tree,
      units: createUnitMatcher(tree, lexicon, tokenize),
      tokenize,
      ...taskMemos(db),
    };
    return cached;
  };
}

function taskMemos(db: Db): Pick<Knowledge, 'tasks' | 'mentions'> {
  const tasks = createBoundedMemo<string, ExportedTask>(TASK_MEMO_LIMIT);
  const mentions = createBoundedMemo<string, Mention[]>(MENTION_MEMO_LIMIT);
  return {
    tasks: (ids) => tasks.getMany(ids, (missing) => new Map(exportTasks(db, missing).map((t) => [t.id, t]))),
    mentions: (unitIds, planIds) =>
      mentions.get(`${unitIds.join(',')}|${planIds.join('|')}`, () => findMentions(db, unitIds, planIds)),
  };
}
