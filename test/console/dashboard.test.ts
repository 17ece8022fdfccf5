import { beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, weekOf } from '../../src/console/dashboard.ts';
import { buildProgressReport } from '../../src/report/build.ts';
import type { ProgressReportData, ReportPeriod } from '../../src/report/types.ts';
import { type ConsoleFixture, createConsoleFixture, SNV, TCBC, TODAY } from './fixture.ts';

/**
 * The dashboard's numbers are the progress report's: for the same organisation, year and day (a report whose
 * period ends today), per lead unit and in total. The expectations are read from buildProgressReport.
 */
const ENDING_TODAY: ReportPeriod = { key: 'custom', label: 'đến hôm nay', from: '2026-01-01', to: TODAY };

let f: ConsoleFixture;
beforeAll(async () => {
  f = await createConsoleFixture();
});

function report(unit: string | null): ProgressReportData {
  const data = buildProgressReport(f.db, {
    org: f.unit(SNV),
    unit: unit ? f.unit(unit) : null,
    planId: null,
    year: 2026,
    period: ENDING_TODAY,
    today: TODAY,
  });
  if ('kind' in data) throw new Error('no plans');
  return data;
}

const taskRows = (data: ProgressReportData) => data.tasks.flatMap((t) => (t.kind === 'task' ? [t] : []));

describe('Tổng quan of Sở Nội vụ, 2026, on 22/11/2026', () => {
  it('counts tasks per lead unit and status as the report does, and in total', () => {
    const expected = report(null);
    const d = buildDashboard(f.db, f.unit(SNV), TODAY);
    expect(d.units.length).toBeGreaterThan(2);
    expect(d.units.map((u) => ({ unit: u.unit, total: u.total, counts: u.counts }))).toEqual(
      expected.summary
        .filter((s) => !s.isTotal)
        .map((s) => ({ unit: s.unit, total: s.total, counts: s.counts })),
    );
    const total = expected.summary.find((s) => s.isTotal);
    expect(d.total).toEqual({ total: total?.total, counts: total?.counts });
    // Not all in one bucket: the fixture has overdue, done and ongoing tasks.
    expect(d.total.counts.overdue).toBeGreaterThan(0);
    expect(d.total.counts.ongoing).toBeGreaterThan(0);
  });

  it('lists the report’s overdue tasks, with days late, and its KPI targets with their latest actual', () => {
    const expected = report(null);
    const d = buildDashboard(f.db, f.unit(SNV), TODAY);
    const overdue = taskRows(expected).filter((t) => t.status === 'overdue');
    expect(d.overdue.map((t) => t.taskId).sort()).toEqual(overdue.map((t) => t.taskId).sort());
    const i3 = d.overdue.find((t) => t.taskId === 'snv-2026-cchc/I/3');
    expect(i3).toMatchObject({ due: '2026-03-31', days: 236 });
    expect(d.kpis.map((k) => [k.taskId, k.target, k.actual, k.verdict])).toEqual(
      expected.kpis.map((k) => [k.taskId, k.target, k.actual, k.verdict]),
    );
  });

  it('a lead’s dashboard is their unit’s report', () => {
    const expected = report(TCBC);
    const d = buildDashboard(f.db, f.unit(TCBC), TODAY);
    expect(d.unit?.name).toBe(TCBC);
    expect(d.units.map((u) => [u.unit, u.counts])).toEqual(
      expected.summary.filter((s) => !s.isTotal).map((s) => [s.unit, s.counts]),
    );
    expect(d.total.counts).toEqual(expected.summary.find((s) => s.isTotal)?.counts);
  });

  it('tasks due in the next 14 days are not done and due between today and 06/12/2026', () => {
    const d = buildDashboard(f.db, f.unit(SNV), TODAY);
    for (const t of d.dueSoon) {
      expect(t.due >= TODAY && t.due <= '2026-12-06').toBe(true);
      expect(['in_progress', 'no_report']).toContain(t.status);
    }
  });

  it('who reported this week (Monday 16 – Sunday 22/11) and who has been silent for 30 days', () => {
    expect(weekOf(TODAY)).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(weekOf('2026-11-16')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    const d = buildDashboard(f.db, f.unit(SNV), TODAY);
    const tcbc = d.reportedThisWeek.find((u) => u.unit === TCBC);
    expect(tcbc).toMatchObject({ reports: 1, lastDay: TODAY });
    expect(d.silent.map((u) => u.unit)).not.toContain(TCBC);
    const ccvc = d.silent.find((u) => u.unit === 'Phòng Công chức, viên chức');
    expect(ccvc?.lastDay).toBe('2026-10-01');
    // The Sở's own units only: the other bodies its plan names are not the office's to chase.
    expect(d.silent.map((u) => u.unit)).toContain('Văn phòng Sở');
    expect(d.silent.map((u) => u.unit)).not.toContain('Sở Công Thương');
    expect(d.silent.map((u) => u.unit)).not.toContain('Văn phòng UBND tỉnh');
  });

  it('another year is that year’s plans; a year without plans is empty, not an error', () => {
    const d = buildDashboard(f.db, f.unit(SNV), TODAY, 2019);
    expect(d.plans).toEqual([]);
    expect(d.total.total).toBe(0);
  });
});
