import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../src/cli';
import type { CliIo } from '../../src/cli/command';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-cli-'));
process.env.SOMEBOT_INDEX_FILE = path.join(dir, 'index.json');
process.env.SOMEBOT_LANG = 'en';
process.env.SOMEBOT_DATA_DIR = path.join(dir, 'data');

function io(input = ''): CliIo & { stdout: string; stderr: string } {
  const buf = { stdout: '', stderr: '' };
  return Object.assign(buf, {
    out: (t: string) => void (buf.stdout += `${t}\n`),
    err: (t: string) => void (buf.stderr += `${t}\n`),
    stdin: Readable.from([input]),
  });
}

describe('somebot CLI', () => {
  it('index builds and saves the index', async () => {
    const o = io();
    expect(await main(['index'], o)).toBe(0);
    expect(fs.existsSync(process.env.SOMEBOT_INDEX_FILE!)).toBe(true);
    expect(o.stdout).toMatch(/passages/);
  });

  it('ask prints a quoted, cited answer', async () => {
    const o = io();
    expect(await main(['ask', 'Hur ofta ska lösenorden bytas?'], o)).toBe(0);
    expect(o.stdout).toMatch(/^> /m);
    expect(o.stdout).toContain('Kyrkslätts kommun');
  });

  it('ask --json prints one JSON object with passages and sources', async () => {
    const o = io();
    await main(['ask', '--json', 'Kuinka usein salasana vaihdetaan?'], o);
    const line = JSON.parse(o.stdout);
    expect(line).toEqual(expect.objectContaining({ lang: 'fi', intent: 'question', answered: true }));
    expect(line.passages[0].source).toEqual(expect.objectContaining({ docId: 'kyrkslatt-anvisningar', lang: 'sv' }));
  });

  it('ask --batch writes one line per input, in order, with the documented fields', async () => {
    const file = path.join(dir, 'in.jsonl');
    fs.writeFileSync(file, ['{"id":"a","q":"Vem godkänner nya kanaler?"}', '{"id":"b","q":"Minua uhkaillaan somessa"}', '{"id":"c","q":""}'].join('\n'));
    const o = io();
    expect(await main(['ask', '--batch', file], o)).toBe(0);
    const lines = o.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    expect(lines[1].intent).toBe('report:threat');
    expect(lines[2].answered).toBe(false);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['id', 'lang', 'intent', 'answered', 'passages']);
      expect(l.passages.length).toBeLessThanOrEqual(10);
      for (const p of l.passages) expect(Object.keys(p.source)).toEqual(['docId', 'title', 'organisation', 'lang', 'section']);
    }
  });

  it('ask --batch on a bad file names the file and line', async () => {
    const file = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(file, '{"id":"a","q":"x"}\nnot json\n');
    await expect(main(['ask', '--batch', file], io())).rejects.toThrow(/bad\.jsonl, line 2/);
  });

  it('eval scores the held-out questions and prints a summary', async () => {
    const o = io();
    expect(await main(['eval', path.join(__dirname, '..', 'fixtures', 'questions.jsonl')], o)).toBe(0);
    expect(o.stdout).toMatch(/summary: top-1 \d\.\d{3}/);
  });

  it('chat answers each line typed', async () => {
    const o = io('Vilka hashtaggar använder Kyrkslätt?\n');
    expect(await main(['chat'], o)).toBe(0);
    expect(o.stdout).toContain('#kirkkonummi');
  });

  it('an unknown command is an error with usage', async () => {
    const o = io();
    expect(await main(['frobnicate'], o)).toBe(2);
    expect(o.stderr).toMatch(/Unknown command: frobnicate/);
  });
});
