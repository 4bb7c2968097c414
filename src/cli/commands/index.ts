import type { CliCommand } from '../command';
import { askCommand } from './ask';
import { chatCommand } from './chat';
import { benchCommand } from './bench';
import { evalCommand } from './eval';
import { indexCommand } from './indexCommand';
import { startCommand } from './start';
import { reportsCommand } from './reports';
import { directoryCommand } from './directory';
import { configCommand } from './config';
import { packageCommand } from './package';

/** Every sub-command, registered once here. Adding a command touches this file, its own file and a test. */
export const COMMANDS: CliCommand[] = [askCommand, chatCommand, evalCommand, indexCommand, benchCommand, startCommand];
COMMANDS.push(reportsCommand(), directoryCommand());
COMMANDS.push(configCommand());
COMMANDS.push(packageCommand());
