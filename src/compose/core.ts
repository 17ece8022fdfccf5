import { type Assistant, createAssistant } from '../core/assistant.ts';
import { createKnowledgeCache, type Knowledge } from '../core/knowledge.ts';
import type { Lexicon } from '../ingest/units/lexicon.ts';
import type { Db } from '../kb/open.ts';
import type { ChatLexicon } from '../vi/message.ts';

/** The conversation core over one database: what every edge (CLI, chat adapters, benches, tests) talks to. */
export interface Core {
  db: Db;
  assistant: Assistant;
  knowledge: () => Knowledge;
  clock: () => Date;
}

/** Wires the core from what is already open and loaded; reads no file and no environment. */
export function createCore(db: Db, lexicon: Lexicon, chat: ChatLexicon, clock: () => Date): Core {
  return {
    db,
    clock,
    assistant: createAssistant({ db, lexicon, chat, clock }),
    knowledge: createKnowledgeCache(db, lexicon, chat),
  };
}
