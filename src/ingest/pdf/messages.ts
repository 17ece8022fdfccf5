/** What a clerk is told about a PDF the importer cannot read (Vietnamese lives here, not in the readers). */
export const PDF_MESSAGES = {
  invalid: 'Tệp này không phải PDF hợp lệ hoặc đã bị hỏng',
  encrypted:
    'PDF này được đặt mật khẩu nên không đọc được — hãy gỡ mật khẩu, hoặc dùng bản .docx/.xlsx hay PDF xuất từ Word',
  scanned: 'PDF này là bản quét, không có lớp chữ — hãy dùng bản .docx/.xlsx hoặc PDF xuất từ Word',
  legacyFont: (sample: string) =>
    `Chữ trong PDF này dùng phông mã cũ (TCVN3/VNI) nên đọc ra không đúng tiếng Việt (ví dụ: "${sample}") — ` +
    'hãy dùng bản .docx/.xlsx hoặc xuất lại PDF từ văn bản dùng phông Unicode',
  unreadable: (sample: string) =>
    `Chữ trong PDF này không đọc ra được tiếng Việt (ví dụ: "${sample}"), có thể do phông chữ không kèm bảng mã — ` +
    'hãy dùng bản .docx/.xlsx hoặc PDF xuất từ Word',
  tooManyPages: (pages: number) =>
    `PDF có ${pages.toLocaleString('vi-VN')} trang, quá dài để là một kế hoạch (tối đa 500 trang)`,
} as const;
