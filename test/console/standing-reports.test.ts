import { beforeAll, describe, expect, it } from 'vitest';
import { findLatestReportsAsOf } from '../../src/kb/progress-history.ts';
import { insertProgress, retractProgress } from '../../src/kb/progress-repo.ts';
import { latestReports } from '../../src/report/build.ts';
import { type ConsoleFixture, createConsoleFixture, TCBC } from './fixture.ts';

/**
 * The dashboard picks each unit's standing report in SQL; the periodic report picks it in JavaScript. They must
 * agree, at a Vietnamese day's edges (UTC+7) and with a report taken back.
 */
const TASK = 'snv-2026-cchc/I/3';
let f: ConsoleFixture;
beforeAll(async () => {
  f = await createConsoleFixture();
  const unitId = f.unit(TCBC).id;
  const at = (reportedAt: string, percent: number) =>
    insertProgress(f.db, {
      taskId: TASK,
      unitId,
      status: 'in_progress',
      percent,
      actual: null,
      note: null,
      userId: f.people.admin.id,
      onBehalf: true,
      channel: 'console',
      text: '',
      reportedAt,
    });
  at('2026-11-20T10:00:00.000Z', 10);
  at('2026-11-20T16:59:59.999Z', 20); // 23:59:59 on 20/11 in Vietnam
  at('2026-11-20T17:00:00.000Z', 30); // 00:00 on 21/11 in Vietnam
  const taken = at('2026-11-21T03:00:00.000Z', 40);
  retractProgress(f.db, taken, f.people.admin.id, '2026-11-21T03:05:00.000Z');
});

describe('the standing report of each task and unit, as of a day', () => {
  it.each(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'])(
    'as of %s: the same as the report’s',
    (day) => {
      const ids = (
        f.db.prepare("SELECT id FROM tasks WHERE plan_id = 'snv-2026-cchc'").all() as { id: string }[]
      ).map((r) => r.id);
      const sql = findLatestReportsAsOf(f.db, ids, day);
      const js = latestReports(f.db, ids, day);
      expect([...sql.entries()].sort()).toEqual([...js.entries()].sort());
    },
  );

  it('the last second of 20/11 in Vietnam counts on 20/11, the next on 21/11; a taken-back report never', () => {
    const key = `${TASK}|${f.unit(TCBC).id}`;
    expect(findLatestReportsAsOf(f.db, [TASK], '2026-11-20').get(key)).toMatchObject({
      percent: 20,
      day: '2026-11-20',
    });
    expect(findLatestReportsAsOf(f.db, [TASK], '2026-11-21').get(key)).toMatchObject({
      percent: 30,
      day: '2026-11-21',
    });
  });
});
