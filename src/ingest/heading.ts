import { collapseSpaces, fold } from '../vi/fold.ts';
import { provinceAtEnd } from '../vi/provinces.ts';
import { quote } from './quote.ts';
import type { HeadingSource, HeadingSources, PlanHeading } from './types.ts';

/**
 * Reads what a plan says about itself from the lines above its table:
 * "Phụ lục I", the title, and "(Kèm theo Kế hoạch số 55/KH-SXD ngày 11/ 6/2025 của Sở Xây dựng)".
 */
const ATTACHED_TO =
  /Kèm theo (?:Kế hoạch|Quyết định|Chương trình) số\s*:?\s*(\d*)\s*\/\s*([\p{L}\p{N}Đđ-]+)(?:\s+ngày\s+(\d{0,2})\s*\/\s*(\d{0,2})\s*\/\s*(\d{4}))?(?:\s+của\s+([^)]+))?/iu;

const INDEX_NAMES: { pattern: RegExp; name: string }[] = [
  { pattern: /\bpar index\b/, name: 'PAR INDEX' },
  { pattern: /\bsipas\b/, name: 'SIPAS' },
  { pattern: /\bpapi\b/, name: 'PAPI' },
  { pattern: /\bpci\b/, name: 'PCI' },
  { pattern: /\bcai cach hanh chinh\b|\bcchc\b/, name: 'CCHC' },
];

export function parseHeading(lines: string[]): PlanHeading {
  const all = lines.map((l) => collapseSpaces(l.normalize('NFC'))).filter((l) => l.length > 0);
  // A full plan's header block ("ỦY BAN NHÂN DÂN …", "Số: …") is not part of its title: see plan-identity.ts.
  const cleaned = all.slice(titleStart(all));
  const attachedAt = cleaned.findIndex((l) => /kem theo/.test(fold(l)));
  const attached = attachedAt >= 0 ? parseAttachedTo(cleaned.slice(attachedAt).join(' ')) : null;
  const appendixLine = cleaned.find((l) => /^phu luc\b/.test(fold(l)));
  const titleLines = cleaned
    .slice(0, attachedAt >= 0 ? attachedAt : cleaned.length)
    .filter((l) => l !== appendixLine && !/^\(/.test(l));
  const title = titleLines.join(' ');
  const titleProvince = findProvince(title);
  const titleYear = findYear(title);
  const fromTitle: HeadingSource = { kind: 'title', text: 'từ tiêu đề' };
  const fromLine: HeadingSource = { kind: 'attached', text: `từ dòng ${quote(attached?.line ?? '')}` };
  const sources: HeadingSources = {};
  if (attached?.issuer) sources.issuer = fromLine;
  if (attached?.code) sources.code = fromLine;
  if (titleProvince) sources.province = fromTitle;
  else if (attached?.province) sources.province = fromLine;
  if (attached?.year) sources.year = fromLine;
  else if (titleYear) sources.year = fromTitle;
  return {
    code: attached?.code ?? null,
    issuer: attached?.issuer ?? null,
    province: titleProvince ?? attached?.province ?? null,
    date: attached?.date ?? null,
    year: attached?.year ?? titleYear,
    title,
    index: findIndex(title),
    appendix: appendixLine ? toAppendix(appendixLine) : null,
    sources,
  };
}

interface AttachedTo {
  /** The "Kèm theo Kế hoạch số … của …" text as matched, for the import line. */
  line: string;
  code: string | null;
  issuer: string | null;
  province: string | null;
  date: string | null;
  year: number | null;
}

function parseAttachedTo(text: string): AttachedTo | null {
  const m = text.match(ATTACHED_TO);
  if (!m) return null;
  const [, number, suffix, day, month, year] = m;
  const issuerText = m[6] ? collapseSpaces(m[6]).replace(/[.,;]+$/, '') : null;
  return {
    line: m[0],
    code: number && suffix ? `${number}/${suffix.toUpperCase()}` : null,
    issuer: issuerText,
    // "của Sở Nội vụ Lạng Sơn": the province follows the Sở name without "tỉnh".
    province: issuerText ? (findProvince(issuerText) ?? provinceAtEnd(issuerText)) : null,
    date: day && month && year ? toIsoDate(Number(year), Number(month), Number(day)) : null,
    year: year ? Number(year) : null,
  };
}

/** Index of the line that starts the title ("KẾ HOẠCH", "PHỤ LỤC" …); 0 when there is none. */
export function titleStart(lines: readonly string[]): number {
  return Math.max(
    0,
    lines.findIndex((line) => /^(?:ke hoach|phu luc|chuong trinh|quyet dinh)\b/u.test(fold(line))),
  );
}

export function toIsoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** "TỈNH LẠNG SƠN NĂM 2025" or "tỉnh Lạng Sơn" → "Lạng Sơn". Matched on the folded text, cut from the original. */
export function findProvince(text: string): string | null {
  const original = collapseSpaces(text.normalize('NFC'));
  const folded = fold(original);
  if (folded.length !== original.length) return null;
  const m = folded.match(/(?:^|[^a-z])tinh ((?:[a-z]+ ?){1,3}?)(?= nam\b| cua\b|\)|,|$)/);
  if (!m?.[1] || m.index === undefined) return null;
  const start = m.index + m[0].indexOf(m[1]);
  return original
    .slice(start, start + m[1].trimEnd().length)
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join(' ');
}

/** "Sở Nội vụ Lạng Sơn" → "Sở Nội vụ"; "Ủy ban nhân dân tỉnh" stays whole (the province is added later). */
export function stripProvince(issuer: string, province: string | null): string {
  if (!province) return issuer;
  const suffix = new RegExp(`\\s+(?:tỉnh\\s+)?${province}$`, 'iu');
  return issuer.replace(suffix, '');
}

function findYear(title: string): number | null {
  const m = fold(title).match(/\bnam (20\d\d)\b/);
  return m?.[1] ? Number(m[1]) : null;
}

function findIndex(title: string): string | null {
  const folded = fold(title);
  const hits = INDEX_NAMES.filter((i) => i.pattern.test(folded)).map((i) => i.name);
  // CCHC is the umbrella: name it only when no specific index is named.
  const specific = hits.filter((h) => h !== 'CCHC');
  return (specific.length > 0 ? specific : hits).join(', ') || null;
}

function toAppendix(line: string): string {
  const m = line.match(/^ph[ụu]\s*l[ụu]c\s*([IVXLC\d]*)/iu);
  return m?.[1] ? `Phụ lục ${m[1].toUpperCase()}` : 'Phụ lục';
}
