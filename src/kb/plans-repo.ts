import type { Db } from './open.ts';
import { prepared } from './prepared.ts';

/** Small read queries about plans, for callers outside the knowledge base (CLI, server). */

/** How a plan is cited in messages: its code and appendix ("KH 55/KH-SXD Phụ lục I"). */
export function findPlanLabel(db: Db, planId: string): { code: string | null; appendix: string | null } {
  const row = prepared<[string], { code: string | null; appendix: string | null }>(
    db,
    'SELECT code, appendix FROM plans WHERE id = ?',
  ).get(planId);
  return { code: row?.code ?? null, appendix: row?.appendix ?? null };
}

export function countPlans(db: Db): number {
  return prepared<[], { n: number }>(db, 'SELECT count(*) AS n FROM plans').get()?.n ?? 0;
}

export function countUnits(db: Db): number {
  return prepared<[], { n: number }>(db, 'SELECT count(*) AS n FROM units').get()?.n ?? 0;
}

/** True when the database answers a trivial query (for /healthz). */
export function isDatabaseReachable(db: Db): boolean {
  try {
    prepared(db, 'SELECT 1').get();
    return true;
  } catch {
    return false;
  }
}
