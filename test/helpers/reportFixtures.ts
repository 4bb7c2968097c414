import { isReportError, type ReportError } from '../../src/core/reports/reportErrors';
/**
 * Shared fixtures for the incident-report tests: the demo directory and the default routing table as they
 * ship (real files, no fakes), and a dialog context for one reporter on a fixed date.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../src/core/i18n';
import type { UiLang } from '../../src/core/language/lang';
import { loadYamlDirectory } from '../../src/core/directory/yamlDirectory';
import type { Directory } from '../../src/core/directory/directory';
import { loadRoutingTable, type RoutingTable } from '../../src/core/reports/routingTable';
import { buildDialogContext } from '../../src/core/reports/dialog/context';
import type { DialogContext } from '../../src/core/reports/dialog/types';

export const DEMO_DIRECTORY_PATH = path.join(REPO_ROOT, 'content', 'demo-directory.yaml');
export const ROUTING_TABLE_PATH = path.join(REPO_ROOT, 'content', 'routing.yaml');
/** The fixed "today" of the dialog tests. */
export const TODAY = '2026-03-16';

/** Ids of the demo directory, so tests say who they mean. */
export const DEMO = {
  /** sv, employee; manager karin.nystrom, whose manager is kaisa.virtanen. */
  anna: 'anna.lindqvist',
  /** fi, employee; manager karin.nystrom. */
  mikko: 'mikko.laine',
  /** fi, employee with no manager in the directory. */
  jussi: 'jussi.heikkinen',
  karin: 'karin.nystrom',
  kaisa: 'kaisa.virtanen',
  helena: 'helena.aaltonen',
  sofia: 'sofia.holmberg',
  timo: 'timo.korhonen',
  linnea: 'linnea.berg',
} as const;

export const IT_SECURITY_CHANNELS = [
  { platform: 'slack', id: 'C0INFOSEC01', name: '#informationsforvaltningen' },
  { platform: 'teams', id: '19:infosec-kyrkslatt@thread.tacv2', name: 'Informationsförvaltningen / Tietohallinto' },
  { platform: 'email', id: 'informationsforvaltningen@kyrkslatt.example', name: 'Informationsförvaltningen' },
] as const;

let directory: Promise<Directory> | undefined;
let table: RoutingTable | undefined;

/** The shipped demo directory, loaded once per test file (it is read-only). */
export function demoDirectory(): Promise<Directory> {
  directory ??= loadYamlDirectory(DEMO_DIRECTORY_PATH);
  return directory;
}

/** The shipped routing table, loaded once per test file (it is read-only). */
export function defaultRoutingTable(): RoutingTable {
  table ??= loadRoutingTable(ROUTING_TABLE_PATH);
  return table;
}

/** A dialog context for a demo reporter, built the way the service builds it. */
export async function demoContext(reporterId: string, lang: UiLang, today = TODAY): Promise<DialogContext> {
  return buildDialogContext({ lang, reporterId, directory: await demoDirectory(), table: defaultRoutingTable(), today });
}

/** Writes text to a fresh temporary file and returns its path (for invalid-file tests). */
export function tempFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** The ReportError a promise rejects with (any other outcome fails the test). */
export async function reportRejection(promise: Promise<unknown>): Promise<ReportError> {
  try {
    await promise;
  } catch (err) {
    if (isReportError(err)) return err;
    throw err;
  }
  throw new Error('expected a ReportError');
}
