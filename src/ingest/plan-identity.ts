/**
 * Completes what a plan's heading says about itself (the "Kèm theo Kế hoạch số …" line, the title) with what the
 * rest of the document states: the header block, a body sentence naming the issuer, the plan number's suffix,
 * the signature block, and the province its body names most. The first source that states a field wins, in
 * that order; each field keeps where it was read, for the import line. A sidecar .meta.json still overrides all
 * of it (in `build-plan.ts`).
 */
import {
  bodyProvinceClue,
  type Clue,
  codeClue,
  headerClues,
  headerLines,
  sentenceClue,
  signatureClue,
  titleClue,
} from './identity-clues.ts';
import type { HeadingSources, PlanHeading } from './types.ts';

/** The parts of a document where its identity may be stated. */
export interface PlanText {
  /** Lines above the task table or the body: header block, title, "Kèm theo …". */
  preamble: readonly string[];
  /** Prose paragraphs before the tasks, where "UBND tỉnh ban hành kế hoạch …" is said. */
  prose: readonly string[];
  /** Lines after the body (the signature block), when the reader kept them. */
  after: readonly string[];
  /** All text of the body (task cells, paragraphs), for the provinces it names. */
  body: readonly string[];
}

export function completeHeading(heading: PlanHeading, text: PlanText): PlanHeading {
  const result: PlanHeading = { ...heading, sources: { ...heading.sources } };
  const header = headerClues(headerLines(text.preamble));
  for (const clue of header) apply(result, clue);
  const ordered = [
    titleClue(heading.title),
    sentenceClue(text.prose),
    codeClue(result.code ?? header.find((clue) => clue.code !== undefined)?.code),
  ];
  for (const clue of ordered) if (clue) apply(result, clue);
  const signature = signatureClue(text.after);
  if (signature?.issuer) apply(result, signature);
  // "GIÁM ĐỐC" signs for a Sở that nothing names: kept so that the refusal can say what was found.
  else if (signature && result.issuer === null) result.sources.issuer ??= signature.source;
  const province = bodyProvinceClue(text.body);
  if (province) apply(result, province);
  return result;
}

/** Fills the fields still unknown from one clue, recording where each was read. */
function apply(heading: PlanHeading, clue: Clue): void {
  const sources: HeadingSources = heading.sources;
  if (clue.issuer !== undefined && heading.issuer === null) {
    heading.issuer = clue.issuer;
    sources.issuer = clue.source;
  }
  if (clue.province !== undefined && heading.province === null) {
    heading.province = clue.province;
    sources.province = clue.source;
  }
  // "Số: /KH-SNV" has no number yet: it names the issuer (through its suffix) but is no code.
  if (clue.code !== undefined && /^\d/u.test(clue.code) && heading.code === null) {
    heading.code = clue.code;
    sources.code = clue.source;
  }
  if (clue.year !== undefined && heading.year === null) {
    heading.year = clue.year;
    sources.year = clue.source;
  }
  if (clue.date !== undefined && heading.date === null) heading.date = clue.date;
}
