/** Lead and coordinating cells of a Sở's plan: its own units, its collectives, now and then provincial bodies. */
import { COMMON_UNITS, type Department, INTERNAL_COLLECTIVES, PROVINCIAL_BODIES } from './organisations.ts';
import type { Prng } from './prng.ts';

function ownUnits(department: Department): string[] {
  return [...COMMON_UNITS, ...department.units];
}

function twoDistinct(items: readonly string[], rng: Prng): [string, string] {
  const first = rng.pick(items);
  const second = rng.pick(items.filter((i) => i !== first));
  return [first, second];
}

export function leadCell(department: Department, rng: Prng): string {
  const roll = rng.next();
  if (roll < 0.45) return rng.pick(ownUnits(department));
  if (roll < 0.65) return rng.pick(INTERNAL_COLLECTIVES);
  if (roll < 0.85) {
    const [a, b] = twoDistinct(ownUnits(department), rng);
    return `- ${a}; - ${b}`;
  }
  return `${rng.pick(department.units)} chủ trì, tham mưu`;
}

export function coordinateCell(department: Department, rng: Prng): string {
  const roll = rng.next();
  if (roll < 0.4) return rng.pick(INTERNAL_COLLECTIVES);
  if (roll < 0.55) return 'Văn phòng Sở tổng hợp';
  if (roll < 0.7) return twoDistinct(ownUnits(department), rng).join(', ');
  if (roll < 0.85) {
    return twoDistinct(
      PROVINCIAL_BODIES.filter((b) => b !== department.name),
      rng,
    ).join('; ');
  }
  if (roll < 0.93) return 'Văn phòng Sở theo dõi, đôn đốc';
  return '';
}
