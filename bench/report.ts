/** The benchmark's results: a table for people (stdout) and the same figures as JSON for comparisons. */
import type { ChatFigures, TargetVerdict } from './chat-figures.ts';
import type { CorpusFigures, ShippedFigures } from './import-bench.ts';
import type { WebhookFigures } from './webhook-bench.ts';

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
  webhook: WebhookFigures | null;
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

function webhookRows(w: WebhookFigures): Row[] {
  const d = w.deliveries;
  const e = w.endToEnd;
  const peak = Math.max(0, ...w.sentPerSecond.slice(0, w.seconds));
  return [
    ['users (registered, approved)', `${w.users} (${w.registered})`],
    ['load', `${w.seconds} s, ${w.connections} connections, after ${w.warmupSeconds} s warm-up`],
    ['webhook requests/s (accepted)', `${int(w.http.requestsPerSecond)} (${int(w.http.accepted)} × 200)`],
    ['non-2xx / errors / timeouts', `${w.http.non2xx} / ${w.http.errors} / ${w.http.timeouts}`],
    [
      'HTTP latency p50 / p90 / p99 / max',
      [w.http.p50Ms, w.http.p90Ms, w.http.p99Ms, w.http.maxMs].map(ms).join(' / '),
    ],
    [
      'replies/s end to end',
      `${int(e.repliesPerSecond)} (${int(d.replies)} in ${e.firstRequestToLastReplySeconds.toFixed(1)} s)`,
    ],
    [
      'answered during load',
      `${int(e.answeredDuringLoadPerSecond)}/s, backlog at stop ${int(e.backlogAtLoadEnd)}`,
    ],
    ['last request → last reply', ms(e.lastReplyAfterLastRequestMs)],
    ['sendMessage/s (peak second)', int(peak)],
    ['pieces (replies split)', `${int(d.pieces)} (${int(d.splitReplies)})`],
    [
      'claimed / handled',
      `${int(d.claimed)} / ${int(d.handled)} (${d.claimedNotAcknowledged} in flight at stop)`,
    ],
    ['lost / doubled / malformed', `${d.lost} / ${d.doubled} / ${d.malformed} ${d.ok ? '✔' : '✘'}`],
    [
      'CPU, % of one core',
      `bot ${w.cpu.botPercent.toFixed(0)} %, load generator + fake Zalo ${w.cpu.benchPercent.toFixed(0)} %`,
    ],
  ];
}

export function webhookTargetLine(w: WebhookFigures): string {
  const goal = `Target: ≥ ${int(w.target.messagesPerSecond)} messages/s end to end, no lost or doubled reply`;
  const got = `${int(w.endToEnd.repliesPerSecond)}/s, lost ${w.deliveries.lost}, doubled ${w.deliveries.doubled}`;
  if (w.target.met === null) return `${goal} — not judged: ${got} (run without --quick)`;
  return `${goal} — ${w.target.met ? '✔ met' : '✘ NOT met'}: ${got}`;
}

export function formatWebhook(w: WebhookFigures): string {
  const title = 'Zalo webhook, end to end (bot server + fake Zalo API on 127.0.0.1, shipped plans)';
  return [toTable(title, webhookRows(w)), '', webhookTargetLine(w)].join('\n');
}

function toTable(title: string, rows: Row[]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
  return [title, ...lines].join('\n');
}

export function machineLine(machine: BenchReport['machine']): string {
  return `nhiemvu benchmark — Node ${machine.node}, ${machine.platform}, ${machine.cpus} × ${machine.cpuModel}`;
}

export function formatReport(report: BenchReport): string {
  const { machine, options } = report;
  const head = machineLine(machine);
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
    ...(report.webhook ? ['', formatWebhook(report.webhook)] : []),
  ].join('\n');
}
