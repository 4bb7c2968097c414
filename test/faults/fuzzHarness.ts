/**
 * What the HTTP fuzz files share: one real `somebot start` process (BotCluster) checked after every test (never
 * exited, still healthy), the run bounds (FAULTS_FUZZ_RUNS, default 120; FAULTS_SEED), and the arbitraries for
 * text and for fields that may hold anything.
 */
import fc from 'fast-check';
import { BotCluster, type BotProcess } from './cluster';

export const RUNS = Number(process.env.FAULTS_FUZZ_RUNS ?? 120);
export const SEED = Number(process.env.FAULTS_SEED ?? 20261206);

/** Starts one bot process for the file (hooks registered here); read `cluster` and `bot` inside tests. */
export function fuzzTarget(): { readonly cluster: BotCluster; readonly bot: BotProcess } {
  let cluster: BotCluster | undefined;
  jest.setTimeout(600_000);
  beforeAll(async () => {
    cluster = await BotCluster.start({ processes: 1 });
  });
  afterAll(async () => {
    await cluster?.stop();
  });
  afterEach(async () => {
    const bot = cluster!.bots[0]!;
    expect(bot.exit).toBeUndefined();
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
  return {
    get cluster() {
      return cluster!;
    },
    get bot() {
      return cluster!.bots[0]!;
    },
  };
}

/** Text as people and attackers type it: words the bot knows, unicode, markup, very long, empty. */
export const text = fc.oneof(
  fc.constantFrom('', 'anmäl', 'ilmoita', 'report', 'hjälp', 'Får jag svara på kommentarer?', 'confirm', '<b>x</b>', '{{x}}', '\u0000', 'ä'.repeat(5000)),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
);
export const anyJson = fc.jsonValue({ maxDepth: 4 });
/** A value where a field is expected: usually the right type, sometimes anything. */
export const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: anyJson }, { weight: 1, arbitrary: fc.constant(undefined) });
