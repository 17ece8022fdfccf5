import { words } from '../vocabulary.ts';

/** "có chỉ tiêu", "chỉ tiêu phần trăm", "bao nhiêu việc", "tối thiểu hay trên 85%": narrowing and asking words. */
const KPI_ONLY = words('co chi tieu', 'co kpi', 'co muc tieu', 'chi tieu (?:phan tram|%)', 'co ty le');
const PERCENT_ONLY = words('chi tieu (?:phan tram|%)', 'ty le phan tram', 'tinh (?:theo )?phan tram');
const COUNT = words(
  '(?:bao nhieu|may) (?:viec|nhiem vu|cong viec|dau viec|muc)',
  'so (?:luong )?(?:viec|nhiem vu)',
  'tong (?:so|cong)',
  'dem',
);
/** Two operators set against each other ("tối thiểu hay trên", "từ 80% trở lên hay trên 80%"). */
const OPERATOR = '(?:toi thieu|it nhat|tu|tren|hon|vuot|khong qua|toi da|duoi|bang|dung)';
/** …or one operator put as a yes-no question ("tối thiểu 99% à?", "trên 95% phải không"). */
export const OPERATOR_QUESTION = new RegExp(
  `(?:^|\\s)${OPERATOR}\\b[^?]{0,20}\\s+hay\\s+(?:la\\s+)?${OPERATOR}\\b|` +
    `(?:^|\\s)(?:toi thieu|it nhat|tren|duoi|toi da|khong qua)\\s+\\d+(?:[.,]\\d+)?\\s*%?\\s*(?:a|ha|ah|khong|ko|phai khong|dung khong|chu)\\s*[?.!]*$`,
);

/** Operator words: the question's, not its topic ("tối thiểu" in "tỷ lệ … tối thiểu hay trên 85%"). */
export const OPERATOR_WORDS = new Set([
  'thieu',
  'nhat',
  'tren',
  'duoi',
  'hon',
  'vuot',
  'len',
  'da',
  'qua',
  'bang',
]);

export interface Restrictions {
  kpiOnly: boolean;
  percentOnly: boolean;
  count: boolean;
  operatorQuestion: boolean;
}

export function findRestrictions(folded: string): Restrictions {
  const percentOnly = PERCENT_ONLY.test(folded);
  return {
    kpiOnly: percentOnly || KPI_ONLY.test(folded),
    percentOnly,
    count: COUNT.test(folded),
    operatorQuestion: OPERATOR_QUESTION.test(folded),
  };
}
