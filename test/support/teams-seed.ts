import { createRuntime } from '../../src/compose/runtime.ts';
import { findUnitByNames } from '../../src/core/directory.ts';
import type { Db } from '../../src/kb/open.ts';
import { approveUser, ensureUser, setUserUnit } from '../../src/kb/users-repo.ts';
import { AN, type Person } from './teams-activities.ts';

/** Phòng Kế hoạch - Tài chính of Sở Xây dựng: leads tasks in the shipped 2025 plans. */
export const KHTC = { org: 'Sở Xây dựng', unit: 'Phòng Kế hoạch - Tài chính' } as const;

/** A Teams person registered in a unit and approved, as an admin would have done. */
export function registerTeamsUser(
  db: Db,
  knowledge: Parameters<typeof findUnitByNames>[0],
  now: Date,
  person: Person = AN,
  where: { org: string; unit: string } = KHTC,
): void {
  const unit = findUnitByNames(knowledge, where.org, where.unit);
  if (!unit) throw new Error(`unit not found: ${where.unit}, ${where.org}`);
  const user = ensureUser(db, 'teams', person.aadObjectId, now);
  setUserUnit(db, user.id, unit.id, now);
  approveUser(db, user.id, now);
}

/** A database with the shipped plans and AN registered in KHTC, for a bot server started on it afterwards. */
export async function seedDatabase(dbPath: string, now: Date): Promise<void> {
  const runtime = await createRuntime(dbPath, () => now);
  registerTeamsUser(runtime.db, runtime.knowledge(), now);
  runtime.db.close();
}
