import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ask } from '../../src/cli/ask.ts';
import { createCore } from '../../src/compose/core.ts';
import { importFiles } from '../../src/import/import-files.ts';
import { loadLexicon } from '../../src/import/lexicon-file.ts';
import { intentSchema } from '../../src/intent/intents.ts';
import { openDatabase } from '../../src/kb/open.ts';
import { DEFAULT_LEXICON_PATH, PROJECT_ROOT, SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import type { Block } from '../../src/reply/doc.ts';
import { fold } from '../../src/vi/fold.ts';
import { loadChatLexicon } from '../../src/vi/message.ts';

/**
 * Runs test/fixtures/utterances.jsonl through the bot as `cli ask` would, each single message and each
 * conversation on a fresh copy of the shipped knowledge base, today = 2026-11-22.
 */
const lineSchema = z.object({
  id: z.string(),
  conversation: z.string().nullable(),
  user: z
    .object({
      id: z.string(),
      org: z.string(),
      unit: z.string().nullable(),
      role: z.enum(['staff', 'lead', 'admin']),
    })
    .nullable(),
  text: z.string(),
  expect: z
    .object({
      intent: intentSchema,
      tasks: z
        .object({
          exact: z.array(z.string()).optional(),
          include: z.array(z.string()).optional(),
          exclude: z.array(z.string()).optional(),
        })
        .optional(),
      replyContains: z.array(z.string()).optional(),
      writes: z.boolean().optional(),
    })
    .passthrough(),
});
export type CorpusLine = z.infer<typeof lineSchema>;

export const TODAY = '2026-11-22';
export const CORPUS_PATH = join(PROJECT_ROOT, 'test/fixtures/utterances.jsonl');

export interface LineResult {
  line: CorpusLine;
  intent: string;
  intentOk: boolean;
  /** For lines with an expected task set: true positives, false positives, false negatives. */
  tp: number;
  fp: number;
  fn: number;
  problems: string[];
  /** What the bot said and listed, for `npm run eval -- --verbose` and debugging a miss. */
  reply: string;
  /** The same answer as blocks, as the chat adapters get it. */
  doc: Block[];
  got: string[];
}

export function readCorpus(path = CORPUS_PATH): CorpusLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => lineSchema.parse(JSON.parse(l)));
}

/** Groups lines into cases: a conversation is one case, every other line its own. */
function toCases(lines: CorpusLine[]): CorpusLine[][] {
  const cases: CorpusLine[][] = [];
  for (const line of lines) {
    const last = cases.at(-1);
    if (line.conversation && last?.[0]?.conversation === line.conversation) last.push(line);
    else cases.push([line]);
  }
  return cases;
}

export async function runCorpus(dir: string, corpus = readCorpus()): Promise<LineResult[]> {
  const lexicon = loadLexicon(DEFAULT_LEXICON_PATH);
  const chat = loadChatLexicon();
  const base = join(dir, 'base.db');
  const seed = openDatabase(base);
  await importFiles([SHIPPED_PLANS_DIR], {
    db: seed,
    lexicon,
    clock: () => new Date(`${TODAY}T08:00:00+07:00`),
    cwd: PROJECT_ROOT,
  });
  seed.pragma('wal_checkpoint(TRUNCATE)');
  seed.close();
  const results: LineResult[] = [];
  for (const [n, lines] of toCases(corpus).entries()) {
    const path = join(dir, `case-${n}.db`);
    copyFileSync(base, path);
    const db = openDatabase(path);
    const deps = createCore(db, lexicon, chat, () => new Date(`${TODAY}T09:00:00+07:00`));
    for (const line of lines) results.push(evaluate(line, deps, db));
    db.close();
  }
  return results;
}

function countReports(db: ReturnType<typeof openDatabase>): number {
  return (db.prepare('SELECT count(*) AS n FROM progress_reports').get() as { n: number }).n;
}

function evaluate(
  line: CorpusLine,
  deps: Parameters<typeof ask>[0],
  db: ReturnType<typeof openDatabase>,
): LineResult {
  const before = countReports(db);
  const u = line.user;
  const request = u
    ? {
        text: line.text,
        user: u.id,
        org: u.org,
        ...(u.unit ? { unit: u.unit } : {}),
        role: u.role,
        today: TODAY,
      }
    : { text: line.text, user: `anon-${line.conversation ?? line.id}`, today: TODAY };
  const answer = ask(deps, request);
  const problems: string[] = [];
  const got = new Set(answer.tasks.map((t) => t.id));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const t = line.expect.tasks;
  if (t?.exact) {
    const want = new Set(t.exact);
    tp = [...got].filter((id) => want.has(id)).length;
    fp = got.size - tp;
    fn = want.size - tp;
  } else if (t) {
    const include = t.include ?? [];
    tp = include.filter((id) => got.has(id)).length;
    fn = include.length - tp;
    fp = (t.exclude ?? []).filter((id) => got.has(id)).length;
  }
  if (fp + fn > 0) problems.push(`tasks: +${fp} −${fn}`);
  for (const fragment of line.expect.replyContains ?? []) {
    if (!fold(answer.reply).includes(fold(fragment))) problems.push(`reply lacks “${fragment}”`);
  }
  if (line.expect.writes !== undefined && countReports(db) > before !== line.expect.writes) {
    problems.push(line.expect.writes ? 'report not written' : 'report written');
  }
  return {
    line,
    intent: answer.intent,
    intentOk: answer.intent === line.expect.intent,
    tp,
    fp,
    fn,
    problems,
    reply: answer.reply,
    doc: answer.doc,
    got: [...got],
  };
}

export interface Scores {
  lines: number;
  intentAccuracy: number;
  taskPrecision: number;
  taskRecall: number;
  otherChecks: number;
  otherChecksPassed: number;
}

export function score(results: LineResult[]): Scores {
  const tp = results.reduce((s, r) => s + r.tp, 0);
  const fp = results.reduce((s, r) => s + r.fp, 0);
  const fn = results.reduce((s, r) => s + r.fn, 0);
  const other = results.filter((r) => r.line.expect.replyContains || r.line.expect.writes !== undefined);
  return {
    lines: results.length,
    intentAccuracy: results.filter((r) => r.intentOk).length / results.length,
    taskPrecision: tp + fp === 0 ? 1 : tp / (tp + fp),
    taskRecall: tp + fn === 0 ? 1 : tp / (tp + fn),
    otherChecks: other.length,
    otherChecksPassed: other.filter(
      (r) => !r.problems.some((p) => p.startsWith('reply') || p.startsWith('report')),
    ).length,
  };
}
