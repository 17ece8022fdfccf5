import { describe, expect, it } from 'vitest';
import { findCoordinator, findSubject, toBodyText } from '../../../src/ingest/narrative/subject.ts';

describe('findSubject', () => {
  it.each([
    ['UBND cấp huyện, cấp xã tăng cường: các kênh, hình thức', 'UBND cấp huyện, cấp xã'],
    ['Thanh tra tỉnh chủ trì việc kiểm tra việc thực hiện', 'Thanh tra tỉnh'],
    ['Sở Thông tin và Truyền thông: thực hiện các nội dung tại điểm a', 'Sở Thông tin và Truyền thông'],
    [
      'Các cơ quan Trung ương được tổ chức theo ngành dọc căn cứ Kế hoạch này',
      'Các cơ quan Trung ương được tổ chức theo ngành dọc',
    ],
    [
      'Công ty điện lực Lạng Sơn theo lĩnh vực kinh doanh thực hiện các nhiệm vụ',
      'Công ty điện lực Lạng Sơn',
    ],
    ['Chủ tịch UBND cấp huyện chịu trách nhiệm trước UBND tỉnh', 'UBND cấp huyện'],
  ])('%s → %s', (sentence, subject) => {
    expect(findSubject(sentence)?.subject).toBe(subject);
  });

  it.each([
    'Làm đầu mối theo dõi, đôn đốc các cơ quan',
    'Tham mưu, đề xuất các giải pháp',
    'Phối hợp với Sở Nội vụ hướng dẫn',
    'Quán triệt đội ngũ cán bộ; các cơ quan thực hiện',
  ])('finds no subject in "%s"', (sentence) => {
    expect(findSubject(sentence)).toBeNull();
  });
});

describe('findCoordinator', () => {
  it.each([
    ['chủ trì, phối hợp với các cơ quan liên quan đổi mới phương pháp', 'các cơ quan liên quan'],
    ['Phối hợp với Sở Nội vụ hướng dẫn, đôn đốc', 'Sở Nội vụ'],
    ['giao các Tổ tuyên truyền, phối hợp với Đoàn TNCS cấp xã tăng cường', ''],
    ['thực hiện tốt công tác rà soát', ''],
  ])('%s → "%s"', (rest, coordinate) => {
    expect(findCoordinator(rest)).toBe(coordinate);
  });
});

describe('toBodyText', () => {
  it('drops request and office-holder words from each body', () => {
    expect(toBodyText('Thủ trưởng các Sở, ban, ngành; Chủ tịch UBND các huyện, thành phố')).toBe(
      'các Sở, ban, ngành; UBND các huyện, thành phố',
    );
    expect(toBodyText('Đề nghị Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh.')).toBe(
      'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh',
    );
  });
});
