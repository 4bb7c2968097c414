import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ContentError } from './errors';

/**
 * Reads a YAML content file and validates it. Any problem throws a ContentError whose message names the
 * file and, for a schema problem, the field (`glossary.yaml: field "terms.3.fi": ...`).
 */
export function readYamlFile<T>(file: string, schema: z.ZodType<T>): T {
  if (!fs.existsSync(file)) throw new ContentError('CONTENT_MISSING', `${file}: file not found`);
  let raw: unknown;
  try {
    raw = parseYaml(fs.readFileSync(file, 'utf8').normalize('NFC'));
  } catch (err) {
    throw new ContentError('CONTENT_FIELD', `${file}: not valid YAML (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    throw new ContentError('CONTENT_FIELD', `${file}: field "${field}": ${issue.message}`);
  }
  return parsed.data;
}
