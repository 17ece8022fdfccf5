import { describe, expect, it } from 'vitest';
import { findProgress, type ProgressStatement } from '../../../src/intent/entities/progress.ts';
import { loadChatLexicon, normalizeMessage } from '../../../src/vi/message.ts';

const lexicon = loadChatLexicon();
const progressOf = (message: string) => findProgress(normalizeMessage(message, lexicon).folded);

const none: ProgressStatement = { status: null, percent: null, actual: null, invalid: null };
type Row = [message: string, expected: Partial<ProgressStatement>];

const ROWS: Row[] = [
  // status words
  ['Nhiệm vụ III.8 đã hoàn thành', { status: 'done' }],
  ['nv 5 ht rồi nhé', { status: 'done' }],
  ['xong rồi ạ 👍', { status: 'done' }],
  ['Đã hoàn tất báo cáo', { status: 'done' }],
  ['đã hoàn thành đúng hạn', { status: 'done' }],
  ['Đang thực hiện'.normalize('NFD'), { status: 'in_progress' }],
  ['dag lam', { status: 'in_progress' }],
  ['sắp xong rồi', { status: 'in_progress' }],
  ['Chưa bắt đầu', { status: 'not_started' }],
  ['chx lam', { status: 'not_started' }],
  ['chưa làm xong', { status: 'in_progress' }],
  ['chưa thực hiện xong', { status: 'in_progress' }],
  ['chưa hoàn thành', { status: 'in_progress' }],
  ['ko xong dc', { status: 'in_progress' }],
  // a done word that is a deadline or a question
  ['phải hoàn thành trước 31/12', none],
  ['hoàn thành trước ngày 30/6', none],
  ['xong chưa?', none],
  ['bao giờ hoàn thành', none],
  // percentage done
  ['đang thực hiện, đạt 60%', { status: 'in_progress', percent: 60 }],
  ['đạt 60%', { status: 'in_progress', percent: 60 }],
  ['dc 45% rồi', { status: 'in_progress', percent: 45 }],
  ['tiến độ 75 %', { status: 'in_progress', percent: 75 }],
  ['60% khối lượng', { status: 'in_progress', percent: 60 }],
  ['tỷ lệ hoàn thành 60%', { status: 'in_progress', percent: 60 }],
  ['hoàn thành 60 phần trăm', { status: 'in_progress', percent: 60 }],
  ['đã hoàn thành 100%', { status: 'done', percent: 100 }],
  ['đạt 100%', { status: 'done', percent: 100 }],
  ['đạt 0%', { status: 'not_started', percent: 0 }],
  ['đạt 62,5%', { status: 'in_progress', percent: 62.5 }],
  ['nv 2.2.1 đạt 50-60%', { status: 'in_progress', percent: 60 }],
  // KPI actual value
  ['tỷ lệ thực tế 85%', { actual: 85, percent: null }],
  ['thực tế đạt 85,5%', { actual: 85.5, percent: null }],
  ['kết quả 99,2%', { actual: 99.2 }],
  ['số liệu 75%', { actual: 75 }],
  ['tỷ lệ hồ sơ trực tuyến đạt 98%', { actual: 98, percent: null }],
  ['thực tế đạt 120%', { actual: 120, invalid: null }],
  ['số liệu thực tế 120 hồ sơ', { actual: 120 }],
  ['Đã hoàn thành 100%, tỷ lệ hồ sơ đúng hạn thực tế 98%', { status: 'done', percent: 100, actual: 98 }],
  ['kết quả: đã hoàn thành 100%', { status: 'done', percent: 100, actual: null }],
  // invalid
  ['đạt 120%', { status: null, percent: null, invalid: 'percent_over_100' }],
  ['tiến độ -5%', { percent: null, invalid: 'percent_negative' }],
  ['tiến độ âm 10%', { invalid: 'percent_negative' }],
  ['thực tế -3%', { actual: null, invalid: 'actual_negative' }],
  ['đã hoàn thành 120%', { status: 'done', percent: null, invalid: 'percent_over_100' }],
  // nothing said
  ['nhiệm vụ của phòng mình là gì', none],
  ['trước 31/12 có gì', none],
];

describe('findProgress', () => {
  it.each(ROWS)('%j → %j', (message, expected) => {
    expect(progressOf(message)).toMatchObject(expected);
  });

  it('returns every field', () => {
    expect(findProgress('dat 60%')).toEqual({
      status: 'in_progress',
      percent: 60,
      actual: null,
      invalid: null,
    });
  });
});
