/** `npm run eval`: intent accuracy and task-set precision/recall on the utterance corpus. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCorpus, score } from './eval-corpus.ts';

const verbose = process.argv.includes('--verbose');
const dir = mkdtempSync(join(tmpdir(), 'nhiemvu-eval-'));
const results = await runCorpus(dir);
rmSync(dir, { recursive: true, force: true });
const s = score(results);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const byIntent = new Map<string, { n: number; ok: number }>();
for (const r of results) {
  const e = byIntent.get(r.line.expect.intent) ?? { n: 0, ok: 0 };
  e.n++;
  if (r.intentOk) e.ok++;
  byIntent.set(r.line.expect.intent, e);
}
console.log(`Utterances: ${s.lines}`);
console.log(`Intent accuracy: ${pct(s.intentAccuracy)}`);
console.log(`Task precision: ${pct(s.taskPrecision)}   recall: ${pct(s.taskRecall)}`);
console.log(`Reply/write checks: ${s.otherChecksPassed}/${s.otherChecks}`);
for (const [intent, e] of [...byIntent].sort()) console.log(`  ${intent.padEnd(20)} ${e.ok}/${e.n}`);
if (verbose) {
  for (const r of results.filter((x) => !x.intentOk || x.problems.length > 0)) {
    console.log(
      `✘ ${r.line.id} [${r.line.expect.intent} → ${r.intent}] ${r.problems.join('; ')} :: ${r.line.text.slice(0, 90)}`,
    );
  }
}
