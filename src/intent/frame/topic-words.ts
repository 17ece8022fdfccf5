/**
 * Words of a question that belong to other slots of the frame — a period ("tháng 12", "quý IV"), a follow-up
 * ("thế còn … thì sao"), a status ("thường xuyên", "chưa báo cáo") — and must not become topic words: a stray
 * "tháng" would narrow "việc phòng tôi hạn trong tháng 12" to tasks about months.
 */
const TIME_HEADS = new Set(['thang', 'quy', 'tuan', 'ngay', 'nam']);
const TIME_TAILS = new Set([
  'nay',
  'toi',
  'sau',
  'truoc',
  'ngoai',
  'qua',
  'roi',
  'i',
  'ii',
  'iii',
  'iv',
  'cuoi',
  'dau',
]);

/** Indexes of time words: a head followed by a number, a roman numeral or "này/tới/sau/trước/ngoái". */
export function timeWordIndexes(tokens: readonly string[]): number[] {
  const out: number[] = [];
  tokens.forEach((w, i) => {
    const next = tokens[i + 1] ?? '';
    if (TIME_HEADS.has(w) && (/^\d/.test(next) || TIME_TAILS.has(next))) out.push(i, i + 1);
  });
  return out;
}
