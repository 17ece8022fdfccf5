import { describe, expect, it } from 'vitest';
import { findReportRequest } from '../../../src/intent/entities/report-request.ts';
import { REPORT_VOCABULARY } from '../../../src/intent/report-vocabulary.ts';
import { loadChatLexicon, normalizeMessage } from '../../../src/vi/message.ts';

const lexicon = loadChatLexicon();
const folded = (message: string) => normalizeMessage(message, lexicon).folded;

describe('findReportRequest', () => {
  it.each([
    ['xuất báo cáo quý 4', { period: 'q4', year: null, format: 'xlsx' }],
    ['xuat bao cao 6 thang nam 2026 file word', { period: 'h1', year: 2026, format: 'docx' }],
    ['cho tôi file báo cáo quý III excel', { period: 'q3', year: null, format: 'xlsx' }],
    ['lập báo cáo năm 2026', { period: 'year', year: 2026, format: 'xlsx' }],
    ['Xuất báo cáo QUÝ IV/2025 dạng docx', { period: 'q4', year: 2025, format: 'docx' }],
    ['xuất báo cáo quý I năm 2026', { period: 'q1', year: 2026, format: 'xlsx' }],
    ['xuat bao cao quy ii', { period: 'q2', year: null, format: 'xlsx' }],
    ['xuất báo cáo sáu tháng đầu năm', { period: 'h1', year: null, format: 'xlsx' }],
    ['xuất báo cáo cả năm 2025 bản word', { period: 'year', year: 2025, format: 'docx' }],
    ['tạo báo cáo', { period: null, year: null, format: 'xlsx' }],
    ['xuất báo cáo 2026', { period: null, year: 2026, format: 'xlsx' }],
    ['xuất báo cáo quý 4 file xlsx', { period: 'q4', year: null, format: 'xlsx' }],
  ] as const)('%j → %j', (message, expected) => {
    expect(findReportRequest(folded(message))).toEqual(expected);
  });
});

describe('REPORT_VOCABULARY.exportReport', () => {
  it.each([
    'xuất báo cáo quý 4',
    'xuat bao cao 6 thang nam 2026 file word',
    'cho tôi file báo cáo quý III excel',
    'lập báo cáo năm 2026',
    'kết xuất báo cáo quý 3',
    'báo cáo quý 4 file excel',
    'tải về báo cáo năm 2026',
  ])('%j asks for the report file', (message) => {
    expect(REPORT_VOCABULARY.exportReport.test(folded(message))).toBe(true);
  });

  it.each([
    'báo cáo nhiệm vụ I.5 đã hoàn thành',
    'bên em đã lập báo cáo quý 4 rồi',
    'hạn nộp báo cáo quý 4 khi nào',
    'cách báo cáo',
    'báo cáo tiến độ',
  ])('%j does not', (message) => {
    expect(REPORT_VOCABULARY.exportReport.test(folded(message))).toBe(false);
  });
});
