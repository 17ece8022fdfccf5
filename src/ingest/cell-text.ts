import { collapseSpaces, toNfc } from '../vi/fold.ts';

const LINE_BREAK = /\r\n|[\r\n\v\f\u2028\u2029]/;

/** The clean-up every cell goes through: NFC, spaces collapsed within each line, blank lines dropped. */
export function toCellText(text: string): string {
  return toNfc(text)
    .split(LINE_BREAK)
    .map(collapseSpaces)
    .filter((line) => line !== '')
    .join('\n');
}

/** Cell text as the importer reads it: also without markup left by converters ("<ul style=…>" in the 2024 plan). */
export function toPlainCellText(text: string): string {
  return toCellText(text.replace(/<[^>]*>/g, ' '));
}
