import type { Coverage } from '../ingest/units/lexicon.ts';
import { foldWords } from '../vi/fold.ts';
import type { Db } from './open.ts';
import { prepared } from './prepared.ts';

/**
 * The organisation tree in memory (a few thousand rows even for a whole country's plans): who belongs to whom,
 * and which collectives cover a unit. Built once per knowledge-base version.
 */
export interface UnitNode {
  id: number;
  parentId: number | null;
  name: string;
  kind: 'organisation' | 'unit' | 'collective';
  category: string;
  covers: Coverage | null;
  folded: string;
}

export interface UnitTree {
  version: string;
  get(id: number): UnitNode | undefined;
  all(): UnitNode[];
  /** The unit and every organisation above it, nearest first. */
  lineage(id: number): UnitNode[];
  /** The organisation a unit belongs to (itself when it is one). */
  orgOf(id: number): UnitNode | undefined;
  /** Collectives that cover the unit ("Các phòng, ban, đơn vị thuộc Sở" for a phòng of that Sở). */
  coveringCollectives(id: number): UnitNode[];
  /** Specific units a collective covers. */
  coveredBy(collectiveId: number): UnitNode[];
  /** The units directly under this one (its own units, for an organisation). */
  children(id: number): UnitNode[];
}

/** Which coverages reach a unit of each category (the inverse of what a collective covers). */
const REACHED_BY: Record<string, Coverage[]> = {
  internal: ['internal_units'],
  department: ['agencies', 'agencies_and_localities'],
  agency: ['agencies', 'agencies_and_localities'],
  district: ['districts', 'agencies_and_localities'],
  commune: ['communes', 'agencies_and_localities'],
  vertical: ['vertical_agencies'],
};

/** Collectives that include every unit of a narrower one ("Các cơ quan, đơn vị, địa phương" ⊃ "UBND cấp huyện"). */
const WIDER: Partial<Record<Coverage, Coverage[]>> = {
  agencies: ['agencies_and_localities'],
  districts: ['agencies_and_localities'],
  communes: ['agencies_and_localities'],
};

export function treeVersion(db: Db): string {
  const row = prepared<[], { n: number; last: string | null }>(
    db,
    'SELECT (SELECT count(*) FROM units) AS n, (SELECT max(imported_at) FROM plans) AS last',
  ).get();
  return `${row?.n ?? 0}|${row?.last ?? ''}`;
}

export function loadUnitTree(db: Db): UnitTree {
  const rows = prepared<[], Omit<UnitNode, 'folded'>>(
    db,
    'SELECT id, parent_id AS parentId, name, kind, category, covers FROM units ORDER BY id',
  ).all();
  const byId = new Map<number, UnitNode>(rows.map((r) => [r.id, { ...r, folded: foldWords(r.name) }]));
  const children = new Map<number, UnitNode[]>();
  for (const node of byId.values()) {
    if (node.parentId !== null) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
  }
  const tree: UnitTree = {
    version: treeVersion(db),
    get: (id) => byId.get(id),
    all: () => [...byId.values()],
    children: (id) => children.get(id) ?? [],
    lineage(id) {
      const out: UnitNode[] = [];
      for (
        let node = byId.get(id);
        node;
        node = node.parentId === null ? undefined : byId.get(node.parentId)
      ) {
        out.push(node);
      }
      return out;
    },
    orgOf(id) {
      const node = byId.get(id);
      if (!node || node.kind === 'organisation' || node.parentId === null) return node;
      return byId.get(node.parentId);
    },
    coveringCollectives(id) {
      const node = byId.get(id);
      if (!node || node.parentId === null) return [];
      // A group asked about ("UBND cấp huyện") is reached by the wider collectives that include it.
      const reached =
        node.kind === 'collective'
          ? node.covers
            ? (WIDER[node.covers] ?? [])
            : []
          : (REACHED_BY[node.category] ?? []);
      return (children.get(node.parentId) ?? []).filter(
        (c) => c.kind === 'collective' && c.covers !== null && reached.includes(c.covers),
      );
    },
    coveredBy(collectiveId) {
      const c = byId.get(collectiveId);
      if (c?.kind !== 'collective' || c.parentId === null || c.covers === null) return [];
      const covers = c.covers;
      return (children.get(c.parentId) ?? []).filter(
        (u) => u.kind !== 'collective' && (REACHED_BY[u.category] ?? []).includes(covers),
      );
    },
  };
  return tree;
}
