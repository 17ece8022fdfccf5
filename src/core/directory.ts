import type { UnitNode } from '../kb/unit-tree.ts';
import { toIdentityKey } from '../vi/fold.ts';
import type { Knowledge } from './knowledge.ts';

/**
 * Finds a unit by the names an operator types (`--org "Sở Nội vụ" --unit "Phòng Công chức, viên chức"`):
 * exact names first, then the same matcher the chat uses (aliases, no diacritics, typos).
 */
export function findUnitByNames(
  k: Knowledge,
  orgName: string | null,
  unitName: string | null,
): UnitNode | null {
  const org = orgName ? findOne(k, orgName, null, (u) => u.kind === 'organisation') : null;
  if (orgName && !org) return null;
  if (!unitName) return org;
  return findOne(
    k,
    unitName,
    org,
    (u) => u.kind !== 'collective' && (!org || u.parentId === org.id || u.id === org.id),
  );
}

function findOne(
  k: Knowledge,
  name: string,
  org: UnitNode | null,
  accept: (u: UnitNode) => boolean,
): UnitNode | null {
  const key = toIdentityKey(name);
  const exact = k.tree.all().filter((u) => toIdentityKey(u.name) === key && accept(u));
  if (exact.length === 1) return exact[0] ?? null;
  const matched = k.units
    .find(k.tokenize(name), org?.id ?? null)
    .flatMap((m) => m.candidates)
    .filter(accept);
  return matched.length >= 1 ? (matched[0] ?? null) : null;
}
