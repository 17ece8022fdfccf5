/** The benchmark's results: a table for people (stdout) and the same figures as JSON for comparisons. */
import type { ChatFigures, TargetVerdict } from './chat-figures.ts';
import type { CorpusFigures, ShippedFigures } from './import-bench.ts';

export interface BenchReport {
  date: string;
  machine: { node: string; platform: string; cpus: number; cpuModel: string };
  options: { quick: boolean; files: number; tasksPerFile: number; seed: number };
  shipped: ShippedFigures;
  corpus: CorpusFigures & { generatedTasks: number; generateSeconds: number };
  chat: {
    rounds: number;
    warmupRounds: number;
    shipped: ChatFigures;
    corpus: ChatFigures;
    target: TargetVerdict;
  };
}

type Row = [label: string, value: string];

const ms = (value: number) => `${value.toFixed(1)} ms`;
const int = (value: number) => Math.round(value).toLocaleString('en-US');

function shippedRows(s: ShippedFigures): Row[] {
  return [
    ['files / tasks', `${s.files} / ${s.tasks}`],
    ['fresh import: mean / p50 / p99', `${ms(s.fresh.meanMs)} / ${ms(s.fresh.p50Ms)} / ${ms(s.fresh.p99Ms)}`],
    ['fresh import: samples, tasks/s', `${s.fresh.samples}, ${int(s.fresh.tasksPerSecond)}`],
    [
      're-import: mean / p50 / p99',
      `${ms(s.reimport.meanMs)} / ${ms(s.reimport.p50Ms)} / ${ms(s.reimport.p99Ms)}`,
    ],
    ['re-import: samples', `${s.reimport.samples}`],
  ];
}

function corpusRows(c: BenchReport['corpus']): Row[] {
  return [
    ['generation', `${c.generateSeconds.toFixed(1)} s (${int(c.generatedTasks)} tasks written)`],
    ['files (failed)', `${int(c.files)} (${c.failed})`],
    ['tasks imported', int(c.tasks)],
    ['units', int(c.units)],
    ['wall time', `${c.wallSeconds.toFixed(1)} s`],
    ['files/s', c.filesPerSecond.toFixed(1)],
    ['tasks/s', int(c.tasksPerSecond)],
    ['peak RSS (process)', `${c.peakRssMb.toFixed(0)} MB`],
    ['database size', `${c.dbSizeMb.toFixed(1)} MB`],
    [
      're-import (unchanged)',
      `${c.reimportSeconds.toFixed(1)} s, ${int(c.reimportUnchanged)}/${int(c.files)} unchanged`,
    ],
  ];
}

function chatRows(c: ChatFigures): Row[] {
  const slowIntents = Object.entries(c.byIntent)
    .sort(([, a], [, b]) => b.p99Ms - a.p99Ms)
    .slice(0, 3)
    .map(([intent, p]) => `${intent} ${ms(p.p99Ms)}`);
  return [
    ['messages × rounds (users)', `${c.messages} × ${c.rounds} = ${int(c.samples)} (${c.users} registered)`],
    ['p50 / p95 / p99 / max', [c.p50Ms, c.p95Ms, c.p99Ms, c.maxMs].map(ms).join(' / ')],
    ['mean, messages/s', `${ms(c.meanMs)}, ${int(c.messagesPerSecond)}`],
    ['first message (builds cache)', ms(c.firstMessageMs)],
    ['intent as expected', `${c.expectedIntents - c.intentMismatches.length}/${c.expectedIntents}`],
    ['highest p99 by intent', slowIntents.join(', ')],
    ...c.slowest.map(
      (s, i): Row => [
        i === 0 ? 'slowest (median / max)' : '',
        `${ms(s.medianMs)} / ${ms(s.maxMs)}  ${s.intent}  “${s.text}” (${s.user})`,
      ],
    ),
  ];
}

function targetLine(t: TargetVerdict): string {
  const goal = `Target: p99 under ${t.p99BelowMs} ms at ${int(t.atTasks)} tasks`;
  const got = `p99 ${ms(t.p99Ms)} at ${int(t.tasks)} tasks`;
  if (t.met === null) return `${goal} — not judged: ${got} (run without --quick)`;
  return `${goal} — ${t.met ? '✔ met' : '✘ NOT met'}: ${got}`;
}

function toTable(title: string, rows: Row[]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
  return [title, ...lines].join('\n');
}

export function formatReport(report: BenchReport): string {
  const { machine, options } = report;
  const head = `nhiemvu import benchmark — Node ${machine.node}, ${machine.platform}, ${machine.cpus} × ${machine.cpuModel}`;
  const corpusTitle = `Generated corpus (${options.files} files × ${options.tasksPerFile} tasks, seed ${options.seed})`;
  return [
    head,
    '',
    toTable(`Shipped plans (data/plans)`, shippedRows(report.shipped)),
    '',
    toTable(corpusTitle, corpusRows(report.corpus)),
    '',
    toTable(
      'Chat core on the shipped plans (utterance corpus, today 2026-11-22)',
      chatRows(report.chat.shipped),
    ),
    '',
    toTable(
      `Chat core on the generated corpus (${int(report.corpus.tasks)} tasks)`,
      chatRows(report.chat.corpus),
    ),
    '',
    targetLine(report.chat.target),
  ].join('\n');
}
