/**
 * Vietnam's 63 provinces and centrally-run cities (the division the shipped plans of 2023–2026 were written
 * under), so that "Sở Nội vụ Lạng Sơn" or "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN" yields "Lạng Sơn" however it is cased
 * or accented. Matched on folded words; returned as written here.
 */
import { foldWords } from './fold.ts';

export const PROVINCES: readonly string[] = [
  'An Giang',
  'Bà Rịa - Vũng Tàu',
  'Bạc Liêu',
  'Bắc Giang',
  'Bắc Kạn',
  'Bắc Ninh',
  'Bến Tre',
  'Bình Dương',
  'Bình Định',
  'Bình Phước',
  'Bình Thuận',
  'Cà Mau',
  'Cao Bằng',
  'Cần Thơ',
  'Đà Nẵng',
  'Đắk Lắk',
  'Đắk Nông',
  'Điện Biên',
  'Đồng Nai',
  'Đồng Tháp',
  'Gia Lai',
  'Hà Giang',
  'Hà Nam',
  'Hà Nội',
  'Hà Tĩnh',
  'Hải Dương',
  'Hải Phòng',
  'Hậu Giang',
  'Hòa Bình',
  'Hồ Chí Minh',
  'Hưng Yên',
  'Khánh Hòa',
  'Kiên Giang',
  'Kon Tum',
  'Lai Châu',
  'Lạng Sơn',
  'Lào Cai',
  'Lâm Đồng',
  'Long An',
  'Nam Định',
  'Nghệ An',
  'Ninh Bình',
  'Ninh Thuận',
  'Phú Thọ',
  'Phú Yên',
  'Quảng Bình',
  'Quảng Nam',
  'Quảng Ngãi',
  'Quảng Ninh',
  'Quảng Trị',
  'Sóc Trăng',
  'Sơn La',
  'Tây Ninh',
  'Thái Bình',
  'Thái Nguyên',
  'Thanh Hóa',
  'Thừa Thiên Huế',
  'Tiền Giang',
  'Trà Vinh',
  'Tuyên Quang',
  'Vĩnh Long',
  'Vĩnh Phúc',
  'Yên Bái',
];

/** Folded word sequence → name; longest first so "ba ria vung tau" wins over any shorter name inside it. */
const BY_KEY: readonly (readonly [string, string])[] = PROVINCES.map(
  (name) => [foldWords(name), name] as const,
)
  .concat([
    ['thua thien hue', 'Thừa Thiên Huế'],
    ['tp ho chi minh', 'Hồ Chí Minh'],
  ])
  .sort((a, b) => b[0].length - a[0].length);

/** The province whose name `text` starts with ("Lạng Sơn năm 2025" → "Lạng Sơn"), or null. */
export function provinceAtStart(text: string): string | null {
  const words = foldWords(text);
  return BY_KEY.find(([key]) => words === key || words.startsWith(`${key} `))?.[1] ?? null;
}

/** The province whose name `text` ends with ("Sở Nội vụ Lạng Sơn" → "Lạng Sơn"), or null. */
export function provinceAtEnd(text: string): string | null {
  const words = foldWords(text);
  return BY_KEY.find(([key]) => words === key || words.endsWith(` ${key}`))?.[1] ?? null;
}

/** Every "tỉnh X" / "thành phố X" naming a province, in text order, as names: ["Lạng Sơn", "Lạng Sơn"]. */
export function provincesNamed(text: string): string[] {
  const words = foldWords(text);
  const found: string[] = [];
  for (const match of words.matchAll(/\b(?:tinh|thanh pho|tp) /g)) {
    const name = provinceAtStart(words.slice((match.index ?? 0) + match[0].length));
    if (name) found.push(name);
  }
  return found;
}
