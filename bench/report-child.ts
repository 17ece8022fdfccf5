/** Builds and writes one report, then prints its timings and this process's peak memory as JSON (bench only). */
import { statSync } from 'node:fs';
import { openDatabase } from '../src/kb/open.ts';
import { loadUnitTree } from '../src/kb/unit-tree.ts';
import { buildProgressReport } from '../src/report/build.ts';
import { namedPeriod } from '../src/report/period.ts';
import { type ReportFormat, writeReport } from '../src/report/write.ts';

const [dbPath = '', orgName = '', format = 'json', out = ''] = process.argv.slice(2);
const started = performance.now();
const db = openDatabase(dbPath);
const org = loadUnitTree(db)
  .all()
  .find((u) => u.name === orgName && u.kind === 'organisation');
if (!org) throw new Error(`no organisation ${orgName}`);
const data = buildProgressReport(db, {
  org,
  unit: null,
  planId: null,
  year: 2026,
  period: namedPeriod('year', 2026),
  today: '2026-11-22',
});
if ('kind' in data) throw new Error('no plans');
const buildMs = performance.now() - started;
await writeReport(data, format as ReportFormat, out);
const ms = performance.now() - started;
process.stdout.write(
  JSON.stringify({ ms, buildMs, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes: statSync(out).size }),
);
