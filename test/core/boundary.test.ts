import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/core/i18n';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('platform boundary', () => {
  it('src/core imports no platform package (Slack, Bot Framework, HTTP frameworks)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(path.join(REPO_ROOT, 'src', 'core'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from\s+|require\()\s*['"]([^'"]+)['"]/g)) {
        if (/^(@slack\/|botbuilder|botframework|@microsoft\/|express|fastify|koa)/.test(m[1]!)) {
          offenders.push(`${path.relative(REPO_ROOT, file)} imports ${m[1]}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('src/core imports nothing from storage or adapters (they depend on the core, not the reverse)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(path.join(REPO_ROOT, 'src', 'core'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/from\s+['"](\.[^'"]+)['"]/g)) {
        const target = path.resolve(path.dirname(file), m[1]!);
        if (!target.startsWith(path.join(REPO_ROOT, 'src', 'core'))) offenders.push(`${path.relative(REPO_ROOT, file)} → ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
