/**
 * What a plan states about its issuer, province, year and number outside the "Kèm theo Kế hoạch số …" line:
 * its header block ("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN" / "SỞ NỘI VỤ" / "Số: 126/KH-UBND"), a body sentence
 * ("UBND tỉnh ban hành kế hoạch …"), the title ("… CỦA SỞ XÂY DỰNG"), the signature block ("TM. ỦY BAN NHÂN
 * DÂN", "GIÁM ĐỐC"), the plan number's suffix, and the provinces its body names. Each clue carries where it was
 * read, for the import line. Pure functions of text.
 */
import { collapseSpaces, fold, foldKeepLength, toNfc } from '../vi/fold.ts';
import { provinceAtEnd, provinceAtStart, provincesNamed } from '../vi/provinces.ts';
import { titleStart, toIsoDate } from './heading.ts';
import { quote } from './quote.ts';
import type { HeadingSource } from './types.ts';

export interface Clue {
  issuer?: string;
  province?: string;
  year?: number;
  date?: string;
  code?: string;
  source: HeadingSource;
}

const UBND_LINE =
  /^(?:tm\.?\s*)?(?:uy ban nhan dan|ubnd)(?:\s+(tinh|huyen|thanh pho|thi xa|xa|phuong)\b\s*(.*))?$/u;
const SO_LINE = /^số\s*:?\s*(\d*)\s*\/\s*([\p{L}\p{N}-]+)/iu;
/** "Lạng Sơn, ngày 03 tháng 6 năm 2024"; a draft leaves the day (or the month) blank: "ngày    tháng 4 năm 2026". */
const PLACE_DATE = /ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s+(\d{4})/iu;
const OFFICE_START = /^(?:sở|ban|văn phòng|thanh tra)\s+\p{L}/iu;

/**
 * The header block: the lines above the title. "SỞ NỘI VỤ" (under the province's UBND line) names the Sở;
 * "ỦY BAN NHÂN DÂN TỈNH X" alone means UBND tỉnh; "Số: 126/KH-UBND" gives the code ("Số: /KH-SNV", not yet
 * numbered, only its suffix); "…, ngày 3 tháng 6 năm 2024" the date.
 */
export function headerClues(lines: readonly string[]): Clue[] {
  const clean = lines.map((line) => collapseSpaces(toNfc(line))).filter((line) => line !== '');
  const fromHeader = (line: string): HeadingSource => ({
    kind: 'header',
    text: `từ phần đầu văn bản (${quote(line)})`,
  });
  let council: { province: string | null; line: string } | null = null;
  let office: string | null = null;
  let number: Clue | null = null;
  let date: Clue | null = null;
  for (const [at, line] of clean.entries()) {
    const folded = fold(line);
    const ubnd = folded.match(UBND_LINE);
    if (ubnd) {
      const next = clean[at + 1] ?? '';
      const nextTinh = !ubnd[1] && /^tinh\s/u.test(fold(next));
      if (!council && (ubnd[1] === 'tinh' || nextTinh)) {
        const rest = nextTinh ? fold(next).slice('tinh '.length) : (ubnd[2] ?? '');
        council = { province: provinceAtStart(rest), line: nextTinh ? `${line} ${next}` : line };
      }
      continue;
    }
    // Office names in a header are upper case; "Ban hành …" in a sentence is not one.
    if (!office && !number && OFFICE_START.test(line) && !/\p{Ll}/u.test(line)) office = line;
    const numbered = line.match(SO_LINE);
    if (numbered?.[2] && !number) {
      const code = `${numbered[1] ?? ''}/${numbered[2].toUpperCase()}`;
      number = { code, source: { kind: 'header', text: `từ dòng ${quote(numbered[0])}` } };
    }
    const dated = line.match(PLACE_DATE);
    if (dated && !date) {
      const iso =
        dated[1] && dated[2] ? toIsoDate(Number(dated[3]), Number(dated[2]), Number(dated[1])) : null;
      date = { year: Number(dated[3]), ...(iso ? { date: iso } : {}), source: fromHeader(line) };
    }
  }
  const clues: Clue[] = [];
  if (office)
    clues.push({ issuer: toNameCase(office.split(/\s+Số\s*:/iu)[0] ?? office), source: fromHeader(office) });
  else if (council) clues.push({ issuer: 'UBND tỉnh', source: fromHeader(council.line) });
  if (council?.province) clues.push({ province: council.province, source: fromHeader(council.line) });
  if (number) clues.push(number);
  if (date) clues.push(date);
  return clues;
}

/** "KẾ HOẠCH …" ends the header: the lines above it (or the first few when there is no such line). */
export function headerLines(lines: readonly string[]): string[] {
  const clean = lines.map((line) => collapseSpaces(toNfc(line))).filter((line) => line !== '');
  const titleAt = titleStart(clean);
  return clean.slice(0, titleAt > 0 ? titleAt : Math.min(clean.length, 8));
}

const ISSUER_VERB =
  /(?:^|[.;:,]\s+)((?:uy ban nhan dan|ubnd) tinh(?: [a-z]+){0,3}?|so(?: [a-z,-]+){1,8}?) (?:xay dung va ban hanh|ban hanh|xay dung) (?:ke hoach|chuong trinh)\b/u;

