import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

/** Why a configuration file (directory, routing table) was rejected. */
export enum ConfigFileErrorCode {
  Unreadable = 'config_unreadable',
  Syntax = 'config_syntax',
  Invalid = 'config_invalid',
}

/**
 * A configuration file an operator maintains was rejected at start-up. The message is for the operator
 * (CLI / log, English) and always names the file and, when known, the entry (row) and the field.
 */
export class ConfigFileError extends Error {
  override readonly name = 'ConfigFileError';
  constructor(
    readonly code: ConfigFileErrorCode,
    message: string,
    readonly where: { file: string; entry?: string; field?: string },
  ) {
    super(message);
  }
}

export function isConfigFileError(value: unknown): value is ConfigFileError {
  return value instanceof ConfigFileError;
}

/** `field "a.b": message` for one zod issue; the field is the issue's path inside its entry. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join('.');
  return field ? `field "${field}": ${issue.message}` : issue.message;
}

/**
 * Parses a configuration file's YAML and checks its top level against `schema`. Throws ConfigFileError
 * (Syntax, or Invalid naming the field); entries are checked by the caller, which names them.
 */
export function parseConfigYaml<T>(text: string, file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new ConfigFileError(ConfigFileErrorCode.Syntax, `${file}: not valid YAML: ${(err as Error).message}`, { file });
  }
  const top = schema.safeParse(raw);
  if (!top.success) {
    const issue = top.error.issues[0]!;
    throw new ConfigFileError(ConfigFileErrorCode.Invalid, `${file}: ${describeIssue(issue)}`, { file, field: issue.path.join('.') });
  }
  return top.data;
}
