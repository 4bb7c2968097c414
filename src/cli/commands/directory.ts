import { loadConfig, configProblemText, isConfigError } from '../../config';
import { translator } from '../../core/i18n';
import { readDirectoryFile } from '../../core/directory/yamlDirectory';
import { checkDirectory, describeDirectoryProblem } from '../../core/directory/checkDirectory';
import { isConfigFileError } from '../../core/directory/configFileError';
import { parseArgs, type CliCommand } from '../command';
import { cliLang } from '../cliLang';

/**
 * `somebot directory check [FILE]`: validates the organisation directory (ORG_DIRECTORY by default) and
 * lists its problems. Exit code 0 when there are none or only warnings, 1 on errors or an invalid file.
 */
export function directoryCommand(deps: { env?: NodeJS.ProcessEnv } = {}): CliCommand {
  return {
    name: 'directory',
    summary: 'organisation directory: check [FILE] (default ORG_DIRECTORY)',
    async run(args, io) {
      const env = deps.env ?? process.env;
      const lang = cliLang(env);
      const t = translator(lang);
      const { rest } = parseArgs(args);
      const [sub, fileArg] = rest;
      if (sub !== 'check' || rest.length > 2) {
        io.err(t('admin:directory.usage'));
        return 2;
      }
      let file = fileArg;
      if (!file) {
        try {
          file = loadConfig(env).orgDirectory;
        } catch (err) {
          if (!isConfigError(err)) throw err;
          io.err(t('admin:errors.config', { variable: err.variable, problem: configProblemText(err.problem, err.given, t) }));
          return 1;
        }
      }
      let parsed;
      try {
        parsed = readDirectoryFile(file);
      } catch (err) {
        if (!isConfigFileError(err)) throw err;
        io.err(t('admin:errors.configFile', { message: err.message }));
        return 1;
      }
      const problems = checkDirectory(parsed.people, parsed.itSecurityChannels);
      const errors = problems.filter((p) => p.severity === 'error');
      const itPeople = parsed.people.filter((p) => p.roles.includes('it_security')).length;
      io.out(
        t('admin:directory.summary', {
          file,
          people: parsed.people.length,
          itPeople,
          itChannels: parsed.itSecurityChannels.length,
        }),
      );
      for (const problem of problems) {
        io.out(`  ${t(`admin:directory.severity.${problem.severity}`)}: ${describeDirectoryProblem(problem, lang)}`);
      }
      io.out(
        errors.length > 0
          ? t('admin:directory.failed', { errors: errors.length, warnings: problems.length - errors.length })
          : t('admin:directory.ok', { warnings: problems.length }),
      );
      return errors.length > 0 ? 1 : 0;
    },
  };
}
