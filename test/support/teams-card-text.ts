/** Reading what the bot sent to Teams, for assertions on plain messages and Adaptive Cards alike. */

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What a reader sees of a posted activity: its text, then, for each Adaptive Card, every TextBlock/TextRun
 * text and `title: value` fact, one per line, walking containers, columns and tables.
 */
export function textOf(activity: unknown): string {
  if (!isObject(activity)) return '';
  const lines: string[] = [];
  if (typeof activity.text === 'string' && activity.text !== '') lines.push(activity.text);
  const attachments = Array.isArray(activity.attachments) ? activity.attachments : [];
  for (const attachment of attachments) {
    if (isObject(attachment) && attachment.contentType === ADAPTIVE_CARD && isObject(attachment.content)) {
      collectCardText(attachment.content.body, lines);
    }
  }
  return lines.join('\n');
}

function collectCardText(node: unknown, lines: string[]): void {
  if (Array.isArray(node)) {
    for (const child of node) collectCardText(child, lines);
    return;
  }
  if (!isObject(node)) return;
  if ((node.type === 'TextBlock' || node.type === 'TextRun') && typeof node.text === 'string') {
    lines.push(node.text);
  }
  if (node.type === 'FactSet' && Array.isArray(node.facts)) {
    for (const fact of node.facts) {
      if (isObject(fact)) lines.push(`${String(fact.title ?? '')}: ${String(fact.value ?? '')}`);
    }
  }
  // Containers hold `items`, ColumnSets `columns` (each an `items` holder), RichTextBlocks `inlines`,
  // Tables `rows` of `cells`.
  for (const key of ['items', 'columns', 'inlines', 'rows', 'cells']) collectCardText(node[key], lines);
}
