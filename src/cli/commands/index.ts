import type { CliCommand } from '../command';

/** A sub-command by name, loaded only when it runs: `ask` must not load Slack, Teams and the server. */
export interface CommandEntry {
  name: string;
  load(): CliCommand;
}

/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Every sub-command, registered once here (its one-line help is `cli:summary.<name>` in the locales).
 * Adding a command touches this file, its own file, the locales and a test.
 */
export const COMMANDS: CommandEntry[] = [
  { name: 'start', load: () => (require('./start') as typeof import('./start')).startCommand },
  { name: 'chat', load: () => (require('./chat') as typeof import('./chat')).chatCommand },
  { name: 'ask', load: () => (require('./ask') as typeof import('./ask')).askCommand },
  { name: 'eval', load: () => (require('./eval') as typeof import('./eval')).evalCommand },
  { name: 'index', load: () => (require('./indexCommand') as typeof import('./indexCommand')).indexCommand },
  { name: 'bench', load: () => (require('./bench') as typeof import('./bench')).benchCommand },
  { name: 'reports', load: () => (require('./reports') as typeof import('./reports')).reportsCommand() },
  { name: 'directory', load: () => (require('./directory') as typeof import('./directory')).directoryCommand() },
  { name: 'config', load: () => (require('./config') as typeof import('./config')).configCommand() },
  { name: 'content', load: () => (require('./content') as typeof import('./content')).contentCommand() },
  { name: 'package', load: () => (require('./package') as typeof import('./package')).packageCommand() },
  { name: 'keys', load: () => (require('./keys') as typeof import('./keys')).keysCommand() },
];
