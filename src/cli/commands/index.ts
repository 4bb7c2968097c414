import type { CliCommand } from '../command';

/** Every sub-command, registered once here. Adding a command touches this file, its own file and a test. */
export const COMMANDS: CliCommand[] = [];
