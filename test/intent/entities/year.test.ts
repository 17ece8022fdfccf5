import { describe, expect, it } from 'vitest';
import { findPlanNumber, findYear } from '../../../src/intent/entities/year.ts';
import { loadChatLexicon, normalizeMessage } from '../../../src/vi/message.ts';

const lexicon = loadChatLexicon();
const folded = (message: string) => normalizeMessage(message, lexicon).folded;

describe('findYear', () => {
  it.each([
    ['Nhiệm vụ năm 2024 của phòng mình', 2024],
    ['kế hoạch CCHC 2025 của Sở', 2025],
    ['Kế hoạch 2024', 2024],
    ['KH 55/KH-SXD năm 2025', 2025],
    ['2026 có gì mới 😀', 2026],
    ['nhiệm vụ 5 năm 2024, 2025', 2024],
  ] as const)('%j → %d', (message, year) => {
    expect(findYear(folded(message))).toBe(year);
  });

  it.each([
    'trước 31/12/2026',
    'hạn 2026-12-31',
    'Nghị định 55/2024/NĐ-CP',
    'quý IV/2026',
    'năm 1999',
    'đạt 2025%',
    'nhiệm vụ III.8',
    'có 2500 hồ sơ',
  ])('%j names no year', (message) => {
    expect(findYear(folded(message))).toBeNull();
  });
});

describe('findPlanNumber', () => {
  it.each([
    ['kế hoạch 126 giao gì', '126'],
    ['Kế hoạch số 126/KH-UBND', '126'],
    ['kh 55', '55'],
    ['KH số 55 năm 2025', '55'],
    ['theo 55/KH-SXD', '55'],
    ['Kế hoạch số 06-KH/TU ngày 28/11/2025', '06'],
    ['kh55 mục III.8', '55'],
  ] as const)('%j → %j', (message, number) => {
    expect(findPlanNumber(folded(message))).toBe(number);
  });

  it.each(['kế hoạch 2024', 'kế hoạch năm 2025', 'phòng KHTC', 'nhiệm vụ 5', 'trước 31/12'])(
    '%j names no plan number',
    (message) => {
      expect(findPlanNumber(folded(message))).toBeNull();
    },
  );
});
