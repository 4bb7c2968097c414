import type { CliCommand } from '../command';
import { askCommand } from './ask';
import { evalCommand } from './eval';
import { indexCommand } from './indexCommand';

/** Every sub-command, registered once here. Adding a command touches this file, its own file and a test. */
export const COMMANDS: CliCommand[] = [askCommand, evalCommand, indexCommand];
