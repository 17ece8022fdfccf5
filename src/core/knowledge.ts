import type { Lexicon } from '../ingest/units/lexicon.ts';
import type { Db } from '../kb/open.ts';
import { listPlans, type PlanInfo } from '../kb/task-queries.ts';
import { loadUnitTree, treeVersion, type UnitTree } from '../kb/unit-tree.ts';
import { type ChatLexicon, normalizeMessage } from '../vi/message.ts';
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
}

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
    };
    return cached;
  };
}
