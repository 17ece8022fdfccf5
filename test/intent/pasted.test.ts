import { describe, expect, it } from 'vitest';
import { findAskedSentence, isPastedText } from '../../src/intent/pasted.ts';

const ARTICLE =
  'UBND tỉnh vừa ban hành Kế hoạch cải cách hành chính năm 2026 với nhiều điểm mới. Theo đó, các sở, ban, ngành ' +
  'phải đẩy mạnh chuyển đổi số, công khai thủ tục hành chính. Chỉ số PAR INDEX năm 2025 của tỉnh tăng 5 bậc so ' +
  'với năm trước. Lãnh đạo tỉnh yêu cầu người đứng đầu chịu trách nhiệm trực tiếp về kết quả thực hiện.';

const PASTED: [label: string, text: string][] = [
  ['a pasted article', ARTICLE],
  ['the same without diacritics', ARTICLE.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd')],
  [
    'a forwarded notice',
    '---------- Forwarded message ---------\nTừ: Văn phòng Sở\nKính gửi các phòng: đề nghị nộp báo cáo CCHC quý IV trước ngày 05/12.',
  ],
  [
    'a forward without diacritics mentioning a "hội trường"',
    'Fwd: Thong bao tap huan\nSo to chuc lop tap huan ky nang so vao ngay 10/12/2026 tai Hoi truong tinh, moi don vi cu 02 nguoi.',
  ],
  [
    'a long off-topic chat',
    'Chiều nay mưa to quá, đường Bà Triệu ngập hết rồi. Mọi người đi về nhớ tránh đoạn gần chợ. Tối nay cả phòng ' +
      'đi liên hoan sinh nhật chị Hoa lúc 18h30 tại nhà hàng cũ. Nhớ mang áo mưa và đi đúng giờ để còn chụp ảnh chung.',
  ],
  ['a chat forward', 'Tin nhắn chuyển tiếp\nThông báo lịch họp giao ban tuần sau chuyển sang chiều thứ Ba.'],
  [
    'quoted lines',
    '> Các đơn vị rà soát thủ tục hành chính nội bộ\n> gửi về Văn phòng trước thứ Sáu\nđã nhận được thông báo.',
  ],
  [
    'a shared link',
    'Bài viết mới trên Cổng thông tin điện tử tỉnh về kết quả chỉ số hài lòng năm 2025 https://example.gov.vn/tin-tuc/sipas-2025 rất đáng đọc.',
  ],
];

const TYPED: [label: string, text: string][] = [
  ['a short question', 'ai chủ trì việc tuyển dụng công chức'],
  ['the article followed by a question', `${ARTICLE} Vậy phòng mình phải làm những việc gì?`],
  [
    'a long question opening with the context',
    'Cho em hỏi với ạ. Hôm nay sếp giao phòng em rà soát lại kế hoạch CCHC năm nay, nhiều việc quá em chưa nắm hết. ' +
      'Có việc nào liên quan đến chuyển đổi số không, và hạn là bao giờ. Em cảm ơn bot nhiều lắm, chúc bot một ngày tốt lành.',
  ],
  [
    'a progress report with long notes',
    'Báo cáo nhiệm vụ III.7 đã hoàn thành. Phòng đã cung cấp đầy đủ dịch vụ công trực tuyến toàn trình trong năm. ' +
      'Tỷ lệ hồ sơ trực tuyến đạt trên 80%, số hóa kết quả giải quyết đạt yêu cầu. Kết quả đã được tổng hợp gửi lãnh đạo.',
  ],
  ['a report by task number first', `III.7 đạt 90%. ${ARTICLE}`],
  ['a link with a question', 'https://example.gov.vn/kh-126 kế hoạch này ai chủ trì mục III.2?'],
  ['5,000 characters of one word', 'test '.repeat(1000)],
];

describe('isPastedText', () => {
  it.each(PASTED)('%s is pasted', (_label, text) => {
    expect(isPastedText(text)).toBe(true);
  });

  it.each(TYPED)('%s is typed to the bot', (_label, text) => {
    expect(isPastedText(text)).toBe(false);
  });
});

describe('findAskedSentence', () => {
  it('takes the question that ends a long story', () => {
    expect(findAskedSentence(`${ARTICLE} Vậy phòng mình phải làm những việc gì?`)).toBe(
      'Vậy phòng mình phải làm những việc gì?',
    );
  });

  it('leaves short questions, reports and statements whole', () => {
    expect(findAskedSentence('ai chủ trì việc tuyển dụng công chức?')).toBeNull();
    expect(findAskedSentence(`Báo cáo nhiệm vụ III.7 đạt 90%. ${ARTICLE} Xong chưa?`)).toBeNull();
    expect(findAskedSentence(ARTICLE)).toBeNull();
  });
});
