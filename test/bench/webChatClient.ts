/**
 * Sends questions the way the web chat page does (src/adapters/web/public/app.js): JSON to
 * POST /web/api/messages with the person and language headers.
 */
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** Questions (not reports) from the repository's question set, in file order, repeated when more are asked for. */
export function benchQuestions(count: number, file = path.join(REPO_ROOT, 'test', 'fixtures', 'questions.jsonl')): string[] {
  const all = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { q: string; intent?: string })
    .filter((row) => row.intent !== 'report')
    .map((row) => row.q);
  return Array.from({ length: count }, (_, i) => all[i % all.length]!);
}

/** The demo token the benchmarked servers are started with (SOMEBOT_DEMO_TOKEN, see serverProcess.cleanEnv); benchmark only. */
export const BENCH_DEMO_TOKEN = 'bench-demo-token-not-a-secret';

export function webHeaders(url: string, person: string, lang = 'sv'): Record<string, string> {
  return {
    Accept: 'application/json',
    'Content-Type': 'application/json',
    'X-Somebot-Lang': lang,
    'X-Somebot-Person': person,
    'X-Somebot-Demo-Token': BENCH_DEMO_TOKEN,
    Origin: url,
  };
}

/** The person the page preselects. */
export async function preselectedPerson(url: string): Promise<string> {
  const res = await fetch(`${url}/web/api/people`, { headers: { Accept: 'application/json', 'X-Somebot-Demo-Token': BENCH_DEMO_TOKEN } });
  if (!res.ok) throw new Error(`GET /web/api/people: ${res.status}`);
  const body = (await res.json()) as { preselected: string | null; people: { id: string }[] };
  return body.preselected ?? body.people[0]!.id;
}

/** Asks each question in turn, as one person typing them; throws on any non-2xx answer. */
export async function askAll(url: string, questions: string[], person: string): Promise<void> {
  for (const text of questions) {
    const res = await fetch(`${url}/web/api/messages`, { method: 'POST', headers: webHeaders(url, person), body: JSON.stringify({ text }) });
    const body = await res.text();
    if (!res.ok) throw new Error(`POST /web/api/messages: ${res.status} ${body.slice(0, 200)}`);
  }
}
