import { describe, expect, it } from 'vitest';
import { findTimeRange } from '../../../src/intent/entities/time-range.ts';
import { loadChatLexicon, normalizeMessage } from '../../../src/vi/message.ts';

const lexicon = loadChatLexicon();
/** A Wednesday. */
const TODAY = '2026-11-18';
const rangeOf = (message: string, today = TODAY) =>
  findTimeRange(normalizeMessage(message, lexicon).folded, today);

type Row = [message: string, from: string, to: string, label: string];

const ROWS: Row[] = [
  ['Tuần này phòng mình có nv gì?', '2026-11-16', '2026-11-22', 'tuần này (16/11–22/11/2026)'],
  ['tuan nay', '2026-11-16', '2026-11-22', 'tuần này (16/11–22/11/2026)'],
  ['Tuần tới', '2026-11-23', '2026-11-29', 'tuần sau (23/11–29/11/2026)'],
  ['tuần sau có gì 😀', '2026-11-23', '2026-11-29', 'tuần sau (23/11–29/11/2026)'],
  ['tuần trước', '2026-11-09', '2026-11-15', 'tuần trước (9/11–15/11/2026)'],
  ['Tháng này', '2026-11-01', '2026-11-30', 'tháng này (11/2026)'],
  ['tháng tới', '2026-12-01', '2026-12-31', 'tháng sau (12/2026)'],
  ['tháng 12', '2026-12-01', '2026-12-31', 'tháng 12/2026'],
  ['thg 3', '2026-03-01', '2026-03-31', 'tháng 3/2026'],
  ['Tháng 12/2026', '2026-12-01', '2026-12-31', 'tháng 12/2026'],
  ['tháng 2 năm 2028', '2028-02-01', '2028-02-29', 'tháng 2/2028'],
  ['quý này', '2026-10-01', '2026-12-31', 'quý này (IV/2026)'],
  ['quý sau', '2027-01-01', '2027-03-31', 'quý sau (I/2027)'],
  ['Quý IV', '2026-10-01', '2026-12-31', 'quý IV/2026'],
  ['quý 4', '2026-10-01', '2026-12-31', 'quý IV/2026'],
  ['Quý IV năm 2026', '2026-10-01', '2026-12-31', 'quý IV/2026'],
  ['quý II/2025'.normalize('NFD'), '2025-04-01', '2025-06-30', 'quý II/2025'],
  ['trước 31/12', '2026-11-18', '2026-12-31', 'trước 31/12/2026'],
  ['trc ngày 31/12/2026', '2026-11-18', '2026-12-31', 'trước 31/12/2026'],
  ['chậm nhất ngày 30 tháng 11', '2026-11-18', '2026-11-30', 'trước 30/11/2026'],
  ['đến 25/11', '2026-11-18', '2026-11-25', 'đến 25/11/2026'],
  ['trước 1/3', '2026-03-01', '2026-03-01', 'trước 1/3/2026'],
  ['từ 1/12 đến 15/12', '2026-12-01', '2026-12-15', '1/12–15/12/2026'],
  ['ngày 20/11 có gì', '2026-11-20', '2026-11-20', 'ngày 20/11/2026'],
  ['hạn 25/12 là nv nào', '2026-11-18', '2026-12-25', 'trước 25/12/2026'],
  ['Đến hết năm', '2026-11-18', '2026-12-31', 'đến hết năm 2026'],
  ['từ nay đến cuối tháng', '2026-11-18', '2026-11-30', 'đến hết tháng 11/2026'],
  ['năm nay', '2026-01-01', '2026-12-31', 'năm nay (2026)'],
  ['năm 2024', '2024-01-01', '2024-12-31', 'năm 2024'],
  ['hôm nay', '2026-11-18', '2026-11-18', 'hôm nay (18/11/2026)'],
  ['hnay có j ko', '2026-11-18', '2026-11-18', 'hôm nay (18/11/2026)'],
  ['ngày mai', '2026-11-19', '2026-11-19', 'ngày mai (19/11/2026)'],
  ['7 ngày tới', '2026-11-18', '2026-11-25', '7 ngày tới'],
  ['trong 14 ngày tới', '2026-11-18', '2026-12-02', '14 ngày tới'],
  ['nv nào sắp đến hạn', '2026-11-18', '2026-12-02', '14 ngày tới'],
  ['6 tháng đầu năm 2026', '2026-01-01', '2026-06-30', '6 tháng đầu năm 2026'],
  ['6 tháng cuối năm', '2026-07-01', '2026-12-31', '6 tháng cuối năm 2026'],
  // the most precise phrase wins
  ['nv 2.2.1 tháng 12 năm nay', '2026-12-01', '2026-12-31', 'tháng 12/2026'],
  ['năm 2026, trước 31/12', '2026-11-18', '2026-12-31', 'trước 31/12/2026'],
];

describe('findTimeRange', () => {
  it.each(ROWS)('%j → %s..%s %j', (message, from, to, label) => {
    expect(rangeOf(message)).toEqual({ from, to, label });
  });

  it.each([
    'nhiệm vụ III.8',
    'đạt 60%',
    'KH 55/KH-SXD',
    'trước 31/2',
    'quý 5',
    'mục 2.2.1',
    'nhiệm vụ của phòng mình',
  ])('%j names no period', (message) => {
    expect(rangeOf(message)).toBeNull();
  });

  it('starts weeks on Monday, across a year end', () => {
    expect(rangeOf('tuần này', '2025-12-31')).toEqual({
      from: '2025-12-29',
      to: '2026-01-04',
      label: 'tuần này (29/12/2025–4/1/2026)',
    });
    expect(rangeOf('tuần này', '2026-11-16')?.from).toBe('2026-11-16');
    expect(rangeOf('tuần này', '2026-11-22')?.from).toBe('2026-11-16');
  });

  it('rolls months and quarters over the year end', () => {
    expect(rangeOf('tháng tới', '2026-12-05')?.from).toBe('2027-01-01');
    expect(rangeOf('quý tới', '2026-12-05')?.to).toBe('2027-03-31');
    expect(rangeOf('tháng trước', '2026-01-10')?.from).toBe('2025-12-01');
  });

  it('keeps a month already past in the current year', () => {
    expect(rangeOf('tháng 3', '2026-11-18')?.from).toBe('2026-03-01');
  });

  it('refuses a malformed today', () => {
    expect(() => rangeOf('tuần này', '18/11/2026')).toThrow(RangeError);
    expect(() => rangeOf('tuần này', '2026-02-30')).toThrow(RangeError);
  });
});
