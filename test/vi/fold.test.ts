import { describe, expect, it } from 'vitest';
import { fold, foldWords, normalizeToneMarks, toIdentityKey } from '../../src/vi/fold.ts';

describe('Vietnamese folding', () => {
  it.each([
    ['Phòng Công chức, viên chức', 'phong cong chuc, vien chuc'],
    ['ĐƠN VỊ CHỦ TRÌ', 'don vi chu tri'],
    ['phòng\u00a0 tôi   phải làm gì', 'phong toi phai lam gi'],
    ['Sở Kế hoạch và Đầu tư'.normalize('NFD'), 'so ke hoach va dau tu'],
  ])('fold(%j) = %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('ignores tone-mark placement, case and Unicode form for identity', () => {
    expect(toIdentityKey('Hoà')).toBe(toIdentityKey('hòa'));
    expect(toIdentityKey('Uỷ ban')).toBe(toIdentityKey('Ủy ban'));
    expect(toIdentityKey('thuý'.normalize('NFD'))).toBe(toIdentityKey('thúy'));
    expect(toIdentityKey(' Sở Tư pháp. ')).toBe(toIdentityKey('sở tư pháp'));
  });

  it('keeps diacritics in identity keys, so names differing only by tone stay apart', () => {
    expect(toIdentityKey('Sở Tư pháp')).not.toBe(toIdentityKey('Sở Từ pháp'));
  });

  it('does not move the tone of "quý" (qu is one consonant) nor of a closed syllable', () => {
    expect(normalizeToneMarks('Quý III')).toBe('Quý III');
    expect(normalizeToneMarks('hoàng')).toBe('hoàng');
  });

  it('foldWords turns punctuation into spaces', () => {
    expect(foldWords('Sở KH&ĐT; (tỉnh)')).toBe('so kh dt tinh');
  });
});
