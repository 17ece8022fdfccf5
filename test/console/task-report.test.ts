import { beforeEach, describe, expect, it } from 'vitest';
import { findTaskPage } from '../../src/console/task-page.ts';
import { recordConsoleReport } from '../../src/console/task-report.ts';
import { type ConsoleFixture, createConsoleFixture, NOW, reportRows, SNV, TCBC, TODAY } from './fixture.ts';

/** A report recorded in the console for a unit: the chat's gate and write, channel 'console', the admin as author. */
const TASK = 'snv-2026-cchc/I/3';
let f: ConsoleFixture;
beforeEach(async () => {
  f = await createConsoleFixture();
});

const input = (unit: string) => ({
  taskId: TASK,
  unitId: f.unit(unit).id,
  status: 'done' as const,
  percent: 100,
  actual: null,
  text: 'Đã ban hành Kế hoạch tuyên truyền CCHC số 12/KH-SNV',
});

describe('recording a report on a unit’s behalf', () => {
  it('an admin of the organisation writes one row: the unit, the admin, channel console, on behalf', () => {
    const before = reportRows(f.db).length;
    const result = recordConsoleReport(f.db, f.runtime.knowledge(), f.people.admin, input(TCBC), NOW, TODAY);
    expect(result).toMatchObject({ ok: true, unit: TCBC, number: 'I.3' });
    const rows = reportRows(f.db);
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toEqual({
      task_id: TASK,
      unit_id: f.unit(TCBC).id,
      user_id: f.people.admin.id,
      channel: 'console',
    });
    const page = findTaskPage(f.db, f.unit(SNV), TASK, TODAY);
    expect(page?.history[0]).toMatchObject({
      userName: 'Nguyễn Văn An',
      channel: 'console',
      onBehalf: true,
      unitName: TCBC,
      text: 'Đã ban hành Kế hoạch tuyên truyền CCHC số 12/KH-SNV',
    });
    // The task is done now, late (due 31/03/2026).
    expect(page?.status).toBe('done_late');
  });

  it.each(['lead', 'staff'] as const)('a %s is refused and nothing is written', (who) => {
    const before = reportRows(f.db).length;
    const result = recordConsoleReport(f.db, f.runtime.knowledge(), f.people[who], input(TCBC), NOW, TODAY);
    expect(result).toEqual({ ok: false, code: 'admins_only' });
    expect(reportRows(f.db).length).toBe(before);
  });

  it('an admin of another organisation, or for a unit not named on the task, is refused by the rights gate', () => {
    const before = reportRows(f.db).length;
    const outside = recordConsoleReport(
      f.db,
      f.runtime.knowledge(),
      f.people.sxdAdmin,
      input(TCBC),
      NOW,
      TODAY,
    );
    expect(outside).toMatchObject({ ok: false, code: 'refused' });
    if (!outside.ok) expect(outside.reason).toContain('Sở Xây dựng');
    const notNamed = recordConsoleReport(
      f.db,
      f.runtime.knowledge(),
      f.people.admin,
      input('Phòng Xây dựng chính quyền và Văn thư, lưu trữ'),
      NOW,
      TODAY,
    );
    expect(notNamed).toMatchObject({ ok: false, code: 'refused' });
    if (!notNamed.ok) expect(notNamed.reason).toContain('không chủ trì hay phối hợp');
    expect(reportRows(f.db).length).toBe(before);
  });

  it('a task the scope does not see has no page', () => {
    expect(findTaskPage(f.db, f.unit(SNV), '55-kh-sxd-2025-phu-luc-i/VI/4', TODAY)).toBeNull();
    expect(findTaskPage(f.db, f.unit(SNV), 'no/such/task', TODAY)).toBeNull();
  });
});
