import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { loadConfig, configProblemText, isConfigError, type Config } from '../../config';
import { createGuidelineRuntime, guidelineSettings, type GuidelineRuntime } from '../../app/guidelineRuntime';
import { formatLocalDateTime } from '../../core/clock';
import { learnedFromItems, learnedYaml, mergeLearned, readLearnedFile } from '../../core/content/learnedContent';
import type { LearnedItem, NewLearnedItem } from '../../core/content/records';
import type { ContentReview } from '../../core/content/review';
import { AlreadyTaughtError, ContentOwners, mayOwnContent, TeachingError } from '../../core/content/contentOwners';
import { teacherNames } from '../../core/content/teachers';
import { systemClock } from '../../core/clock';
import { isConfigFileError } from '../../core/directory/configFileError';
import { translator } from '../../core/i18n';
import { createJsonLogger } from '../../core/logger';
import { isDataDirInUseError } from '../../storage/dataDirLock';
import { openReporting, type Reporting } from '../../reporting';
import { parseArgs, type CliCommand, type CliIo } from '../command';
import { ContentError } from '../../core/errors';
import { checkContent, type DocumentCheck } from '../../core/content/contentCheck';
import { importDocument } from '../../core/content/import/importDocument';
import { loadGuidelineContent } from '../../core/guidelines/guidelineContent';
import { buildGuidelineIndex } from '../../core/guidelines/guidelineIndex';
import { cliLang } from '../cliLang';

export interface ContentCommandDeps {
  env?: NodeJS.ProcessEnv;
  open?: (config: Config) => Promise<Reporting>;
}

const SUBCOMMANDS = ['review', 'learn', 'learned', 'export-learned', 'import', 'check'] as const;
const VALUED = ['as', 'since', 'passage', 'contact', 'lang', 'undo', 'out', 'org', 'title', 'organisation', 'country', 'id', 'doc'];

class UsageError extends Error {}

/**
 * `somebot content review|learn|learned|export-learned` — the content owners' loop. Everything needs who is
 * acting: `--as PERSON_ID` (a person with the communications role) or `--admin`. What is taught is stored in the
 * database with who taught it; every running process picks it up without a restart.
 */
export function contentCommand(deps: ContentCommandDeps = {}): CliCommand {
  return {
    name: 'content',
    summary: 'content: review | learn | learned | export-learned (--as PERSON_ID or --admin); import FILE --org ID --lang sv|fi; check [--doc ID]',
    async run(args, io) {
      const env = deps.env ?? process.env;
      const t = translator(cliLang(env));
      const [sub, ...rest] = args;
      const { flags, rest: positional } = parseArgs(rest, { valued: VALUED, switches: ['json', 'admin', 'out-of-scope', 'all'] });
      if (!sub || !(SUBCOMMANDS as readonly string[]).includes(sub)) {
        io.err(t('content:cli.usage'));
        return 2;
      }
      let config: Config;
      try {
        config = loadConfig(env);
      } catch (err) {
        if (isConfigError(err)) {
          io.err(t('admin:errors.config', { variable: err.variable, problem: configProblemText(err.problem, err.given, t) }));
          return 1;
        }
        throw err;
      }
      let reporting: Reporting | undefined;
      try {
        // Files of content/ only: no database, no acting person.
        if (sub === 'import') return await importFile(positional[0], flags, io, t, config);
        if (sub === 'check') return checkCommand(typeof flags.doc === 'string' ? [flags.doc] : undefined, flags.json === true, io, t, config);
        reporting = await (deps.open ?? ((c) => openReporting(c, { logger: createJsonLogger('error') })))(config);
        const actor = await actorOf(reporting, flags, env, t);
        const guidelines = () => createGuidelineRuntime(guidelineSettings(env));
        const owners = (runtime: GuidelineRuntime) => new ContentOwners({ store: reporting!.store, clock: systemClock, index: () => runtime.index });
        switch (sub as (typeof SUBCOMMANDS)[number]) {
          case 'review':
            return await review(guidelines(), owners, flags, io, t, config);
          case 'learn':
            return await learn(owners(guidelines()), actor, positional.join(' '), flags, io, t);
          case 'learned':
            return await learned(reporting, actor, flags, io, t, config);
          default:
            return await exportLearned(reporting, flags, io, t, config);
        }
      } catch (err) {
        if (err instanceof UsageError) {
          io.err(`${err.message}\n${t('content:cli.usage')}`);
          return 2;
        }
        if (isConfigFileError(err)) {
          io.err(t('admin:errors.configFile', { message: err.message }));
          return 1;
        }
        if (err instanceof ContentError) {
          io.err(t('content:cli.contentError', { message: err.message }));
          return 1;
        }
        if (isDataDirInUseError(err)) {
          io.err(t('admin:errors.dataDirInUse', { dir: err.dir, pid: err.pid }));
          return 1;
        }
        io.err(t('admin:errors.unexpected', { name: err instanceof Error ? err.name : 'Error' }));
        return 1;
      } finally {
        await reporting?.close();
      }
    },
  };
}

