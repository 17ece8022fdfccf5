import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../src/intent/intents.ts';
import type { Block } from '../../src/reply/doc.ts';
import { toPlainText } from '../../src/reply/plain-text.ts';
import { tempDir } from '../support/kb.ts';
import { type LineResult, readCorpus, runCorpus, score } from './eval-corpus.ts';

/**
 * The utterance corpus (test/fixtures/utterances.jsonl) must stay at the level reached: a change that loses
 * understanding fails here. `npm run eval -- --verbose` lists each miss.
 */
describe('utterance corpus', () => {
  it('covers every intent with at least 300 messages, many typed without diacritics', () => {
    const corpus = readCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    const intents = new Set(corpus.map((l) => l.expect.intent));
    expect([...intents].sort()).toEqual([...INTENTS].sort());
    const plain = corpus.filter(
      (l) => /\p{L}/u.test(l.text) && l.text === l.text.normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
    );
    expect(plain.length / corpus.length).toBeGreaterThan(0.3);
  });

  let corpusRun: Promise<LineResult[]> | undefined;
  const results = () => {
    corpusRun ??= runCorpus(tempDir('nhiemvu-eval-'));
    return corpusRun;
  };

  it('keeps intent accuracy and task-set precision/recall at the level reached', async () => {
    const s = score(await results());
    expect(s.intentAccuracy).toBeGreaterThanOrEqual(0.97);
    expect(s.taskPrecision).toBeGreaterThanOrEqual(0.98);
    expect(s.taskRecall).toBeGreaterThanOrEqual(0.98);
    expect(s.otherChecksPassed).toBe(s.otherChecks);
  }, 120_000);

  // The core says what, the adapters say how: no answer decides a line break or marks anything up itself.
  it('answers every message in neutral blocks: one line each, no Markdown, the plain reply made from them', async () => {
    const all = await results();
    const texts = (b: Block) => Object.values(b).filter((v): v is string => typeof v === 'string');
    const broken = all.filter((r) => r.doc.some((b) => texts(b).some((t) => t.includes('\n'))));
    expect(broken.map((r) => r.line.id)).toEqual([]);
    expect(all.filter((r) => r.reply !== toPlainText(r.doc)).map((r) => r.line.id)).toEqual([]);
    expect(all.filter((r) => /\*\*|\\[*_.]|^#+ /m.test(r.reply)).map((r) => r.line.id)).toEqual([]);
    expect(all.every((r) => r.doc.length > 0)).toBe(true);
  }, 120_000);
});
