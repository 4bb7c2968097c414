import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePgliteTemplate, seedFromTemplate } from '../../src/storage/pgliteTemplate';
import { openPgliteDriver } from '../../src/storage/pgliteDriver';

describe('PGlite template', () => {
  let root: string;
  let template: string;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-template-'));
    template = await ensurePgliteTemplate(path.join(root, 'template'));
  }, 180_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is made once: a second call finds it', async () => {
    const made = fs.statSync(path.join(template, 'PG_VERSION')).mtimeMs;
    await ensurePgliteTemplate(template);
    expect(fs.statSync(path.join(template, 'PG_VERSION')).mtimeMs).toBe(made);
    expect(fs.readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('fills a new data directory that opens as a database and keeps what is written', async () => {
    const dir = path.join(root, 'new');
    fs.mkdirSync(dir);
    expect(seedFromTemplate(dir, template)).toBe(true);
    const db = await openPgliteDriver({ dataDir: dir });
    await db.exec('CREATE TABLE kept (n int); INSERT INTO kept VALUES (42);');
    expect(await db.query<{ setting: string }>("SELECT setting FROM pg_settings WHERE name = 'shared_buffers'")).toEqual([{ setting: '2048' }]);
    await db.close();
    // An existing database is left alone.
    expect(seedFromTemplate(dir, template)).toBe(false);
    const again = await openPgliteDriver({ dataDir: dir });
    expect(await again.query<{ n: number }>('SELECT n FROM kept')).toEqual([{ n: 42 }]);
    await again.close();
  }, 120_000);

  it('copies again over a copy that was cut short (no PG_VERSION yet)', async () => {
    const dir = path.join(root, 'cut');
    fs.mkdirSync(dir);
    seedFromTemplate(dir, template);
    fs.rmSync(path.join(dir, 'PG_VERSION'));
    fs.rmSync(path.join(dir, 'global'), { recursive: true });
    expect(seedFromTemplate(dir, template)).toBe(true);
    const db = await openPgliteDriver({ dataDir: dir });
    expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await db.close();
  }, 120_000);

  it('does nothing without a template', () => {
    const dir = path.join(root, 'none');
    fs.mkdirSync(dir);
    expect(seedFromTemplate(dir, path.join(root, 'missing'))).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
