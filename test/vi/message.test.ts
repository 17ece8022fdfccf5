import { describe, expect, it } from 'vitest';
import {
  createChatLexicon,
  loadChatLexicon,
  MAX_MESSAGE_CHARS,
  normalizeMessage,
} from '../../src/vi/message.ts';

// The shipped data files: what a clerk edits is what the tests read.
const lexicon = loadChatLexicon();
const norm = (raw: string) => normalizeMessage(raw, lexicon);

describe('normalizeMessage: folded text', () => {
  it.each([
    // shorthand as staff type it
    ['Nv của p mình tuần này là j?', 'nhiem vu cua phong minh tuan nay la gi'],
    ['ko bít nv III.8 đc giao cho ai', 'khong bit nhiem vu iii.8 duoc giao cho ai'],
    ['bc cchc qh r à', 'bao cao cai cach hanh chinh qua han roi a'],
    ['mk hỏi ntn vs tthc nhỉ', 'minh hoi nhu the nao voi thu tuc hanh chinh nhi'],
    ['OKE tks nhé', 'ok cam on nhe'],
    ['hnay có cv gì k', 'hom nay co cong viec gi khong'],
    ['trc 31/12 ht dc ko', 'truoc 31/12 hoan thanh duoc khong'],
    // domain abbreviations come from units.json
    ['UBND tỉnh giao HĐND?', 'uy ban nhan dan tinh giao hoi dong nhan dan'],
    ['Sở KH&ĐT và P.KHTC', 'so ke hoach va dau tu va p.khtc'],
    ['nhiệm vụ của (TTPVHCC)', 'nhiem vu cua (trung tam phuc vu hanh chinh cong)'],
    ['Phòng KHTC, VP Sở', 'phong ke hoach tai chinh, van phong so'],
    ['SNV và SXD', 'so noi vu va so xay dung'],
    // codes, dates and numbers stay whole
    ['KH 55/KH-SXD mục 2.2.1', 'kh 55/kh-sxd muc 2.2.1'],
    ['nhiệm vụ 1.2.3 (1) đạt 85,5% trước 30/6/2026', 'nhiem vu 1.2.3 (1) dat 85,5% truoc 30/6/2026'],
    ['Mục 3.2 b) đạt 60%!!!', 'muc 3.2 b) dat 60%'],
    ['quý IV: 16/11–22/11', 'quy iv: 16/11-22/11'],
    // a one-letter key before ")" is a list item, not shorthand
    ['t) và p) là gì', 't) va p) la gi'],
    // emoji, symbols, quotes
    ['👍 Đã xong nv III.8 rồi nhé 🎉🎉', 'da xong nhiem vu iii.8 roi nhe'],
    ['"Nhiệm vụ" #CCHC @bot ❤️', 'nhiem vu cai cach hanh chinh bot'],
    // "v" (roman V) and "kh" (kế hoạch / không) are deliberately not shorthand
    ['mục V và kh 126', 'muc v va kh 126'],
  ])('%j → %j', (raw, folded) => {
    expect(norm(raw).folded).toBe(folded);
  });

  it('reads NFD input and old-style tone marks like NFC input', () => {
    const nfc = norm('Nhiệm vụ của Phòng Thủy lợi, Hòa Bình');
    const nfd = norm('Nhiệm vụ của Phòng Thủy lợi, Hòa Bình'.normalize('NFD'));
    const oldStyle = norm('Nhiệm vụ của Phòng Thuỷ lợi, Hoà Bình');
    expect(nfd.text).toBe(nfc.text);
    expect(oldStyle.text).toBe(nfc.text);
    expect(oldStyle.folded).toBe('nhiem vu cua phong thuy loi, hoa binh');
  });

  it('keeps diacritics in text, collapses spaces and trims', () => {
    const message = norm('  Nhiệm\u00a0vụ   của\tphòng\n mình  ');
    expect(message.text).toBe('Nhiệm vụ của phòng mình');
    expect(message.raw).toBe('  Nhiệm\u00a0vụ   của\tphòng\n mình  ');
    expect(message.truncated).toBe(false);
  });

  it('splits tokens on punctuation, after expansion', () => {
    expect(norm('nv III.8 của P KHTC?').tokens).toEqual([
      'nhiem',
      'vu',
      'iii',
      '8',
      'cua',
      'phong',
      'ke',
      'hoach',
      'tai',
      'chinh',
    ]);
    expect(norm('😀😀').tokens).toEqual([]);
  });
});

describe('normalizeMessage: long messages', () => {
  const long = 'Nhiệm vụ của phòng mình 😀 tuần này là gì, đc ko? '.repeat(100);

  it('cuts a 5,000-character message to the limit and says so', () => {
    expect(long.length).toBe(5000);
    const message = norm(long);
    expect(message.truncated).toBe(true);
    expect(message.text.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(message.text.startsWith('Nhiệm vụ của phòng mình 😀 tuần này')).toBe(true);
    expect(message.folded.startsWith('nhiem vu cua phong minh tuan nay la gi, duoc khong')).toBe(true);
  });

  it('never splits an emoji in two when cutting', () => {
    const message = norm(`${'a'.repeat(MAX_MESSAGE_CHARS - 1)}😀`);
    expect(message.truncated).toBe(true);
    expect(message.text).toBe('a'.repeat(MAX_MESSAGE_CHARS - 1));
  });

  it('normalises a 5,000-character message in about a millisecond or less', () => {
    norm(long);
    const runs = 50;
    const start = performance.now();
    for (let i = 0; i < runs; i++) norm(long);
    expect((performance.now() - start) / runs).toBeLessThan(5);
  });

  it('does linear work on a huge message (nothing beyond the limit is scanned)', () => {
    const start = performance.now();
    const message = norm('ạ '.repeat(1_000_000));
    expect(performance.now() - start).toBeLessThan(200);
    expect(message.truncated).toBe(true);
  });
});

describe('createChatLexicon', () => {
  it('lets chat.json override an abbreviation and folds keys and values', () => {
    const custom = createChatLexicon({ shorthand: { Đc: 'được', VP: 'văn phòng sở' } }, { VP: 'Văn phòng' });
    expect(custom.shorthand.get('dc')).toBe('duoc');
    expect(custom.shorthand.get('vp')).toBe('van phong so');
  });

  it('skips abbreviations that are not one token', () => {
    expect(createChatLexicon({ shorthand: {} }, { 'Sở NV': 'Sở Nội vụ' }).shorthand.size).toBe(0);
  });

  it.each([
    [{ shorthand: { 'cam on': 'cảm ơn' } }, /"cam on" must be one word/],
    [{ shorthand: { tks: '  ' } }, /"tks" has an empty expansion/],
    [{ shorthand: { dc: 'duoc', đc: 'đặc' } }, /"đc" and "dc" fold to the same token/],
    [{ shorthand: { ko: 1 } }, /wrong at shorthand\.ko/],
    [{ words: {} }, /wrong at shorthand/],
    [null, /chat lexicon/],
  ])('rejects %j naming the bad entry', (json, message) => {
    expect(() => createChatLexicon(json, {})).toThrow(message);
  });

  it('names the file when a data file is wrong', () => {
    expect(() => loadChatLexicon(new URL('../../data/lexicon/units.json', import.meta.url))).toThrow(
      /units\.json: chat lexicon/,
    );
  });
});
