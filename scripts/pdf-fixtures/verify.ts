/**
 * Checks on the generated PDFs. The one that matters most for the reader: which task rows a page break cuts
 * (the row starts on one page and goes on at the top of the next), since those are what the PDF reader must
 * stitch back together.
 */
import { pageCount, pdfText } from './tools.ts';

const words = (text: string) => text.split(/\s+/).filter((w) => w !== '');

/** Page text as lines with runs of spaces collapsed: a phrase set on one visual line stays contiguous. */
function pageLines(pdf: string): string[][] {
  const pages: string[][] = [];
  for (let page = 1; page <= pageCount(pdf); page += 1) {
    pages.push(
      pdfText(pdf, { layout: true, page })
        .split('\n')
        .map((l) => l.replace(/\s+/g, ' ').trim()),
    );
  }
  return pages;
}

const onPage = (lines: string[] | undefined, phrase: string) => (lines ?? []).some((l) => l.includes(phrase));

/**
 * Task rows cut by a page break, found through their content cell: its opening words are on page p while its
 * last two words are not on p but are on p + 1. Conservative: a row whose last word also occurs below its
 * opening on page p is not reported.
 */
export function rowsCutByPageBreak(pdf: string, contents: string[]): { page: number; start: string }[] {
  const pages = pageLines(pdf);
  const cut: { page: number; start: string }[] = [];
  let from = 0;
  for (const content of contents) {
    const all = words(content.replace(/\n/g, ' '));
    if (all.length < 4) continue;
    const tail = all.slice(-2).join(' ');
    // The longest opening (6 words down to 3) found on one line: rows may share their first words.
    let headPage = -1;
    let head = '';
    for (let size = 6; size >= 3 && headPage < 0; size -= 1) {
      head = all.slice(0, size).join(' ');
      headPage = pages.findIndex((lines, index) => index >= from && onPage(lines, head));
    }
    if (headPage < 0) continue;
    from = headPage;
    // The last two words may wrap apart: the last word must not be anywhere below the opening on page p either.
    const below = (pages[headPage] ?? []).slice((pages[headPage] ?? []).findIndex((l) => l.includes(head)));
    const lastWordBelow = below.some((l) => l.split(' ').includes(all.at(-1) ?? ''));
    if (!lastWordBelow && !onPage(pages[headPage], tail) && onPage(pages[headPage + 1], tail)) {
      cut.push({ page: headPage + 1, start: all.slice(0, 8).join(' ') });
    }
  }
  return cut;
}

export function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(`make-pdf-fixtures: check failed: ${message}`);
}
