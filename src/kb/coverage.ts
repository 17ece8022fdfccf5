import type { Coverage } from '../ingest/units/lexicon.ts';
import type { Db } from './open.ts';

/**
 * Which specific units a collective covers. "Các phòng, ban, đơn vị thuộc Sở" is filed under the Sở that
 * issued the plan and covers that Sở's own units; "Các sở, ban, ngành" is filed under the province and covers
 * its agencies. Only units the knowledge base knows are returned (a Sở's phòng appear once a plan names them).
 */
const COVERED: Record<Coverage, string[]> = {
  internal_units: ['internal'],
  agencies: ['department', 'agency'],
  agencies_and_localities: ['department', 'agency', 'district', 'commune'],
  districts: ['district'],
  communes: ['commune'],
  vertical_agencies: ['vertical'],
  // No register of public service units exists yet; answer "unknown" rather than guess.
  public_service_units: [],
};

export interface CoveredUnit {
  id: number;
  name: string;
  category: string;
}

export function findCoveredUnits(db: Db, collectiveId: number): CoveredUnit[] {
  const collective = db
    .prepare<[number], { parent_id: number | null; covers: Coverage | null }>(
      "SELECT parent_id, covers FROM units WHERE id = ? AND kind = 'collective'",
    )
    .get(collectiveId);
  if (!collective?.covers || collective.parent_id === null) return [];
  const categories = COVERED[collective.covers];
  if (categories.length === 0) return [];
  const placeholders = categories.map(() => '?').join(', ');
  return db
    .prepare<(number | string)[], CoveredUnit>(
      `SELECT id, name, category FROM units
       WHERE parent_id = ? AND kind != 'collective' AND category IN (${placeholders}) ORDER BY name`,
    )
    .all(collective.parent_id, ...categories);
}
