/**
 * The Teams app manifest and its package: the required fields of the current manifest schema, the icons'
 * sizes and transparency, and `somebot package teams`, which builds the zip an administrator uploads.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { packageCommand } from '../../../src/cli/commands/package';
import type { CliIo } from '../../../src/cli/command';
import { TEAMS_MANIFEST_DIR } from '../../../src/adapters/teams/package/teamsPackage';
import { decodePng, pngInfo } from '../../../src/adapters/teams/package/png';
import { crc32 } from '../../../src/adapters/teams/package/crc32';

const APP_ID = '5b9e4c3a-1f2d-4e6b-8a7c-9d0e1f2a3b4c';
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

/** Reads a zip through its central directory (the way the admin center does), checking every CRC. */
function unzip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(archive.readUInt32LE(at)).toBe(0x02014b50);
    const crc = archive.readUInt32LE(at + 16);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const localName = archive.readUInt16LE(local + 26);
    const data = inflateRawSync(archive.subarray(local + 30 + localName, local + 30 + localName + size));
    expect(crc32(data)).toBe(crc);
    files.set(name, data);
    at += 46 + nameLength;
  }
  return files;
}

async function run(args: string[], env: NodeJS.ProcessEnv = { SOMEBOT_LANG: 'en' }) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), stdin: process.stdin };
  const code = await packageCommand({ env }).run(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-teams-pkg-'));

describe('manifests/teams', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(TEAMS_MANIFEST_DIR, 'manifest.json'), 'utf8')) as Record<string, any>;

  it('follows the current manifest schema and has every required field', () => {
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.25);
    for (const field of ['manifestVersion', 'version', 'id', 'developer', 'name', 'description', 'icons', 'accentColor']) expect(manifest).toHaveProperty(field);
    for (const field of ['name', 'websiteUrl', 'privacyUrl', 'termsOfUseUrl']) expect(manifest.developer[field]).toBeTruthy();
    expect(manifest.developer.name.length).toBeLessThanOrEqual(32);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(manifest.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    // The ids are filled in when the package is built.
    expect(manifest.id).toBe('{{MICROSOFT_APP_ID}}');
    expect(manifest.bots[0].botId).toBe('{{MICROSOFT_APP_ID}}');
  });

  it('has a 192×192 colour icon and a 32×32 white-on-transparent outline icon', () => {
    const color = fs.readFileSync(path.join(TEAMS_MANIFEST_DIR, manifest.icons.color));
    const outline = fs.readFileSync(path.join(TEAMS_MANIFEST_DIR, manifest.icons.outline));
    expect(pngInfo(color)).toEqual({ width: 192, height: 192, hasAlpha: true });
    expect(pngInfo(outline)).toEqual({ width: 32, height: 32, hasAlpha: true });
    const pixels = decodePng(outline)!.rgba;
    const alphas = [...pixels.filter((_, i) => i % 4 === 3)];
    expect(alphas[0]).toBe(0); // the corner is transparent
    expect(alphas.filter((a) => a === 0).length).toBeGreaterThan(32 * 32 * 0.5);
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3]! > 0) expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
    const colour = decodePng(color)!.rgba;
    expect(colour.filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true); // full-bleed colour
  });

  it('has Finnish and English translations of the listing', () => {
    for (const { file } of manifest.localizationInfo.additionalLanguages as { file: string }[]) {
      const strings = JSON.parse(fs.readFileSync(path.join(TEAMS_MANIFEST_DIR, file), 'utf8')) as Record<string, string>;
      expect(strings['name.short']!.length).toBeLessThanOrEqual(30);
      expect(strings['description.short']!.length).toBeLessThanOrEqual(80);
      expect(strings['description.full']!.length).toBeGreaterThan(0);
    }
  });
});

describe('somebot package teams', () => {
  it('writes the zip to upload, with the app id filled in and every file the manifest names', async () => {
    const out = path.join(tmp(), 'app.zip');
    const result = await run(['teams', '--out', out], { SOMEBOT_LANG: 'en', MICROSOFT_APP_ID: APP_ID });
    expect(result.code).toBe(0);
    expect(result.out).toContain(out);
    const files = unzip(fs.readFileSync(out));
    expect([...files.keys()].sort()).toEqual(['color.png', 'en.json', 'fi.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.id).toMatch(GUID);
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pngInfo(files.get('color.png')!)?.width).toBe(192);
    expect(pngInfo(files.get('outline.png')!)?.width).toBe(32);
  });

  it('needs the app id, and a GUID at that', async () => {
    expect((await run(['teams'], { SOMEBOT_LANG: 'en' })).code).toBe(2);
    const bad = await run(['teams', '--app-id', 'my-bot'], { SOMEBOT_LANG: 'sv' });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('är inget Microsoft App ID');
    expect((await run(['slack'], { SOMEBOT_LANG: 'en' })).code).toBe(2);
  });

  it('refuses to write a package whose icon has the wrong size, naming the file', async () => {
    const dir = tmp();
    for (const file of fs.readdirSync(TEAMS_MANIFEST_DIR)) fs.copyFileSync(path.join(TEAMS_MANIFEST_DIR, file), path.join(dir, file));
    fs.copyFileSync(path.join(TEAMS_MANIFEST_DIR, 'color.png'), path.join(dir, 'outline.png')); // 192×192
    const out = path.join(dir, 'app.zip');
    const result = await run(['teams', '--app-id', APP_ID, '--manifest-dir', dir, '--out', out], { SOMEBOT_LANG: 'fi' });
    expect(result.code).toBe(1);
    expect(result.err).toContain('outline.png on 192×192 pikseliä; Teams vaatii 32×32.');
    expect(fs.existsSync(out)).toBe(false);
  });
});
