import { ENV_VARIABLES, configProblemText, isConfigError, loadConfig, productionKeyProblem, variableProblem, type Config } from '../../config';
import { translator } from '../../core/i18n';
import { channelRequirements } from '../../server/ops/channelRequirements';
import { loadDotEnv } from '../../server/ops/dotEnv';
import { parseArgs, type CliCommand } from '../command';
import { cliLang } from '../cliLang';

/** Variables whose value is never printed (tokens, passwords, keys, connection strings). */
export function isSecretVariable(name: string): boolean {
  return /TOKEN|SECRET|PASSWORD|KEY|DATABASE_URL/.test(name);
}

/**
 * `somebot config check`: reads the environment (and `.env` in the working directory, when there is one)
 * through the one zod schema of src/config.ts, prints what is set (secrets hidden), where reports are
 * stored, and which channels can start and what each one is missing. Exit code 0 when every value is
 * valid; 1 with one line per invalid variable, naming it, otherwise.
 */
export function configCommand(deps: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): CliCommand {
  return {
    name: 'config',
    summary: 'check the configuration: what is set, what each channel is missing',
    async run(args, io) {
      const env = deps.env ?? process.env;
      const t = translator(cliLang(env));
      const { rest } = parseArgs(args);
      if (rest[0] !== 'check' || rest.length !== 1) {
        io.err(t('ops:config.usage'));
        return 2;
      }
      const cwd = deps.cwd ?? process.cwd();
      const envFile = loadDotEnv(cwd, env);
      io.out(envFile ? t('ops:config.envFile', { file: envFile }) : t('ops:config.noEnvFile', { dir: cwd }));

      const given = (name: string) => env[name] !== undefined && env[name]!.trim() !== '';
      const names = Object.keys(ENV_VARIABLES) as (keyof typeof ENV_VARIABLES)[];
      const problems: string[] = [];
      const set: string[] = [];
      for (const name of names) {
        if (!given(name)) continue;
        const raw = env[name]!.trim();
        const problem = variableProblem(name, raw);
        const shown = isSecretVariable(name) ? t('ops:config.hidden') : raw;
        set.push(`  ${name.padEnd(34)} ${shown}`);
        if (problem) {
          problems.push(t('ops:config.invalidValue', { variable: name, problem: configProblemText(problem, isSecretVariable(name) ? undefined : raw, t) }));
        }
      }
      io.out(set.length > 0 ? t('ops:config.heading') : t('ops:config.nothingSet'));
      for (const line of set) io.out(line);
      if (set.length > 0) io.out(t('ops:config.defaults', { count: names.length - set.length }));

      let config: Config | undefined;
      if (problems.length === 0) {
        try {
          config = loadConfig(env);
        } catch (err) {
          if (!isConfigError(err)) throw err;
          problems.push(t('ops:config.invalidValue', { variable: err.variable, problem: configProblemText(err.problem, err.given, t) }));
        }
      }
      const keyProblem = config && productionKeyProblem(config);
      if (keyProblem) {
        problems.push(t('ops:config.invalidValue', { variable: keyProblem.variable, problem: configProblemText(keyProblem.problem, undefined, t) }));
        config = undefined;
      }
      if (!config) {
        for (const line of problems) io.err(line);
        io.err(t('ops:config.invalid', { count: problems.length }));
        return 1;
      }

      io.out(config.databaseUrl ? t('ops:config.storagePostgres') : t('ops:config.storagePglite', { dir: config.dataDir }));
      io.out(t('ops:config.channels'));
      for (const c of channelRequirements(config, t)) {
        const channel = t(`ops:channel.${c.name}`);
        io.out(`  ${c.ready ? t('ops:config.channelOn', { channel }) : t('ops:start.channelOff', { channel, reason: c.reason })}`);
      }
      io.out(t('ops:config.valid'));
      return 0;
    },
  };
}