/** `person:<id>` for a person with the communications role, `admin:<OS user>` for --admin; anyone else is refused. */
async function actorOf(reporting: Reporting, flags: Record<string, string | true>, env: NodeJS.ProcessEnv, t: TFunction): Promise<string> {
  if (typeof flags.as === 'string' && flags.admin) throw new UsageError(t('admin:errors.asOrAdmin'));
  if (flags.admin === true) return `admin:${adminName(env)}`;
  if (typeof flags.as !== 'string') throw new UsageError(t('admin:errors.needViewer'));
  const person = await reporting.directory.person(flags.as);
  if (!person || !mayOwnContent(person)) throw new UsageError(t('content:cli.notAllowed', { id: flags.as }));
  return `person:${person.id}`;
}

async function review(
  runtime: GuidelineRuntime,
  owners: (runtime: GuidelineRuntime) => ContentOwners,
  flags: Record<string, string | true>,
  io: CliIo,
  t: TFunction,
  config: Config,
): Promise<number> {
  const days = flags.since === undefined ? config.unansweredKeepDays || 90 : Number(flags.since);
  if (!Number.isInteger(days) || days < 1) throw new UsageError(t('content:cli.badSince', { value: String(flags.since) }));
  const result = await owners(runtime).review(days);
  if (flags.json === true) {
    io.out(JSON.stringify(reviewJson(result, runtime), null, 2));
    return 0;
  }
  const when = (d: Date) => formatLocalDateTime(d, config.timeZone);
  const title = (id: string) => runtime.index.passages.get(id)?.source.section ?? id;
  io.out(t('content:review.unanswered', { count: result.questions.length }));
  for (const g of result.questions) {
    io.out(t('content:review.line', { count: g.count, text: g.text, lang: g.lang, doors: g.doors.join(', '), last: when(g.lastSeen) }));
    if (g.closest.length > 0) io.out(`    ${t('content:review.closest', { passages: g.closest.map((c) => `${c.passageId} (${title(c.passageId)})`).join('; ') })}`);
  }
  io.out('');
  io.out(t('content:review.unhelpful', { count: result.unhelpful.length }));
  for (const g of result.unhelpful) {
    io.out(t('content:review.line', { count: g.count, text: g.text, lang: g.lang, doors: '', last: when(g.lastSeen) }));
    if (g.passageId) io.out(`    ${t('content:review.shown', { passage: `${g.passageId} (${title(g.passageId)})` })}`);
  }
  return 0;
}

function reviewJson(result: ContentReview, runtime: GuidelineRuntime) {
  const passage = (id: string | null) => (id ? { passageId: id, section: runtime.index.passages.get(id)?.source.section ?? null } : null);
  return {
    questions: result.questions.map((g) => ({
      text: g.text,
      count: g.count,
      lang: g.lang,
      lastSeen: g.lastSeen.toISOString(),
      variants: g.variants,
      doors: g.doors,
      reasons: g.reasons,
      closest: g.closest.map((c) => ({ ...passage(c.passageId)!, score: c.score })),
    })),
    unhelpful: result.unhelpful.map((g) => ({ text: g.text, count: g.count, lang: g.lang, lastSeen: g.lastSeen.toISOString(), variants: g.variants, shown: passage(g.passageId) })),
  };
}

async function learn(owners: ContentOwners, actor: string, question: string, flags: Record<string, string | true>, io: CliIo, t: TFunction): Promise<number> {
  let saved: LearnedItem;
  try {
    saved = await owners.teach(
      {
        question,
        ...(flags.lang !== undefined ? { lang: String(flags.lang) } : {}),
        ...(typeof flags.passage === 'string' ? { passageId: flags.passage } : {}),
        ...(flags['out-of-scope'] === true ? { outOfScope: true } : {}),
        ...(typeof flags.contact === 'string' ? { contact: flags.contact } : {}),
      },
      actor,
    );
  } catch (err) {
    // The same teaching again: said so, nothing stored, and not a failure (what was asked for is in effect).
    if (err instanceof AlreadyTaughtError) {
      io.out(t('content:learn.already', { id: err.existing.id, what: describe(err.existing, t) }));
      return 0;
    }
    if (err instanceof TeachingError) throw new UsageError(t(`content:cli.${err.problem}`, { ref: err.ref ?? '', limit: err.limit ?? '' }));
    throw err;
  }
  io.out(t('content:learn.done', { id: saved.id, what: describe(saved, t) }));
  return 0;
}

