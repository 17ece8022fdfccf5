/**
 * A PDF page as the table reader sees it: text pieces and ruling lines, in page coordinates with the origin at
 * the top left and y growing downwards (the page's rotation already applied), in PDF points.
 */

/** One piece of text as the PDF draws it: usually a line of a cell, sometimes a word. */
export interface PdfItem {
  /** NFC text. */
  text: string;
  x0: number;
  x1: number;
  /** The baseline. */
  y: number;
  /** Font size: the piece spans roughly from `y - h` to `y + h / 4`. */
  h: number;
}

export interface HorizontalRule {
  y: number;
  x0: number;
  x1: number;
}

export interface VerticalRule {
  x: number;
  y0: number;
  y1: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  items: PdfItem[];
  horizontal: HorizontalRule[];
  vertical: VerticalRule[];
}

/** A line of text: pieces on one baseline, left to right, inside one column or across the page. */
export interface PdfLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  h: number;
  page: number;
}
