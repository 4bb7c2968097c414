import fs from 'node:fs';
import path from 'node:path';
import { buildTeamsPackage, type PackageProblem } from '../../adapters/teams/package/teamsPackage';
import { translator, REPO_ROOT } from '../../core/i18n';
import { parseArgs, type CliCommand } from '../command';
import { cliLang } from '../cliLang';

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

/** The app version: package.json's, so a new release is a new Teams app version. */
function appVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

/**
 * `somebot package teams [--out FILE] [--app-id ID] [--manifest-dir DIR]`: builds the Teams app package (a
 * zip of manifests/teams with the bot's Microsoft App ID filled in) that an administrator uploads in the
 * Teams admin center. The app id comes from --app-id or MICROSOFT_APP_ID. Exit code 0 when written, 1 when
 * the manifest or its icons have problems (each is listed; nothing is written), 2 on wrong usage.
 */
export function packageCommand(deps: { env?: NodeJS.ProcessEnv } = {}): CliCommand {
  return {
    name: 'package',
    summary: 'build an app package to upload: package teams [--out FILE] [--app-id ID]',
    async run(args, io) {
      const env = deps.env ?? process.env;
      const t = translator(cliLang(env));
      const { flags, rest } = parseArgs(args, { valued: ['out', 'app-id', 'manifest-dir'] });
      if (rest[0] !== 'teams' || rest.length !== 1) {
        io.err(t('teams:package.usage'));
        return 2;
      }
      const appId = (typeof flags['app-id'] === 'string' ? flags['app-id'] : env.MICROSOFT_APP_ID ?? '').trim();
      if (!appId) {
        io.err(t('teams:package.noAppId'));
        return 2;
      }
      if (!GUID.test(appId)) {
        io.err(t('teams:package.badAppId', { appId }));
        return 2;
      }
      const dir = typeof flags['manifest-dir'] === 'string' ? path.resolve(flags['manifest-dir']) : undefined;
      const version = appVersion();
      let built;
      try {
        built = buildTeamsPackage({ appId, version, ...(dir ? { dir } : {}) });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && !(err instanceof SyntaxError)) throw err;
        io.err(t('teams:package.unreadable', { dir: dir ?? path.join(REPO_ROOT, 'manifests', 'teams') }));
        return 1;
      }
      if (built.problems.length > 0) {
        for (const problem of built.problems) io.err(`  ${describeProblem(problem, t)}`);
        io.err(t('teams:package.notWritten', { count: built.problems.length }));
        return 1;
      }
      const out = path.resolve(typeof flags.out === 'string' ? flags.out : 'somebot-teams.zip');
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, built.zip);
      io.out(t('teams:package.built', { file: out, appId, version }));
      return 0;
    },
  };
}

function describeProblem(problem: PackageProblem, t: ReturnType<typeof translator>): string {
  return t(`teams:package.problem.${problem.code}`, problem.params);
}
