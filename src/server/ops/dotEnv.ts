import fs from 'node:fs';
import path from 'node:path';

/**
 * Loads `<dir>/.env` into process.env when the file exists (it is optional). Variables already set in the
 * environment win over the file. Returns the file's path when one was read.
 */
export function loadDotEnv(dir: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = path.join(dir, '.env');
  if (!fs.existsSync(file)) return undefined;
  if (env === process.env && typeof process.loadEnvFile === 'function') {
    process.loadEnvFile(file);
    return file;
  }
  for (const [name, value] of Object.entries(parseDotEnv(fs.readFileSync(file, 'utf8')))) {
    if (env[name] === undefined) env[name] = value;
  }
  return file;
}

/** KEY=VALUE lines; `#` comments, optional `export`, single or double quotes. (Node's own parser when it can.) */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    let value = m[2]!;
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[1] === '"' ? quoted[2]!.replace(/\\n/g, '\n') : quoted[2]!;
    else value = value.replace(/\s+#.*$/, '');
    out[m[1]!] = value;
  }
  return out;
}
