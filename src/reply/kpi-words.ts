import type { ExportedTask } from '../kb/export.ts';
import { formatNumber } from './numbers.ts';

type Target = ExportedTask['kpis'][number];

/** A target's value as read aloud: "99%", "3 sáng kiến". */
function amount(k: Pick<Target, 'value' | 'unit'>): string {
  return k.unit === '%' ? `${formatNumber(k.value)}%` : `${formatNumber(k.value)} ${k.unit}`;
}

/** The operator in words: "trên 99%" is not "từ 99% trở lên", and a civil servant's score depends on which. */
export function targetWords(k: Pick<Target, 'op' | 'value' | 'unit'>): string {
  const a = amount(k);
  switch (k.op) {
    case '>':
      return `trên ${a}`;
    case '>=':
      return `từ ${a} trở lên`;
    case '<':
      return `dưới ${a}`;
    case '<=':
      return `không quá ${a}`;
    default:
      return a;
  }
}

/**
 * Every target of a task, from its content and its product column, each once: the plan often repeats the
 * content's "trên 99%" as the product's "Tỷ lệ hồ sơ đúng hạn >99%".
 */
export function distinctTargets(kpis: readonly Target[]): Target[] {
  const seen = new Set<string>();
  return kpis.filter((k) => {
    const key = `${k.op}|${k.value}|${k.unit}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** "trên 99% (Duy trì tỷ lệ giải quyết hồ sơ TTHC đúng hạn…); 100% (100% hồ sơ trễ hạn có văn bản xin lỗi)". */
export function targetsText(kpis: readonly Target[], textChars = 70): string {
  return distinctTargets(kpis)
    .map((k) => `${targetWords(k)} (${shorten(k.text, textChars)})`)
    .join('; ');
}

/** Said when the question weighs two operators ("tối thiểu hay trên 85%?"): what the plan's own words mean. */
export function operatorMeaning(k: Pick<Target, 'op' | 'value' | 'unit'>): string {
  const words = targetWords(k);
  const a = amount(k);
  switch (k.op) {
    case '>':
      return `Kế hoạch ghi “${words}”: phải vượt ${a}, đạt đúng ${a} là chưa đạt.`;
    case '>=':
      return `Kế hoạch ghi “${words}” (tối thiểu ${a}): đạt đúng ${a} là đạt.`;
    case '<':
      return `Kế hoạch ghi “${words}”: phải thấp hơn ${a}.`;
    case '<=':
      return `Kế hoạch ghi “${words}” (tối đa ${a}): đúng ${a} vẫn đạt.`;
    default:
      return `Kế hoạch ghi “${words}”: phải đạt đủ ${a}.`;
  }
}
