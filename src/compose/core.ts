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

export interface CoreOptions {
  /**
   * Where people reach this server ("https://bot.so.gov.vn"): the download links of "xuất báo cáo" start with
   * it. The server passes PUBLIC_BASE_URL (adapters/config.ts); without one, the server's default address.
   */
  publicBaseUrl?: string;
}

/** The server's address with its default HOST and PORT (adapters/config.ts), for cores wired without one. */
export const DEFAULT_PUBLIC_BASE_URL = 'http://127.0.0.1:3978';

/** Wires the core from what is already open and loaded; reads no file and no environment. */
export function createCore(
  db: Db,
  lexicon: Lexicon,
  chat: ChatLexicon,
  clock: () => Date,
  options: CoreOptions = {},
): Core {
  const publicBaseUrl = (options.publicBaseUrl ?? DEFAULT_PUBLIC_BASE_URL).replace(/\/+$/, '');
  return {
    db,
    clock,
    assistant: createAssistant({ db, lexicon, chat, clock, publicBaseUrl }),
    knowledge: createKnowledgeCache(db, lexicon, chat),
  };
}
