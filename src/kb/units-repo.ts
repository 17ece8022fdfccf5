import type { UnitRef } from '../ingest/build-plan.ts';
import type { UnitCategory } from '../ingest/units/lexicon.ts';
import { foldWords, toIdentityKey } from '../vi/fold.ts';
import type { Db } from './open.ts';

/**
 * Units form a tree scoped by organisation: the province ("UBND tỉnh Lạng Sơn") at the root, its agencies
 * (Sở, Văn phòng UBND tỉnh, UBND cấp huyện …) below it, and each Sở's own phòng below the Sở. So "Văn phòng Sở"
 * of Sở Nội vụ and of Sở Xây dựng are two different rows.
 */
export const UNIT_KINDS = ['organisation', 'unit', 'collective'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const CENTRAL_ROOT = 'Trung ương';

interface UnitSpec {
  parentId: number | null;
  name: string;
  kind: UnitKind;
  category: UnitCategory;
  covers: string | null;
}

export interface UnitsRepo {
  ensure(spec: UnitSpec): number;
  provinceRoot(province: string | null): number;
  centralRoot(): number;
  /** The organisation that issued a plan (the province root itself for a provincial plan). */
  issuer(name: string, category: UnitCategory, province: string | null): number;
  /** The row a task's unit mention refers to. */
  forRef(ref: UnitRef, issuerId: number, province: string | null): number;
}

export function createUnitsRepo(db: Db): UnitsRepo {
  const find = db.prepare<[number, string], { id: number }>(
    'SELECT id FROM units WHERE ifnull(parent_id, 0) = ? AND key = ?',
  );
  const insert = db.prepare<[number | null, string, string, UnitKind, string, string | null, string]>(
    'INSERT INTO units (parent_id, name, key, kind, category, covers, search) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const cache = new Map<string, number>();

  const repo: UnitsRepo = {
    ensure(spec) {
      const key = toIdentityKey(spec.name);
      const cacheKey = `${spec.parentId ?? 0}|${key}`;
      const cached = cache.get(cacheKey);
      if (cached !== undefined) return cached;
      const found = find.get(spec.parentId ?? 0, key);
      const id =
        found?.id ??
        Number(
          insert.run(
            spec.parentId,
            spec.name,
            key,
            spec.kind,
            spec.category,
            spec.covers,
            foldWords(spec.name),
          ).lastInsertRowid,
        );
      cache.set(cacheKey, id);
      return id;
    },
    provinceRoot(province) {
      const name = province ? `UBND tỉnh ${province}` : 'UBND tỉnh';
      return repo.ensure({ parentId: null, name, kind: 'organisation', category: 'province', covers: null });
    },
    centralRoot() {
      return repo.ensure({
        parentId: null,
        name: CENTRAL_ROOT,
        kind: 'organisation',
        category: 'central',
        covers: null,
      });
    },
    issuer(name, category, province) {
      if (category === 'province') return repo.provinceRoot(province);
      const parentId = category === 'central' ? repo.centralRoot() : repo.provinceRoot(province);
      return repo.ensure({ parentId, name, kind: 'organisation', category, covers: null });
    },
    forRef(ref, issuerId, province) {
      if (!ref.collective && ref.category === 'province') return repo.provinceRoot(province);
      const parentId =
        ref.owner === 'issuer'
          ? issuerId
          : ref.owner === 'central'
            ? repo.centralRoot()
            : repo.provinceRoot(province);
      const kind: UnitKind = ref.collective
        ? 'collective'
        : ref.category === 'internal'
          ? 'unit'
          : 'organisation';
      return repo.ensure({
        parentId,
        name: ref.name,
        kind,
        category: ref.category,
        covers: ref.collective?.covers ?? null,
      });
    },
  };
  return repo;
}
