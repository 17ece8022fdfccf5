/**
 * The console's core and page tests: the shipped plans in a real SQLite file, people of Sở Nội vụ (an admin, a
 * lead and staff of Phòng TCBC) and an admin of Sở Xây dựng written straight into the users table, a few chat
 * reports made through the chat core (as staff would), all on TODAY — never the machine's clock.
 */
import type { ConsoleSession } from '../../adapters/console/context.ts';
import { createCore } from '../../src/compose/core.ts';
import type { Runtime } from '../../src/compose/runtime.ts';
import type { Db } from '../../src/kb/open.ts';
import { insertProgress } from '../../src/kb/progress-repo.ts';
import { loadUnitTree, type UnitNode } from '../../src/kb/unit-tree.ts';
import type { User, UserRole } from '../../src/kb/users-repo.ts';
import { loadChatLexicon } from '../../src/vi/message.ts';
import { createTestBot, SNV_TCBC, SNV_VP, TODAY } from '../support/bot.ts';
import { testLexicon } from '../support/kb.ts';
import { registerPerson, sessionFor } from './console-support.ts';

export { TODAY };
export const NOW = new Date(`${TODAY}T09:00:00+07:00`);
export const SNV = 'Sở Nội vụ';
export const TCBC = 'Phòng Tổ chức, biên chế và Cải cách hành chính';
export const VP = 'Văn phòng Sở';

export interface ConsoleFixture {
  db: Db;
  runtime: Runtime;
  unit: (name: string, org?: string) => UnitNode;
  people: { admin: User; lead: User; staff: User; sxdAdmin: User };
  session: (user: User) => ConsoleSession;
}

export async function createConsoleFixture(): Promise<ConsoleFixture> {
  const { db, say } = await createTestBot();
  const core = createCore(db, testLexicon(), loadChatLexicon(), () => NOW);
  const runtime: Runtime = { ...core, lexicon: testLexicon(), seeded: [] };
  const tree = loadUnitTree(db);
  const unit = (name: string, org = SNV): UnitNode => {
    const found = tree.all().find((u) => u.name === name && (tree.orgOf(u.id)?.name ?? u.name) === org);
    if (!found) throw new Error(`no unit ${name} of ${org}`);
    return found;
  };
  // Zalo users with display names, at 09:00 today, as the chat would have registered them.
  const person = (key: string, displayName: string, at: UnitNode, role: UserRole): User =>
    registerPerson(db, key, at, role, { channel: 'zalo', at: NOW, displayName });
  const people = {
    admin: person('snv-admin', 'Nguyễn Văn An', unit(VP), 'admin'),
    lead: person('snv-lead', 'Trần Thị Bình', unit(TCBC), 'lead'),
    staff: person('snv-staff', 'Lê Văn Cường', unit(TCBC), 'staff'),
    sxdAdmin: person('sxd-admin', 'Phạm Thị Dung', unit('Sở Xây dựng', 'Sở Xây dựng'), 'admin'),
  };
  // Reports as staff send them in chat, today (a Sunday: the week is 16–22/11/2026).
  say({ ...SNV_TCBC, text: 'báo cáo nhiệm vụ I.1 đạt 50%' });
  say({ ...SNV_VP, text: 'báo cáo nhiệm vụ I.2 đã hoàn thành' });
  // Phòng Công chức, viên chức last reported on 01/10/2026: silent for the last 30 days.
  const vpTask = db
    .prepare(
      `SELECT tu.task_id AS id FROM task_units tu JOIN tasks t ON t.id = tu.task_id
        WHERE t.plan_id = 'snv-2026-cchc' AND tu.relation = 'lead' AND tu.unit_id = ? AND t.is_heading = 0 LIMIT 1`,
    )
    .get(unit('Phòng Công chức, viên chức').id) as { id: string };
  insertProgress(db, {
    taskId: vpTask.id,
    unitId: unit('Phòng Công chức, viên chức').id,
    status: 'in_progress',
    percent: 40,
    actual: null,
    note: null,
    userId: people.admin.id,
    onBehalf: true,
    channel: 'zalo',
    text: 'báo cáo thay',
    reportedAt: '2026-10-01T03:00:00.000Z',
  });
  return { db, runtime, unit, people, session: (user) => sessionFor(db, user) };
}

export function reportRows(db: Db): { task_id: string; unit_id: number; user_id: number; channel: string }[] {
  return db.prepare('SELECT task_id, unit_id, user_id, channel FROM progress_reports ORDER BY id').all() as {
    task_id: string;
    unit_id: number;
    user_id: number;
    channel: string;
  }[];
}
