import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../../core/i18n';
import { decodePng } from './png';
import { zip } from './zipWriter';

/** Where the manifest template, its translations and the icons live. */
export const TEAMS_MANIFEST_DIR = path.join(REPO_ROOT, 'manifests', 'teams');

/** The sizes Teams requires of the app icons: a full-colour 192×192 and a white-on-transparent 32×32 outline. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

/** Placeholders in manifest.json, filled in when the package is built. */
export const PLACEHOLDER = { appId: '{{MICROSOFT_APP_ID}}', version: '{{VERSION}}' } as const;

/** A problem with the manifest or its files; `code` names the translated sentence (teams:package.problem.*). */
export interface PackageProblem {
  code: 'missing' | 'tooLong' | 'notGuid' | 'notVersion' | 'notUrl' | 'notColor' | 'badScope' | 'fileMissing' | 'notPng' | 'iconSize' | 'outlineNotTransparent' | 'notJson';
  params: Record<string, string | number>;
}

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const HTTP_URL = /^https?:\/\//i;
const BOT_SCOPES = ['team', 'personal', 'groupChat', 'copilot'];

function get(value: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}

/**
 * Checks what the Teams admin center rejects an upload for, as the app manifest schema states it: the
 * required fields and their lengths and formats, the bot's id and scopes, the icons (PNG, 192×192 colour,
 * 32×32 outline in white on transparent) and the translation files. `files` maps names in the package to
 * their bytes.
 */
export function checkTeamsPackage(manifest: unknown, files: ReadonlyMap<string, Buffer>): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const text = (field: string, max: number, required = true): void => {
    const value = get(manifest, field);
    if (value === undefined || value === '') {
      if (required) problems.push({ code: 'missing', params: { field } });
    } else if (typeof value !== 'string') problems.push({ code: 'missing', params: { field } });
    else if (value.length > max) problems.push({ code: 'tooLong', params: { field, max } });
  };
  for (const field of ['manifestVersion', 'version', 'id', 'accentColor']) text(field, 256);
  text('developer.name', 32);
  for (const field of ['developer.websiteUrl', 'developer.privacyUrl', 'developer.termsOfUseUrl']) {
    text(field, 2048);
    const url = get(manifest, field);
    if (typeof url === 'string' && !HTTP_URL.test(url)) problems.push({ code: 'notUrl', params: { field } });
  }
  text('name.short', 30);
  text('name.full', 100, false);
  text('description.short', 80);
  text('description.full', 4000);
  const version = get(manifest, 'version');
  if (typeof version === 'string' && !SEMVER.test(version)) problems.push({ code: 'notVersion', params: { field: 'version' } });
  const id = get(manifest, 'id');
  if (typeof id === 'string' && !GUID.test(id)) problems.push({ code: 'notGuid', params: { field: 'id' } });
  const color = get(manifest, 'accentColor');
  if (typeof color === 'string' && !/^#[0-9a-fA-F]{6}$/.test(color)) problems.push({ code: 'notColor', params: { field: 'accentColor' } });

  const bots = get(manifest, 'bots');
  const bot = Array.isArray(bots) ? (bots[0] as Record<string, unknown> | undefined) : undefined;
  if (!bot) problems.push({ code: 'missing', params: { field: 'bots' } });
  else {
    if (typeof bot.botId !== 'string' || !GUID.test(bot.botId)) problems.push({ code: 'notGuid', params: { field: 'bots[0].botId' } });
    const scopes = Array.isArray(bot.scopes) ? bot.scopes : [];
    if (scopes.length === 0 || scopes.some((s) => !BOT_SCOPES.includes(String(s)))) problems.push({ code: 'badScope', params: { field: 'bots[0].scopes' } });
  }

  for (const kind of ['color', 'outline'] as const) {
    const field = `icons.${kind}`;
    const name = get(manifest, field);
    if (typeof name !== 'string') {
      problems.push({ code: 'missing', params: { field } });
      continue;
    }
    const bytes = files.get(name);
    if (!bytes) {
      problems.push({ code: 'fileMissing', params: { file: name } });
      continue;
    }
    const image = decodePng(bytes);
    if (!image) {
      problems.push({ code: 'notPng', params: { file: name } });
      continue;
    }
    const size = ICON_SIZES[kind];
    if (image.width !== size || image.height !== size) {
      problems.push({ code: 'iconSize', params: { file: name, expected: `${size}×${size}`, actual: `${image.width}×${image.height}` } });
    }
    if (kind === 'outline') {
      const pixels = image.rgba;
      let transparent = 0;
      let coloured = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i + 3] === 0) transparent++;
        else if (pixels[i]! < 0xe0 || pixels[i + 1]! < 0xe0 || pixels[i + 2]! < 0xe0) coloured++;
      }
      if (transparent === 0 || coloured > 0) problems.push({ code: 'outlineNotTransparent', params: { file: name } });
    }
  }

  const languages = get(manifest, 'localizationInfo.additionalLanguages');
  for (const language of Array.isArray(languages) ? languages : []) {
    const name = (language as { file?: unknown }).file;
    if (typeof name !== 'string') continue;
    const bytes = files.get(name);
    if (!bytes) {
      problems.push({ code: 'fileMissing', params: { file: name } });
      continue;
    }
    let strings: unknown;
    try {
      strings = JSON.parse(bytes.toString('utf8'));
    } catch {
      problems.push({ code: 'notJson', params: { file: name } });
      continue;
    }
    for (const [key, max] of [['name.short', 30], ['description.short', 80], ['description.full', 4000]] as const) {
      const value = (strings as Record<string, unknown>)[key];
      if (typeof value !== 'string' || value === '') problems.push({ code: 'missing', params: { field: `${name}: ${key}` } });
      else if (value.length > max) problems.push({ code: 'tooLong', params: { field: `${name}: ${key}`, max } });
    }
  }
  return problems;
}

export interface TeamsPackage {
  /** The archive to upload. */
  zip: Buffer;
  /** The manifest as packaged (placeholders filled in). */
  manifest: Record<string, unknown>;
  problems: PackageProblem[];
}

/**
 * Builds the app package an administrator uploads to the Teams admin center: manifest.json with the bot's
 * Microsoft App ID and the version filled in, its translation files and the two icons, all from `dir`.
 * The package is built even when problems are found; the caller decides (the CLI refuses to write it).
 */
export function buildTeamsPackage(options: { appId: string; version: string; dir?: string }): TeamsPackage {
  const dir = options.dir ?? TEAMS_MANIFEST_DIR;
  const template = fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8');
  const filled = template.split(PLACEHOLDER.appId).join(options.appId).split(PLACEHOLDER.version).join(options.version);
  const manifest = JSON.parse(filled) as Record<string, unknown>;
  const names = new Set<string>();
  for (const field of ['icons.color', 'icons.outline']) {
    const name = get(manifest, field);
    if (typeof name === 'string') names.add(name);
  }
  const languages = get(manifest, 'localizationInfo.additionalLanguages');
  for (const language of Array.isArray(languages) ? languages : []) {
    const name = (language as { file?: unknown }).file;
    if (typeof name === 'string') names.add(name);
  }
  const files = new Map<string, Buffer>();
  for (const name of names) {
    const file = path.join(dir, name);
    // Only plain names next to the manifest: a package never picks up files from elsewhere.
    if (path.basename(name) === name && fs.existsSync(file)) files.set(name, fs.readFileSync(file));
  }
  const problems = checkTeamsPackage(manifest, files);
  const archive = zip([{ name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') }, ...[...files].map(([name, data]) => ({ name, data }))]);
  return { zip: archive, manifest, problems };
}
