import { beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard } from '../../src/console/dashboard.ts';
import { listConsoleTasks } from '../../src/console/task-list.ts';
import { TASK_STATUSES } from '../../src/report/types.ts';
import { foldWords } from '../../src/vi/fold.ts';
import { type ConsoleFixture, createConsoleFixture, SNV, TCBC, TODAY } from './fixture.ts';

/** Nhiệm vụ: filters as the form and the dashboard's links send them; each link's list has the link's count. */
let f: ConsoleFixture;
beforeAll(async () => {
  f = await createConsoleFixture();
});

const list = (filters: Parameters<typeof listConsoleTasks>[2], scope = SNV) =>
  listConsoleTasks(f.db, f.unit(scope), filters, TODAY);

describe('the task list of Sở Nội vụ', () => {
  it('words without diacritics find the task written with them', () => {
    const plain = list({ words: 'cong bo chi so' });
    expect(plain.rows.length).toBeGreaterThan(0);
    for (const r of plain.rows) expect(foldWords(r.content)).toContain('cong bo chi so');
    expect(list({ words: 'Công bố Chỉ số' }).rows.map((r) => r.taskId)).toEqual(
      plain.rows.map((r) => r.taskId),
    );
    expect(list({ words: 'khong co nhiem vu nao nhu the nay' }).rows).toEqual([]);
  });

  it('every number of a unit’s bar on the dashboard is the length of the list its link opens', () => {
    const d = buildDashboard(f.db, f.unit(SNV), TODAY);
    for (const u of d.units)
      for (const status of TASK_STATUSES)
        expect([u.unit, status, list({ unitId: u.unitId, status, year: 2026 }).rows.length]).toEqual([
          u.unit,
          status,
          u.counts[status],
        ]);
    for (const status of TASK_STATUSES) expect(list({ status }).rows.length).toBe(d.total.counts[status]);
    expect(list({ dueSoon: true }).rows.length).toBe(d.dueSoon.length);
    expect(list({}).rows.length).toBe(d.total.total);
  });

  it('a unit’s list holds the tasks it leads or coordinates, with its own status', () => {
    const tcbc = f.unit(TCBC);
    const rows = list({ unitId: tcbc.id }).rows;
    expect(rows.length).toBeGreaterThan(0);
    const overdue = list({ unitId: tcbc.id, status: 'overdue' }).rows;
    expect(overdue.map((r) => r.taskId)).toContain('snv-2026-cchc/I/3');
    for (const r of overdue) expect(r.status).toBe('overdue');
  });

  it('a section narrows to its tasks; another year to that year’s plans', () => {
    const all = list({});
    const section = list({ section: 'I' }).rows;
    expect(section.length).toBeGreaterThan(0);
    expect(section.length).toBeLessThan(all.rows.length);
    expect(section.every((r) => r.number.startsWith('I.'))).toBe(true);
    expect(all.sections.map((s) => s.code)).toContain('I');
    expect(list({ year: 2019 }).rows).toEqual([]);
  });

  it('a lead sees the tasks naming their unit (also through “các phòng thuộc Sở”), with their unit’s status', () => {
    const tcbc = f.unit(TCBC);
    const mine = list({}, TCBC).rows;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((r) => r.taskId)).toEqual(list({ unitId: tcbc.id }).rows.map((r) => r.taskId));
    expect(list({ status: 'overdue' }, TCBC).rows.length).toBe(
      buildDashboard(f.db, tcbc, TODAY).total.counts.overdue,
    );
  });
});
