/**
 * The narrative 2023 plan as a Word document. Its .txt is a PDF extraction: hard-wrapped lines with a blank line
 * after each, so the paragraphs are rebuilt (by the importer's own reader) before writing one Word paragraph each.
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { type MarkerKind, toParagraphs } from '../../src/ingest/narrative/paragraphs.ts';

export interface NarrativeParagraph {
  text: string;
  kind: 'title' | 'heading' | 'body';
}

const MARKER_TEXT: Record<MarkerKind, (code: string) => string> = {
  roman: (code) => `${code}. `,
  decimal: (code) => `${code}. `,
  paren: (code) => `(${code}) `,
  letter: (code) => `${code}) `,
  dash: () => '- ',
  plus: () => '+ ',
  none: () => '',
};

/**
 * The paragraphs exactly as the importer's narrative reader reads the .txt (its own `toParagraphs`), so that the
 * PDF holds the same paragraphs and only the line wrapping differs: what the PDF reader must recover.
 */
export function rebuildParagraphs(text: string): NarrativeParagraph[] {
  const paragraphs = toParagraphs(text);
  const firstPart = paragraphs.findIndex((p) => p.kind === 'roman');
  return paragraphs.map((p, index) => {
    const written = `${MARKER_TEXT[p.kind](p.code)}${p.body}`;
    const kind = index < firstPart && index <= 1 ? 'title' : p.kind === 'roman' ? 'heading' : 'body';
    return { text: written, kind };
  });
}

export async function narrativeDocx(paragraphs: NarrativeParagraph[]): Promise<Buffer> {
  const children = paragraphs.map((p) => {
    if (p.kind === 'title') {
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        children: [new TextRun({ text: p.text, bold: true })],
      });
    }
    // Body text as in an administrative document: justified, first line indented 1 cm, 6 pt after.
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: 567 },
      spacing: { after: 120 },
      children: [new TextRun({ text: p.text, bold: p.kind === 'heading' })],
    });
  });
  const document = new Document({
    styles: { default: { document: { run: { font: 'Times New Roman', size: 28 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
