import { beforeAll, describe, expect, it } from 'vitest';
import { loadUnitTree } from '../../src/kb/unit-tree.ts';
import { buildProgressReport, type ReportRequest } from '../../src/report/build.ts';
import { parsePeriod, periodOn } from '../../src/report/period.ts';
import { unitStatus, worstStatus } from '../../src/report/status.ts';
import type { ProgressReportData, TaskRow } from '../../src/report/types.ts';
import { createTestBot, SNV_CCVC, SNV_TCBC, TODAY } from '../support/bot.ts';

/**
 * The report built from what staff reported in chat (today 2026-11-22, reports dated that day), on the Sở Nội vụ
 * 2026 plan: V.4 has two lead units (Phòng Công chức, viên chức and Văn phòng Sở, due 31/12/2026), I.3 was due
 * 31/03/2026, V.2 is "Thường xuyên", I.6 is due 31/12/2026, I.5 (30/09/2026) and III.8 (30/09/2026) nobody reported.
 */
const TCBC = SNV_TCBC;
const SNV = 'snv-2026-cchc/';

let report: ProgressReportData;
let q3: ProgressReportData;

function task(data: ProgressReportData, id: string): Extract<TaskRow, { kind: 'task' }> {
  const row = data.tasks.find((t) => t.kind === 'task' && t.taskId === `${SNV}${id}`);
  if (row?.kind !== 'task') throw new Error(`no task ${id}`);
  return row;
}

beforeAll(async () => {
  const { db, say } = await createTestBot();
  for (const [who, text] of [
    [SNV_CCVC, 'báo cáo nhiệm vụ V.4 đã hoàn thành'],
    [SNV_CCVC, 'báo cáo nhiệm vụ V.2 đạt 50%'],
    [TCBC, 'báo cáo nhiệm vụ I.3 đã hoàn thành'],
    [TCBC, 'báo cáo nhiệm vụ I.6 đạt 60%'],
  ] as const) {
    expect(say({ ...who, text }).intent).toBe('report_progress');
  }
  const tree = loadUnitTree(db);
  const org = tree.all().find((u) => u.name === 'Sở Nội vụ');
  if (!org) throw new Error('no Sở Nội vụ');
  const request = (period: string): ReportRequest => {
    const p = parsePeriod(period, 2026, TODAY);
    if (!p) throw new Error(period);
    return { org, unit: null, planId: null, year: null, period: p, today: TODAY };
  };
  const built = buildProgressReport(db, request('q4'));
  const before = buildProgressReport(db, request('q3'));
  if ('kind' in built || 'kind' in before) throw new Error('no report');
  report = built;
  q3 = before;
});

describe('statuses as of the cut-off, from the reports', () => {
  it('a task with two lead units: each unit’s own status, the task the worse of them', () => {
    const v4 = task(report, 'V/4');
    expect(v4.results.map((r) => [r.unit, r.status, r.text])).toEqual([
      ['Phòng Công chức, viên chức', 'done_on_time', 'Đã hoàn thành'],
      ['Văn phòng Sở', 'no_report', ''],
    ]);
    expect(v4.status).toBe('no_report');
    expect(v4.results[0]?.reportedOn).toBe('2026-11-22');
  });

  it('done after the due day is done late; a report of 60% before it is in progress; ongoing stays ongoing', () => {
    expect(task(report, 'I/3').status).toBe('done_late');
    const i6 = task(report, 'I/6');
    expect(i6.status).toBe('in_progress');
    expect(i6.results[0]?.text).toBe('Đang thực hiện, 60%');
    expect(task(report, 'V/2').status).toBe('ongoing');
    expect(task(report, 'V/2').results[0]?.text).toBe('Đang thực hiện, 50%');
  });

  it('past due with no report is overdue; the plan’s own "Đã hoàn thành" counts as done', () => {
    expect(task(report, 'I/5').status).toBe('overdue');
    expect(task(report, 'III/8').status).toBe('overdue');
    expect(task(report, 'I/2').status).toBe('done_on_time');
  });

  it('a report made after the cut-off does not count (Q3 cut-off 14/09/2026)', () => {
    expect(q3.period.to).toBe('2026-09-14');
    expect(task(q3, 'V/4').results[0]?.status).toBe('no_report');
    expect(task(q3, 'I/3').status).toBe('overdue');
  });
});

describe('the summary', () => {
  it('counts each lead unit’s tasks by its own status, and the total counts each task once', () => {
    const tcbc = report.summary.find((r) => r.unit === TCBC.unit);
    expect(tcbc?.counts.done_late).toBe(1);
    expect(tcbc?.counts.in_progress).toBe(1);
    expect(tcbc?.counts.overdue).toBe(1);
    const total = report.summary.at(-1);
    expect(total?.isTotal).toBe(true);
    const tasks = report.tasks.filter((t) => t.kind === 'task');
    expect(total?.total).toBe(tasks.length);
    expect(total?.counts.overdue).toBe(tasks.filter((t) => t.status === 'overdue').length);
    expect(total?.overdueRate).toBe(Math.round(((total?.counts.overdue ?? 0) / tasks.length) * 1000) / 10);
  });

  it('keeps the plan’s order and sections', () => {
    expect(report.tasks[0]).toMatchObject({ kind: 'section', code: 'I' });
    expect(report.plans.map((p) => p.id)).toEqual(['snv-2026-cchc']);
    expect(report.period.label).toBe('Quý IV năm 2026');
  });
});

describe('periods and the status function', () => {
  it('follow the Ministry’s cut-offs (the 14th), and the period of a day', () => {
    expect(parsePeriod('q1', 2026, TODAY)).toMatchObject({ from: '2025-12-15', to: '2026-03-14' });
    expect(parsePeriod('h1', 2026, TODAY)).toMatchObject({ from: '2025-12-15', to: '2026-06-14' });
    expect(parsePeriod('year', 2026, TODAY)).toMatchObject({ from: '2025-12-15', to: '2026-12-14' });
    expect(parsePeriod('2026-10-01..2026-11-22', null, TODAY)).toMatchObject({
      key: 'custom',
      to: '2026-11-22',
    });
    expect(parsePeriod('q5', null, TODAY)).toBeNull();
    expect(parsePeriod('2026-11-31..2026-12-01', null, TODAY)).toBeNull();
    expect(periodOn('2026-11-22').key).toBe('q4');
    expect(periodOn('2026-12-15').key).toBe('year');
    expect(periodOn('2026-03-14').key).toBe('q1');
  });

  it('the due day is on time; worst of several', () => {
    const dated = { kind: 'date', due: '2026-09-30' };
    expect(unitStatus(dated, { status: 'done', day: '2026-09-30' }, '2026-12-14')).toBe('done_on_time');
    expect(unitStatus(dated, { status: 'done', day: '2026-10-01' }, '2026-12-14')).toBe('done_late');
    expect(unitStatus(dated, { status: 'in_progress', day: '2026-09-01' }, '2026-09-30')).toBe('in_progress');
    expect(unitStatus(dated, null, '2026-10-01')).toBe('overdue');
    expect(worstStatus(['done_on_time', 'done_late'])).toBe('done_late');
    expect(worstStatus(['done_on_time', 'in_progress'])).toBe('in_progress');
  });
});
