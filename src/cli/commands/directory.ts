import type { TFunction } from 'i18next';
import { loadConfig, configProblemText, isConfigError, type Config } from '../../config';
import { translator } from '../../core/i18n';
import { CachedDirectory } from '../../core/directory/cachedDirectory';
import { checkDirectory, describeDirectoryProblem } from '../../core/directory/checkDirectory';
import { isConfigFileError } from '../../core/directory/configFileError';
import type { Directory, Person } from '../../core/directory/directory';
import type { GroupRole } from '../../core/directory/directorySource';
import { findPerson, personView, type PersonView } from '../../core/directory/personView';
import type { UiLang } from '../../core/language/lang';
import { loadRoutingTable } from '../../core/reports/routingTable';
import { openDirectory, type OpenedDirectory } from '../../directory/openDirectory';
import { isDataDirInUseError } from '../../storage/dataDirLock';
import { openStore } from '../../storage/openStore';
import type { CliCommand, CliIo } from '../command';
import { parseArgs } from '../command';
import { cliLang } from '../cliLang';

/** The `source:` keys of each role's group, as the directory file spells them. */
const GROUP_KEYS: Record<GroupRole, 'itSecurityGroup' | 'hrGroup' | 'communicationsGroup'> = {
  it_security: 'itSecurityGroup',
  hr: 'hrGroup',
  communications: 'communicationsGroup',
};

export interface DirectoryCommandDeps {
  env?: NodeJS.ProcessEnv;
  /** Keys of the Teams conversations the bot has (tests); default: read from the store. */
  teamsConversationKeys?: (config: Config) => Promise<string[]>;
}

/**
 * `somebot directory check [FILE] [--teams]`: validates the organisation directory (ORG_DIRECTORY by default)
 * — the file, and with a `source:` the remote directory: counts, people without a manager, loops, empty
 * groups — and with --teams lists the people the bot has no Teams conversation with yet. Exit code 0 when
 * there are only warnings, 1 on errors, an invalid file or an unreachable source.
 * `somebot directory show PERSON [--json]`: the person as the bot sees them, their manager chain, their roles
 * and who each category of report would reach, and why.
 */
export function directoryCommand(deps: DirectoryCommandDeps = {}): CliCommand {
  return {
    name: 'directory',
    summary: 'organisation directory: check [FILE] [--teams] | show PERSON [--json]',
    async run(args, io) {
      const env = deps.env ?? process.env;
      const lang = cliLang(env);
      const t = translator(lang);
      const { flags, rest } = parseArgs(args, { switches: ['json', 'teams'] });
      const [sub, argument] = rest;
      if ((sub !== 'check' && sub !== 'show') || (sub === 'show' && !argument)) {
        io.err(t('directory:usage'));
        return 2;
      }
      let config: Config;
      try {
        config = loadConfig(env);
      } catch (err) {
        if (!isConfigError(err)) throw err;
        io.err(t('admin:errors.config', { variable: err.variable, problem: configProblemText(err.problem, err.given, t) }));
        return 1;
      }
      const file = sub === 'check' && argument ? argument : config.orgDirectory;
      let opened: OpenedDirectory;
      try {
        opened = openDirectory(config, { file, warm: false });
      } catch (err) {
        if (!isConfigFileError(err)) throw err;
        io.err(t('admin:errors.configFile', { message: err.message }));
        return 1;
      }
      try {
        if (sub === 'show') return await show(opened.directory, argument!, config, flags.json === true, io, t);
        return await check(opened, file, config, flags.teams === true, io, t, lang, deps);
      } finally {
        await (opened.directory as { close?: () => Promise<void> }).close?.();
      }
    },
  };
}

function sourceDown(directory: Directory): { kind: string; code: string } | undefined {
  if (!(directory instanceof CachedDirectory)) return undefined;
  const health = directory.sourceHealth();
  return health.lastFailure ? { kind: health.kind, code: health.lastFailure } : undefined;
}