async function learned(reporting: Reporting, actor: string, flags: Record<string, string | true>, io: CliIo, t: TFunction, config: Config): Promise<number> {
  if (flags.undo !== undefined) {
    const id = Number(flags.undo);
    if (!Number.isInteger(id) || id < 1) throw new UsageError(t('content:cli.badId', { value: String(flags.undo) }));
    const done = await reporting.store.undoLearned(id, actor, new Date());
    if (!done) {
      io.err(t('content:learned.notFound', { id }));
      return 1;
    }
    io.out(t('content:learned.undone', { id }));
    return 0;
  }
  const items = await reporting.store.learnedItems({ includeUndone: flags.all === true });
  if (flags.json === true) {
    io.out(JSON.stringify(items, null, 2));
    return 0;
  }
  if (items.length === 0) io.out(t('content:learned.none'));
  const names = await teacherNames(
    items.map((item) => item.taughtBy),
    (id) => reporting.directory.person(id),
    t,
  );
  for (const item of items) {
    const state = item.undoneAt ? ` ${t('content:learned.undoneMark')}` : '';
    io.out(t('content:learned.line', { id: item.id, what: describe(item, t), by: names.get(item.taughtBy) ?? item.taughtBy, at: formatLocalDateTime(item.taughtAt, config.timeZone) }) + state);
  }
  return 0;
}

async function exportLearned(reporting: Reporting, flags: Record<string, string | true>, io: CliIo, t: TFunction, config: Config): Promise<number> {
  const file = typeof flags.out === 'string' ? path.resolve(flags.out) : path.join(config.guidelines.contentDir, 'learned.yaml');
  const items = await reporting.store.learnedItems();
  const merged = mergeLearned(readLearnedFile(file), learnedFromItems(items));
  fs.writeFileSync(file, learnedYaml(merged));
  io.out(t('content:export.done', { count: items.length, file }));
  return 0;
}

function describe(item: LearnedItem | NewLearnedItem, t: TFunction): string {
  if (item.kind === 'example_question') return t('content:what.example', { text: item.text, passage: item.passageId });
  if (item.kind === 'contact') return t('content:what.contact', { text: item.text, contact: item.contact });
  return t('content:what.outOfScope', { words: item.words.join(', ') });
}

function adminName(env: NodeJS.ProcessEnv): string {
  try {
    return os.userInfo().username;
  } catch {
    return env.USER ?? 'unknown';
  }
}

async function importFile(source: string | undefined, flags: Record<string, string | true>, io: CliIo, t: TFunction, config: Config): Promise<number> {
  if (!source) throw new UsageError(t('content:cli.needFile'));
  const org = flags.org;
  if (typeof org !== 'string' || !/^[a-z0-9]+$/.test(org)) throw new UsageError(t('content:cli.badOrg'));
  if (flags.lang !== 'sv' && flags.lang !== 'fi') throw new UsageError(t('content:cli.badLang'));
  if (flags.country !== undefined && flags.country !== 'FI' && flags.country !== 'SE') throw new UsageError(t('content:cli.badCountry'));
  const str = (name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
  const imported = await importDocument(path.resolve(source), config.guidelines.contentDir, {
    org,
    lang: flags.lang,
    ...(str('title') ? { title: str('title')! } : {}),
    ...(str('organisation') ? { organisation: str('organisation')! } : {}),
    ...(str('country') ? { country: str('country') as 'FI' | 'SE' } : {}),
    ...(str('id') ? { id: str('id')! } : {}),
  });
  io.out(t('content:import.done', { file: imported.file, id: imported.id, sections: imported.sections }));
  return checkCommand([imported.id], false, io, t, config);
}

function checkCommand(docIds: string[] | undefined, json: boolean, io: CliIo, t: TFunction, config: Config): number {
  const content = loadGuidelineContent(config.guidelines.contentDir);
  if (docIds && !content.docs.some((d) => docIds.includes(d.meta.id))) throw new UsageError(t('content:cli.unknownDoc', { id: docIds.join(', ') }));
  const checks = checkContent(content, buildGuidelineIndex(content), docIds);
  if (json) {
    io.out(JSON.stringify(checks, null, 2));
    return 0;
  }
  for (const c of checks) io.out(checkLines(c, t).join('\n'));
  return 0;
}

function checkLines(c: DocumentCheck, t: TFunction): string[] {
  const lines = [
    t('content:check.doc', { id: c.docId, passages: c.passages }),
    `  ${t('content:check.terms', { count: c.withSearchTerms, of: c.passages })}`,
    `  ${t('content:check.examples', { count: c.withExampleQuestions, of: c.passages, questions: c.exampleQuestions })}`,
    `  ${t('content:check.selfTest', { found: c.examplesFoundFirst, of: c.exampleQuestions, headings: c.headingsFoundFirst, sections: c.sections })}`,
  ];
  const shown = c.problems.filter((p) => p.problem === 'example_not_first' || p.problem === 'heading_not_first').slice(0, 10);
  for (const p of shown) lines.push(`    ${t(`content:check.problem.${p.problem}`, { passage: p.passageId, detail: p.detail ?? '' })}`);
  if (c.withSearchTerms < c.passages || c.withExampleQuestions < c.passages) lines.push(`  ${t('content:check.advice')}`);
  return lines;
}
