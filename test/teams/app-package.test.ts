import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  COLOR_ICON_PATH,
  MANIFEST_SCHEMA_PATH,
  OUTLINE_ICON_PATH,
} from '../../adapters/teams/app-package/assets.ts';
import { MANIFEST_SCHEMA_URL, type TeamsManifest } from '../../adapters/teams/app-package/manifest.ts';
import { AppPackageError, type PackageRequest } from '../../adapters/teams/app-package/options.ts';
import { manifestIssues } from '../../adapters/teams/app-package/validate.ts';
import { makeAppPackage, writeAppPackage } from '../../adapters/teams/app-package/write-package.ts';
import { decodePng, pngHeader } from '../support/png.ts';

/**
 * The Teams app package (`cli teams-package`, issue 15): a zip of manifest.json + two icons at its root, the
 * manifest valid against the schema v1.19 kept in data/ (offline), and every refusal before any file is written.
 */
const APP_ID = '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';
const REQUEST: PackageRequest = {
  appId: APP_ID,
  appIdFrom: '--app-id',
  publicBaseUrl: 'https://bot.snv.gov.vn',
};
const VIETNAMESE = /[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịúùủũụýỳỷỹỵóòỏõọéèẻẽẹ]/;

function manifestOf(zip: Uint8Array): TeamsManifest {
  const entry = unzipSync(zip)['manifest.json'];
  if (!entry) throw new Error('no manifest.json');
  return JSON.parse(strFromU8(entry)) as TeamsManifest;
}

function failure(request: PackageRequest): string {
  try {
    makeAppPackage(request);
  } catch (error) {
    expect(error).toBeInstanceOf(AppPackageError);
    return (error as Error).message;
  }
  throw new Error('expected the package to be refused');
}

