import fs from 'node:fs';
import type { z } from 'zod';
import { cliT } from './cliLang';

/** Reads a JSONL file; a bad line stops with a message naming the file and line number. */
export function readJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  const t = cliT();
  if (!fs.existsSync(file)) throw new Error(t('cli:fileNotFound', { file }));
  const items: T[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new Error(t('cli:badJsonLine', { file, line: i + 1 }));
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(t('cli:badField', { file, line: i + 1, field: issue.path.join('.') || '-', message: issue.message }));
      }
      items.push(parsed.data);
    });
  return items;
}