/** "UBND tỉnh ban hành kế hoạch …", "Sở Xây dựng xây dựng Kế hoạch …": who issues, said in a sentence. */
export function sentenceClue(paragraphs: readonly string[]): Clue | null {
  for (const paragraph of paragraphs) {
    const text = collapseSpaces(toNfc(paragraph));
    const folded = foldKeepLength(text).toLowerCase();
    const match = folded.match(ISSUER_VERB);
    if (!match?.[1] || match.index === undefined) continue;
    const start = match.index + match[0].indexOf(match[1]);
    const named = text.slice(start, start + match[1].length);
    // "Số 12 …" folds like "Sở": only the office counts.
    if (/^s/iu.test(named) && !/^sở\s/iu.test(named)) continue;
    const sentence = text.slice(start, match.index + match[0].length);
    const province = provinceAtEnd(named);
    const issuer = province ? cutProvince(named, province) : named;
    const source: HeadingSource = { kind: 'sentence', text: `từ câu ${quote(sentence)}` };
    return { issuer: normaliseCouncil(toNameCase(issuer)), ...(province ? { province } : {}), source };
  }
  return null;
}

/** "… NĂM 2025 CỦA SỞ XÂY DỰNG": the issuer named at the end of the title. */
export function titleClue(title: string): Clue | null {
  const text = collapseSpaces(toNfc(title));
  const folded = foldKeepLength(text).toLowerCase();
  const match = folded.match(/ cua ((?:so|uy ban nhan dan tinh|ubnd tinh)(?: [a-z,-]+){0,8})$/u);
  if (!match?.[1] || match.index === undefined) return null;
  const named = text.slice(text.length - match[1].length);
  if (/^s/iu.test(named) && !/^sở\s/iu.test(named)) return null;
  const province = provinceAtEnd(named);
  const issuer = province ? cutProvince(named, province) : named;
  return {
    issuer: normaliseCouncil(toNameCase(issuer)),
    ...(province ? { province } : {}),
    source: { kind: 'title', text: 'từ tiêu đề' },
  };
}

/**
 * The signature block: "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "KT. CHỦ TỊCH" sign for UBND tỉnh; "GIÁM ĐỐC",
 * "KT. GIÁM ĐỐC" for a Sở, whose name must come from elsewhere (`issuer` is then absent).
 */
export function signatureClue(lines: readonly string[]): Clue | null {
  for (const raw of lines) {
    const line = collapseSpaces(toNfc(raw));
    const folded = fold(line).replace(/\s*\.\s*/gu, '. ');
    const source: HeadingSource = { kind: 'signature', text: `từ phần ký (${quote(line)})` };
    if (
      /^(?:tm\. )?(?:uy ban nhan dan|ubnd)(?: tinh\b.*)?$/u.test(folded) ||
      /^(?:kt\. )?(?:pho )?chu tich$/u.test(folded)
    )
      return { issuer: 'UBND tỉnh', source };
    if (/^(?:kt\. |tl\. )?(?:pho )?giam doc$/u.test(folded)) return { source };
  }
  return null;
}

/** Plan-number suffixes and the issuer they stand for: "126/KH-UBND" is a plan of UBND tỉnh. */
const SUFFIX_ISSUERS: Readonly<Record<string, string>> = {
  ubnd: 'UBND tỉnh',
  snv: 'Sở Nội vụ',
  sxd: 'Sở Xây dựng',
  stc: 'Sở Tài chính',
  stp: 'Sở Tư pháp',
  syt: 'Sở Y tế',
  sct: 'Sở Công Thương',
  skhdt: 'Sở Kế hoạch và Đầu tư',
  sgddt: 'Sở Giáo dục và Đào tạo',
  stnmt: 'Sở Tài nguyên và Môi trường',
  stttt: 'Sở Thông tin và Truyền thông',
  skhcn: 'Sở Khoa học và Công nghệ',
  sgtvt: 'Sở Giao thông vận tải',
};

/** The issuer a plan number's suffix names ("126/KH-UBND" → UBND tỉnh), when it is a known one. */
export function codeClue(code: string | null | undefined): Clue | null {
  const suffix = code?.split('/').at(-1)?.split('-').at(-1);
  const issuer = suffix ? SUFFIX_ISSUERS[fold(suffix)] : undefined;
  if (!issuer || !code) return null;
  return { issuer, source: { kind: 'code', text: `suy từ số hiệu ${quote(code.replace(/^\//u, ''))}` } };
}

/** The province the body names most often as "tỉnh X" (first named wins a tie). */
export function bodyProvinceClue(texts: readonly string[]): Clue | null {
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const name of provincesNamed(text)) counts.set(name, (counts.get(name) ?? 0) + 1);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!best) return null;
  const [province, times] = best;
  return {
    province,
    source: { kind: 'body', text: `từ nội dung văn bản ("tỉnh ${province}", ${times} lần)` },
  };
}

function cutProvince(text: string, province: string): string {
  const words = text.split(' ');
  const cut = words.slice(0, words.length - province.split(' ').length);
  if (cut.length > 0 && fold(cut.at(-1) ?? '') === 'tinh' && !/^(?:uy|ubnd)/iu.test(fold(cut.join(' '))))
    cut.pop();
  return cut.join(' ');
}

/** "Ủy ban nhân dân tỉnh" → "UBND tỉnh": the form the lexicon and the import line use. */
function normaliseCouncil(issuer: string): string {
  return /^(?:uy ban nhan dan|ubnd) tinh$/u.test(fold(issuer)) ? 'UBND tỉnh' : issuer;
}

/** "SỞ KẾ HOẠCH VÀ ĐẦU TƯ" → "Sở Kế hoạch và Đầu tư"; text with lower-case letters is kept as written. */
function toNameCase(text: string): string {
  if (/\p{Ll}/u.test(text)) return text;
  const words = text.toLowerCase().split(' ');
  return words
    .map((word, at) => {
      const previous = words[at - 1] ?? '';
      const capital = at <= 1 || previous === 'và' || previous === '-' || previous.endsWith(',');
      return capital ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    })
    .join(' ');
}