describe('the package', () => {
  const made = makeAppPackage(REQUEST);
  const manifest = manifestOf(made.bytes);

  it('holds exactly manifest.json, color.png and outline.png at its root, the icons as shipped', () => {
    const entries = unzipSync(made.bytes);
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(Buffer.from(entries['color.png'] ?? [])).toEqual(readFileSync(COLOR_ICON_PATH));
    expect(Buffer.from(entries['outline.png'] ?? [])).toEqual(readFileSync(OUTLINE_ICON_PATH));
    expect(manifest).toEqual(made.manifest);
    // Same input, same bytes (fixed entry dates): a rebuilt package is recognisably the same.
    expect(Buffer.from(makeAppPackage(REQUEST).bytes)).toEqual(Buffer.from(made.bytes));
  });

  it('has a manifest valid against the pinned schema v1.19', () => {
    expect(manifest.$schema).toBe(MANIFEST_SCHEMA_URL);
    expect(manifest.$schema).toContain('/teams/v1.19/');
    expect(manifest.manifestVersion).toBe('1.19');
    expect(manifestIssues(manifest)).toEqual([]);
  });

  it('is the bot with the app id, in personal chats, teams and group chats', () => {
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0]).toMatchObject({
      botId: APP_ID,
      scopes: ['personal', 'team', 'groupChat'],
      supportsFiles: false,
      isNotificationOnly: false,
    });
    const scopes = manifest.bots[0]?.commandLists.flatMap((l) => l.scopes);
    expect(scopes?.sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  it('speaks Vietnamese: names, descriptions and command hints within their limits', () => {
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('vi-VN');
    expect(manifest.name.short).toBe('Trợ lý nhiệm vụ');
    expect(manifest.description.short).toMatch(VIETNAMESE);
    expect([...manifest.description.short].length).toBeLessThanOrEqual(80);
    expect(manifest.description.full).toMatch(VIETNAMESE);
    expect([...manifest.description.full].length).toBeLessThanOrEqual(4000);
    for (const list of manifest.bots[0]?.commandLists ?? []) {
      const titles = list.commands.map((c) => c.title);
      expect(titles).toEqual(expect.arrayContaining(['hướng dẫn', 'việc nào quá hạn', 'nhiệm vụ của tôi']));
      expect(titles).toContain('chi tiết nhiệm vụ III.8');
      for (const c of list.commands) {
        expect([...c.title].length).toBeLessThanOrEqual(32);
        expect([...c.description].length).toBeLessThanOrEqual(128);
        expect(c.description).toMatch(VIETNAMESE);
      }
    }
  });

  it('points the developer pages at PUBLIC_BASE_URL and allows its host', () => {
    expect(manifest.developer).toMatchObject({
      websiteUrl: 'https://bot.snv.gov.vn/',
      privacyUrl: 'https://bot.snv.gov.vn/',
      termsOfUseUrl: 'https://bot.snv.gov.vn/',
    });
    expect(manifest.validDomains).toEqual(['bot.snv.gov.vn']);
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('the validator', () => {
  const good = makeAppPackage(REQUEST).manifest;

  it('rejects broken manifests (so the check above can fail)', () => {
    const broken: Array<[unknown, string, string]> = [
      [{ ...good, name: { ...good.name, short: 'x'.repeat(31) } }, '/name/short', 'maxLength'],
      [{ ...good, bots: [{ ...good.bots[0], botId: 'not-a-guid' }] }, '/bots/0/botId', 'pattern'],
      [{ ...good, manifestVersion: '1.20' }, '/manifestVersion', 'const'],
      [{ ...good, accentColor: 'red' }, '/accentColor', 'pattern'],
      [{ ...good, surprise: true }, '', 'additionalProperties'],
      [{ ...good, $schema: 'not a uri' }, '/$schema', 'format'],
    ];
    for (const [manifest, path, keyword] of broken)
      expect(manifestIssues(manifest)).toContainEqual(expect.objectContaining({ path, keyword }));
    const { developer: _developer, ...noDeveloper } = good;
    expect(manifestIssues(noDeveloper)).toContainEqual(expect.objectContaining({ keyword: 'required' }));
  });

  it('works offline: the schema is the local copy and every $ref in it is local', () => {
    const text = readFileSync(MANIFEST_SCHEMA_PATH, 'utf8');
    const refs = [...text.matchAll(/"\$ref":\s*"([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((r) => !r.startsWith('#/'))).toEqual([]);
    expect(JSON.parse(text).properties.manifestVersion.const).toBe('1.19');
  });
});

describe('the icons', () => {
  it('are a 192×192 opaque colour PNG and a 32×32 PNG with an alpha channel', () => {
    const color = decodePng(readFileSync(COLOR_ICON_PATH));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(color.rgba.filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true);
    expect(new Set(color.rgba.filter((_, i) => i % 4 === 0)).size).toBeGreaterThan(3);
    const outline = pngHeader(readFileSync(OUTLINE_ICON_PATH));
    expect(outline).toMatchObject({ width: 32, height: 32, colorType: 6 });
  });

  it('outline: transparent background, and every pixel that shows is white', () => {
    const { rgba } = decodePng(readFileSync(OUTLINE_ICON_PATH));
    let transparent = 0;
    let shown = 0;
    const notWhite: number[] = [];
    for (let i = 0; i < rgba.length; i += 4) {
      if (rgba[i + 3] === 0) transparent++;
      else {
        shown++;
        if (rgba[i] !== 255 || rgba[i + 1] !== 255 || rgba[i + 2] !== 255) notWhite.push(i / 4);
      }
    }
    expect(rgba[3]).toBe(0); // the corner is background
    expect(transparent).toBeGreaterThan(400);
    expect(shown).toBeGreaterThan(100);
    expect(notWhite).toEqual([]);
  });
});

describe('refusals: a clear message and no file', () => {
  it('no app id, or one that is not a GUID', () => {
    const missing = failure({ ...REQUEST, appId: undefined, appIdFrom: 'MicrosoftAppId' });
    expect(missing).toContain('--app-id');
    expect(missing).toContain('MicrosoftAppId');
    expect(failure({ ...REQUEST, appId: '  ' })).toContain('Thiếu mã ứng dụng');
    expect(failure({ ...REQUEST, appId: 'abc' })).toContain('không phải GUID');
  });

  it('a name over its limit names the option and the limit', () => {
    const long = failure({ ...REQUEST, name: 'Trợ lý nhiệm vụ của Sở Nội vụ tỉnh' });
    expect(long).toContain('--name');
    expect(long).toContain('tối đa 30 ký tự');
    expect(long).toContain('dài 34 ký tự');
    expect(failure({ ...REQUEST, fullName: 'x'.repeat(101) })).toContain('tối đa 100');
    expect(failure({ ...REQUEST, developer: 'y'.repeat(33) })).toContain('tối đa 32');
    expect(failure({ ...REQUEST, name: '   ' })).toContain('không được để trống');
    // 30 characters with diacritics is within the limit.
    expect(makeAppPackage({ ...REQUEST, name: 'Trợ lý nhiệm vụ Sở Nội vụ Huế' }).manifest.name).toEqual({
      short: 'Trợ lý nhiệm vụ Sở Nội vụ Huế',
      full: 'Trợ lý nhiệm vụ Sở Nội vụ Huế',
    });
  });

  it('no https address for the developer pages, an http one, a bad version', () => {
    expect(failure({ ...REQUEST, publicBaseUrl: undefined })).toContain('PUBLIC_BASE_URL=https://');
    expect(failure({ ...REQUEST, publicBaseUrl: 'http://10.0.0.5:3978' })).toContain('--website-url');
    expect(failure({ ...REQUEST, privacyUrl: 'http://snv.gov.vn/rieng-tu' })).toContain('https://');
    expect(failure({ ...REQUEST, appVersion: '1.0' })).toContain('số.số.số');
    const own = makeAppPackage({
      ...REQUEST,
      publicBaseUrl: undefined,
      websiteUrl: 'https://snv.gov.vn',
      privacyUrl: 'https://snv.gov.vn/rieng-tu',
      termsUrl: 'https://snv.gov.vn/dieu-khoan',
      appVersion: '2.3.4',
    }).manifest;
    expect(own.developer.termsOfUseUrl).toBe('https://snv.gov.vn/dieu-khoan');
    expect(own.version).toBe('2.3.4');
    expect(own.validDomains).toBeUndefined();
  });

  it('writes whole files only: a refusal or a missing folder leaves nothing, a rewrite replaces', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nhiemvu-teams-'));
    const out = join(dir, 'app.zip');
    expect(() => writeAppPackage(out, { ...REQUEST, appId: undefined })).toThrow(AppPackageError);
    expect(() => writeAppPackage(join(dir, 'nope', 'app.zip'), REQUEST)).toThrow(/Không có thư mục/);
    expect(() => writeAppPackage(dir, REQUEST)).toThrow(/là một thư mục/);
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(out, 'old');
    writeAppPackage(out, REQUEST);
    expect(readdirSync(dir)).toEqual(['app.zip']);
    expect(manifestOf(readFileSync(out)).id).toBe(APP_ID);
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });
});