async function show(directory: Directory, key: string, config: Config, json: boolean, io: CliIo, t: TFunction): Promise<number> {
  const person = await findPerson(directory, key);
  const down = sourceDown(directory);
  if (!person) {
    if (down) io.err(t('directory:sourceDown', down));
    io.err(t('directory:notFound', { person: key }));
    return 1;
  }
  let view: PersonView;
  try {
    view = await personView(directory, loadRoutingTable(config.routingTable), person);
  } catch (err) {
    if (!isConfigFileError(err)) throw err;
    io.err(t('admin:errors.configFile', { message: err.message }));
    return 1;
  }
  const kind = directory instanceof CachedDirectory ? directory.sourceHealth().kind : 'file';
  const after = sourceDown(directory);
  if (json) {
    io.out(JSON.stringify({ ...view, source: { kind, ...(after ? { unreachable: after.code } : {}) } }, null, 2));
    return 0;
  }
  if (after) io.err(t('directory:sourceDown', after));
  const p = view.person;
  io.out(t('directory:show.person', { name: p.name, id: p.id }));
  if (p.title) io.out(`  ${t('directory:show.title', { value: p.title })}`);
  if (p.identities.email) io.out(`  ${t('directory:show.email', { value: p.identities.email })}`);
  if (p.identities.teams) io.out(`  ${t('directory:show.teams', { value: p.identities.teams })}`);
  io.out(`  ${p.lang ? t('directory:show.lang', { value: p.lang }) : t('directory:show.langNone')}`);
  io.out(`  ${t('directory:show.roles', { value: p.roles.map((r) => t(`directory:role.${r}`)).join(', ') })}`);
  const { chain } = view;
  if (chain.managers.length === 0 && chain.end === 'top') io.out(t('directory:show.chainNone'));
  else {
    const end = chain.end === 'top' ? t('directory:show.chainTop') : chain.end === 'loop' ? t('directory:show.chainLoop', { id: chain.loopsTo }) : t('directory:show.chainLong');
    io.out(t('directory:show.chain', { value: `${[p.name, ...chain.managers.map((m) => m.name)].join(' → ')} ${end}` }));
  }
  io.out(t('directory:show.categories'));
  for (const category of view.categories) {
    io.out(t('directory:show.category', { category: t(`reports:category.${category.category}`) }));
    if (category.recipients.length === 0) io.out(t('directory:show.nobody'));
    for (const r of category.recipients) {
      const role = t(`directory:role.${r.role}`);
      if (r.team) io.out(t('directory:show.teamPost', { name: [r.name, ...(r.alternatives ?? [])].join(' / '), role, people: r.team.join(', ') || '–' }));
      else io.out(t('directory:show.recipient', { name: r.name, role }));
    }
    for (const rule of category.rules) io.out(t('directory:show.rule', rule));
  }
  io.out(t('directory:show.source', { kind }));
  return 0;
}

async function check(
  opened: OpenedDirectory,
  file: string,
  config: Config,
  teams: boolean,
  io: CliIo,
  t: TFunction,
  lang: UiLang,
  deps: DirectoryCommandDeps,
): Promise<number> {
  const { directory } = opened;
  const people = await directory.all();
  const itSecurity = await directory.itSecurity();
  let errors = 0;
  let warnings = 0;
  if (opened.file.source) {
    const down = sourceDown(directory);
    if (down && people.length === 0) {
      io.err(t('directory:check.unreachable', down));
      return 1;
    }
    io.out(t('directory:check.sourceSummary', { file, kind: opened.file.source.kind, people: people.length, itPeople: itSecurity.people.length, itChannels: itSecurity.channels.length }));
    for (const [role, key] of Object.entries(GROUP_KEYS) as [GroupRole, (typeof GROUP_KEYS)[GroupRole]][]) {
      if (!opened.file.source[key]) {
        warnings++;
        io.out(`  ${t('admin:directory.severity.warning')}: ${t('directory:check.groupMissing', { group: key })}`);
        continue;
      }
      const count = (await directory.withRole(role)).length;
      if (count === 0) {
        warnings++;
        io.out(`  ${t('admin:directory.severity.warning')}: ${t('directory:check.groupEmpty', { group: key })}`);
      } else io.out(`  ${t('directory:check.groupCount', { group: key, count })}`);
    }
  } else {
    io.out(t('admin:directory.summary', { file, people: people.length, itPeople: itSecurity.people.length, itChannels: itSecurity.channels.length }));
  }
  const problems = checkDirectory(people, itSecurity.channels);
  for (const problem of problems) {
    if (problem.severity === 'error') errors++;
    else warnings++;
    io.out(`  ${t(`admin:directory.severity.${problem.severity}`)}: ${describeDirectoryProblem(problem, lang)}`);
  }
  if (teams) {
    try {
      await listUnreachedOnTeams(people, config, io, t, deps);
    } catch (err) {
      if (!isDataDirInUseError(err)) throw err;
      io.err(t('admin:errors.dataDirInUse', { dir: err.dir, pid: err.pid }));
      return 1;
    }
  }
  io.out(errors > 0 ? t('admin:directory.failed', { errors, warnings }) : t('admin:directory.ok', { warnings }));
  return errors > 0 ? 1 : 0;
}

/** The people with a Teams identity the bot has no personal conversation with yet (it will create one). */
async function listUnreachedOnTeams(people: Person[], config: Config, io: CliIo, t: TFunction, deps: DirectoryCommandDeps): Promise<void> {
  const keys = new Set(
    await (deps.teamsConversationKeys ??
      (async (c: Config) => {
        const store = await openStore(c);
        try {
          return (await store.teamsConversations()).filter((s) => s.blockedAt === null).map((s) => s.conversationKey);
        } finally {
          await store.close();
        }
      }))(config),
  );
  const missing = people.filter((p) => p.identities.teams && !keys.has(`user:${p.identities.teams}`));
  if (missing.length === 0) {
    io.out(t('directory:check.teamsAll'));
    return;
  }
  io.out(t('directory:check.teamsMissing', { count: missing.length }));
  for (const p of missing) io.out(t('directory:check.teamsPerson', { name: p.name, id: p.id }));
}
