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
