import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../src/intent/intents.ts';
import { tempDir } from '../support/kb.ts';
import { readCorpus, runCorpus, score } from './eval-corpus.ts';

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

  it('keeps intent accuracy and task-set precision/recall at the level reached', async () => {
    const s = score(await runCorpus(tempDir('nhiemvu-eval-')));
    expect(s.intentAccuracy).toBeGreaterThanOrEqual(0.97);
    expect(s.taskPrecision).toBeGreaterThanOrEqual(0.98);
    expect(s.taskRecall).toBeGreaterThanOrEqual(0.98);
    expect(s.otherChecksPassed).toBe(s.otherChecks);
  }, 120_000);
});
