import { describe, expect, it } from 'vitest';
import { findTaskRefs } from '../../../src/intent/entities/task-ref.ts';
import { loadChatLexicon, normalizeMessage } from '../../../src/vi/message.ts';

const lexicon = loadChatLexicon();
const refsOf = (message: string) =>
  findTaskRefs(normalizeMessage(message, lexicon).folded).map(({ section, stt }) => ({ section, stt }));

type Row = [message: string, refs: { section: string | null; stt: string }[]];

const TAKEN: Row[] = [
  ['Nhiệm vụ I.5 là gì?', [{ section: 'I', stt: '5' }]],
  ['III.8 ai chủ trì', [{ section: 'III', stt: '8' }]],
  ['cho mình hỏi mục III.8 của Phòng KHTC', [{ section: 'III', stt: '8' }]],
  ['nv iii.7 hạn khi nào', [{ section: 'III', stt: '7' }]],
  ['NHIỆM VỤ XII.3', [{ section: 'XII', stt: '3' }]],
  ['Mục 2.2.1 giao cho ai', [{ section: null, stt: '2.2.1' }]],
  ['nhiệm vụ 1.2.3 (1)', [{ section: null, stt: '1.2.3 (1)' }]],
  ['1.2.3(1) đã xong', [{ section: null, stt: '1.2.3 (1)' }]],
  ['mục 3.2 b) ai làm', [{ section: null, stt: '3.2 b)' }]],
  ['nhiệm vụ 5 mục I', [{ section: 'I', stt: '5' }]],
  ['nhiem vu so 5 thuoc muc II', [{ section: 'II', stt: '5' }]],
  ['Mục II, nhiệm vụ 3 đã hoàn thành', [{ section: 'II', stt: '3' }]],
  ['nhiệm vụ 5', [{ section: null, stt: '5' }]],
  ['nv thứ 7 của p mình', [{ section: null, stt: '7' }]],
  ['STT 12 hạn khi nào', [{ section: null, stt: '12' }]],
  [
    'Nhiệm vụ III.8 và III.9'.normalize('NFD'),
    [
      { section: 'III', stt: '8' },
      { section: 'III', stt: '9' },
    ],
  ],
  ['👉 nv II.4 👈 xong chưa', [{ section: 'II', stt: '4' }]],
  ['nhiệm vụ 5 tháng 12 làm gì', [{ section: null, stt: '5' }]],
  ['III.8 năm 2025', [{ section: 'III', stt: '8' }]],
  ['nv III.8, III.8 nữa', [{ section: 'III', stt: '8' }]],
  // As staff write them: no dot, a hyphen, "điểm b", a whole section with its appendix.
  ['nv IV 2', [{ section: 'IV', stt: '2' }]],
  ['nhiem vu iv 2 xong chua', [{ section: 'IV', stt: '2' }]],
  ['nhiệm vụ I-3', [{ section: 'I', stt: '3' }]],
  ['mục II - 4 ai chủ trì', [{ section: 'II', stt: '4' }]],
  ['VII-2 hạn khi nào', [{ section: 'VII', stt: '2' }]],
  ['nv VII 3.4.1', [{ section: 'VII', stt: '3.4.1' }]],
  ['mục 3.2 điểm b', [{ section: null, stt: '3.2 b)' }]],
  ['muc 3.3, diem c ai lam', [{ section: null, stt: '3.3 c)' }]],
  ['mục IV.2 điểm c kế hoạch 2023', [{ section: 'IV', stt: '2 c)' }]],
  ['muc vii phu luc iii', [{ section: 'VII', stt: '' }]],
  ['nhiệm vụ ở mục VII phụ lục III là gì', [{ section: 'VII', stt: '' }]],
  ['mục I.5 phụ lục III', [{ section: 'I', stt: '5' }]],
  // "điểm mới" is a new point, not item m).
  ['mục 3.2 điểm mới', [{ section: null, stt: '3.2' }]],
];

const NOT_TAKEN: string[] = [
  'hạn 31/12',
  'trước ngày 30/6/2026',
  'đạt 60%',
  'thực tế 85.5%',
  'năm 2024',
  'nhiệm vụ 2024',
  'kế hoạch 126',
  'KH 55/KH-SXD',
  'Kế hoạch số 06-KH/TU',
  'quý IV',
  'quý 3',
  'quý IV.2026',
  'trước 31.12',
  'ngày 31.12.2026',
  'kinh phí 1.000.000 đồng',
  'nhiệm vụ 7 ngày tới',
  'mất 2.5 ngày',
  'I5',
  'v.v.',
  'quý IV-2026',
  'KH 55/KH-SXD phụ lục III',
  'mục VII của phòng tôi',
  'phụ lục III có gì',
  'nhiệm vụ IV 2025',
];

describe('findTaskRefs', () => {
  it.each(TAKEN)('%j → %j', (message, refs) => {
    expect(refsOf(message)).toEqual(refs);
  });

  it.each(NOT_TAKEN)('%j names no task', (message) => {
    expect(refsOf(message)).toEqual([]);
  });

  it('returns the matched folded text', () => {
    expect(findTaskRefs('hoi nhiem vu 5 muc i nhe')[0]?.raw).toBe('nhiem vu 5 muc i');
    expect(findTaskRefs('muc iii.8 cua ai')[0]?.raw).toBe('iii.8');
  });
});
