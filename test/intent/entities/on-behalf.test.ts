import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/intent/classify.ts';
import { findOnBehalf } from '../../../src/intent/entities/on-behalf.ts';
import { findProgress } from '../../../src/intent/entities/progress.ts';
import { findTaskRefs } from '../../../src/intent/entities/task-ref.ts';
import { loadChatLexicon, normalizeMessage } from '../../../src/vi/message.ts';

const lexicon = loadChatLexicon();
const folded = (message: string) => normalizeMessage(message, lexicon).folded;
/** The words naming the unit, joined; null when the report is not made for another unit. */
const unitWords = (message: string) => findOnBehalf(folded(message))?.unitTokens.join(' ') ?? null;

describe('a report made for another unit names it after "báo cáo thay"', () => {
  it.each([
    ['báo cáo thay Phòng Kế hoạch - Tài chính: nhiệm vụ VI.4 đạt 80%', 'phong ke hoach tai chinh'],
    ['bao cao thay phong KHTC nhiem vu VI.4 dat 80%', 'phong ke hoach tai chinh'],
    ['bc thay cho phòng KHTC nv VI.4 đã xong', 'phong ke hoach tai chinh'],
    ['Báo cáo thay Văn phòng Sở, Sở Xây dựng: nhiệm vụ VI.1 đã hoàn thành', 'van phong so so xay dung'],
    // Without a colon, the task number ends the name ("Sở NV" must not swallow "nhiệm vụ").
    ['báo cáo thay Văn phòng Sở nv III.8 đạt 50%', 'van phong so'],
    ['báo cáo thay VP Sở III.8 đạt 50%', 'van phong so'],
    ['cập nhật tiến độ thay Phòng Công chức, viên chức: III.8 đạt 50%', 'phong cong chuc vien chuc'],
    ['thay mặt Sở Tư pháp báo cáo nhiệm vụ II.2 đạt 90%', 'so tu phap'],
    ['báo cáo thay: nhiệm vụ III.8 đạt 80%', ''],
  ])('%s → %j', (message, words) => {
    expect(unitWords(message)).toBe(words);
  });

  it.each([
    'báo cáo nhiệm vụ VI.4 đạt 80%',
    'báo cáo thay đổi tiến độ nhiệm vụ VI.4 đạt 80%',
    'nhiệm vụ III.8 thay thế bằng kế hoạch mới',
    'Phòng KHTC thay đổi hạn nhiệm vụ VI.4',
  ])('%s → not on behalf', (message) => {
    expect(unitWords(message)).toBeNull();
  });

  it.each([
    'báo cáo thay Phòng Kế hoạch - Tài chính: nhiệm vụ VI.4 đạt 80%',
    'bao cao thay phong KHTC nhiem vu VI.4 dat 80%',
    'thay mặt Sở Tư pháp báo cáo nhiệm vụ II.2 đạt 90%',
  ])('%s stays a report_progress (intent names are a contract)', (message) => {
    const f = folded(message);
    const p = findProgress(f);
    const signals = {
      taskRef: findTaskRefs(f).length > 0,
      unit: true,
      timeRange: false,
      progress: p.status !== null || p.percent !== null,
    };
    expect(classify(f, signals)).toBe('report_progress');
  });
});
