import { words } from './vocabulary.ts';

/**
 * The words of progress reports that name their task by its words, and of taking a report back. Patterns run on
 * the folded message, like those of src/intent/vocabulary.ts.
 */
export const REPORT_VOCABULARY = {
  /** "hủy báo cáo vừa rồi", "xóa báo cáo vừa gửi", "rút lại báo cáo": takes back the person's latest report. */
  undoReport:
    /^(?:(?:em|toi|minh|cho (?:em|toi|minh)|xin|vui long|ban)\s+)?(?:huy|xoa|rut lai|go)(?:\s+bo)?\s+(?:cai\s+)?(?:bao cao|cap nhat)(?!\s+(?:tuan|thang|quy|dinh ky|nam))(?:\s|$|[.!,])/,
  /** Who says "we did it" about their own unit's work: with a progress statement, a report by the task's words. */
  reportSubject: words(
    'ben em',
    'ben toi',
    'ben minh',
    'phong em',
    'phong toi',
    'phong minh',
    'don vi em',
    'don vi toi',
    'don vi minh',
    'chung em',
    'chung toi',
    'so em',
    'to em',
    'nhom em',
    'em',
  ),
  /**
   * Asking for the period report as a file: "xuất báo cáo quý 4", "lập báo cáo năm 2026", "cho tôi file báo cáo
   * quý III excel", "báo cáo 6 tháng file word". A weekly summary ("báo cáo tuần") is the digest, and a message
   * naming a task or a progress is a progress report: classify checks those first.
   */
  exportReport: new RegExp(
    [
      '(?:^|\\s)(?<!da\\s)(?:xuat|ket xuat|lap|tao|tai)\\s+(?:ra\\s+|giup\\s+|ve\\s+)?(?:cho\\s+(?:toi|em|minh)\\s+)?(?:file\\s+|tep\\s+|ban\\s+)?bao cao(?:\\s|$|[.!?,])',
      '(?:^|\\s)(?:file|tep)\\s+bao cao(?:\\s|$|[.!?,])',
      '(?:^|\\s)bao cao\\s+(?:quy|6 thang|sau thang|ca nam|nam)\\b.*\\s(?:file|tep|excel|word|xlsx|docx)(?:\\s|$|[.!?,])',
    ].join('|'),
  ),
  /** Question words anywhere in the message: "việc nào đã xong" asks, it does not report. */
  askWords: words('nao', 'gi', 'bao nhieu', 'ai', 'khi nao', 'bao gio', 'the nao', 'ra sao', 'co phai'),
} as const;

/**
 * Words of a progress report that name no task ("báo cáo", "tiến độ", "xong rồi", "bên em"): removed before the
 * rest of the message is matched against the unit's tasks.
 */
export const REPORT_NOISE_PHRASES = (
  'bao cao|cap nhat|tien do|thuc te|ket qua|bat dau|trien khai|tien hanh|xu ly|thay mat|khoi luong|so lieu|' +
  'phong em|so em|don vi em|to em|nhom em|vua roi|vua xong|hoan tat|gan xong|sap xong'
)
  .split('|')
  .map((p) => p.split(' '));
export const REPORT_NOISE_WORDS = new Set('xong roi khoang vua moi nhe luon do kia ay day thay'.split(' '));
