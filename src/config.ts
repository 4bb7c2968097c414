import path from 'node:path';
import { z } from 'zod';
import { isKnownTimeZone } from './core/clock';
import type { TFunction } from 'i18next';
import { REPO_ROOT, translator } from './core/i18n';
import { UI_LANGS, type UiLang } from './core/language/lang';
import { LOG_LEVELS, type LogLevel } from './core/logger';
import type { RelaySettings } from './core/delivery/relay';
import fs from 'node:fs';
import { deploymentMode, type DeploymentMode } from './server/deploymentMode';
import { parseKeyList } from './storage/keyRing';

/**
 * The environment, validated once at start-up. Every variable is declared in ENV_VARIABLES with its zod
 * schema; an invalid value stops start-up with a ConfigError naming the variable (and never echoing a
 * secret). Empty strings count as unset. To add variables (PORT, SLACK_*, MICROSOFT_*), add a section to
 * ENV_VARIABLES and a field to Config built in loadConfig.
 */

export enum ConfigErrorCode {
  Invalid = 'config_invalid',
}

/** What is wrong with a configuration value: a key of `ops:configProblem` with its values, translated where shown. */
export interface ConfigProblem {
  key:
    | 'wholeNumber'
    | 'numberRange'
    | 'dataKey'
    | 'postgresUrl'
    | 'timeZone'
    | 'url'
    | 'oneOf'
    | 'atMostHalf'
    | 'atMost'
    | 'requiredWhen'
    | 'notAllowedWhen'
    | 'loopbackOnly'
    | 'orgId'
    | 'minLength'
    | 'invalid'
    | 'dataKeyList'
    | 'dataKeyFile'
    | 'dataKeyInDataDir'
    | 'slackTeamId';
  values?: Record<string, string | number>;
}

/** A problem as zod carries it (its error message is a string), read back by `loadConfig`. */
function problem(key: ConfigProblem['key'], values?: ConfigProblem['values']): string {
  return JSON.stringify({ key, values });
}

function readProblem(message: string | undefined): ConfigProblem {
  try {
    const parsed = JSON.parse(message ?? '') as ConfigProblem;
    if (typeof parsed.key === 'string') return parsed;
  } catch {
    // zod's own message (a case no schema below names): reported as a plain invalid value.
  }
  return { key: 'invalid' };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = ConfigErrorCode.Invalid;
  constructor(
    /** The environment variable at fault. */
    readonly variable: string,
    /** What was expected. */
    readonly problem: ConfigProblem,
    /** The value given, when it may be shown (never for a secret). */
    readonly given?: string,
  ) {
    super(`${variable}: ${configProblemText(problem, given, translator('en'))}`);
  }
}

/** The problem in the language of `t`, with the value given when it may be shown. */
export function configProblemText(problem: ConfigProblem, given: string | undefined, t: TFunction): string {
  const namespace = SECURITY_PROBLEMS.has(problem.key) ? 'security' : 'ops';
  const text = t(`${namespace}:configProblem.${problem.key}`, problem.values ?? {});
  return given === undefined ? text : t('ops:configProblem.given', { problem: text, value: given });
}

/** Problems of the production rules (data key, Slack workspace), translated in the `security` namespace. */
const SECURITY_PROBLEMS = new Set<ConfigProblem['key']>(['dataKeyList', 'dataKeyFile', 'dataKeyInDataDir', 'slackTeamId']);

export function isConfigError(value: unknown): value is ConfigError {
  return value instanceof ConfigError;
}

const wholeNumber = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: problem('wholeNumber', { min, max }) })
    .int({ error: problem('wholeNumber', { min, max }) })
    .min(min, { error: problem('wholeNumber', { min, max }) })
    .max(max, { error: problem('wholeNumber', { min, max }) })
    .default(fallback);

/** AES-256 key: base64 of exactly 32 bytes. */
const dataKey = z
  .string()
  .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value.trim()) && Buffer.from(value.trim(), 'base64').length === 32, {
    error: problem('dataKey'),
  })
  .transform((value) => Buffer.from(value.trim(), 'base64'))
  .optional();

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/\S+$/.test(value), { error: problem('postgresUrl') })
  .optional();

/** Storage, privacy and retention. */
const storageVariables = {
  SOMEBOT_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: postgresUrl,
  SOMEBOT_DATA_KEY: dataKey,
  /** A file holding the data key (first line) and, during a rotation, old keys (the lines after it). */
  SOMEBOT_DATA_KEY_FILE: z.string().optional(),
  /** Old data keys kept readable while `somebot keys rotate` re-encrypts (base64, comma or space separated). */
  SOMEBOT_DATA_KEY_OLD: z
    .string()
    .refine((value) => (parseKeyList(value)?.length ?? 0) > 0, { error: problem('dataKeyList') })
    .transform((value) => parseKeyList(value)!)
    .optional(),
  SOMEBOT_RETENTION_DAYS: wholeNumber(1, 36500, 365),
  SOMEBOT_DIALOG_TTL_HOURS: wholeNumber(1, 24 * 90, 72),
  SOMEBOT_UNANSWERED_KEEP_DAYS: wholeNumber(0, 3650, 90),
  SOMEBOT_CONTENT_POLL_MS: wholeNumber(200, 3_600_000, 5000),
};

/** Organisation data. */
const organisationVariables = {
  ORG_DIRECTORY: z.string().default('content/demo-directory.yaml'),
  SOMEBOT_ROUTING_TABLE: z.string().default('content/routing.yaml'),
  SOMEBOT_TIME_ZONE: z
    .string()
    .refine(isKnownTimeZone, { error: problem('timeZone') })
    .default('Europe/Helsinki'),
  SOMEBOT_DEFAULT_LANG: z.enum(UI_LANGS, { error: problem('oneOf', { values: UI_LANGS.join(', ') }) }).default('sv'),
  SOMEBOT_LOG_LEVEL: z.enum(LOG_LEVELS as [LogLevel, ...LogLevel[]], { error: problem('oneOf', { values: LOG_LEVELS.join(', ') }) }).default('info'),
};

/** The outbox relay. */
const relayVariables = {
  SOMEBOT_RELAY_POLL_MS: wholeNumber(50, 600_000, 1000),
  SOMEBOT_RELAY_BATCH: wholeNumber(1, 500, 20),
  SOMEBOT_RELAY_MAX_ATTEMPTS: wholeNumber(1, 100, 15),
  SOMEBOT_RELAY_BASE_DELAY_MS: wholeNumber(10, 3_600_000, 2000),
  SOMEBOT_RELAY_MAX_DELAY_MS: wholeNumber(10, 86_400_000, 15 * 60_000),
  SOMEBOT_RELAY_LEASE_MS: wholeNumber(1000, 3_600_000, 120_000),
  SOMEBOT_RELAY_DELIVERY_TIMEOUT_MS: wholeNumber(100, 3_600_000, 30_000),
};

/** Guideline answers. */
const guidelineVariables = {
  SOMEBOT_CONTENT_DIR: z.string().default('content'),
  SOMEBOT_INDEX_FILE: z.string().optional(),
  SOMEBOT_CONTACT: z.string().default('viestinta@kirkkonummi.fi'),
  SOMEBOT_ORGANISATION: z.string().regex(/^[a-z0-9]+$/, { error: problem('orgId') }).optional(),
  SOMEBOT_ANSWER_THRESHOLD: z.coerce
    .number({ error: problem('numberRange', { min: 0, max: 1 }) })
    .min(0, { error: problem('numberRange', { min: 0, max: 1 }) })
    .max(1, { error: problem('numberRange', { min: 0, max: 1 }) })
    .optional(),
};

/** The HTTP server (web chat, Slack and Teams endpoints, health and metrics). */
const serverVariables = {
  PORT: wholeNumber(1, 65535, 3978),
  HOST: z.string().default('127.0.0.1'),
  /** When set, GET /metrics requires `Authorization: Bearer <token>`. */
  SOMEBOT_METRICS_TOKEN: z.string().optional(),
};

const optionalText = z.string().optional();

/** Slack (see README): HTTP events when SLACK_SIGNING_SECRET is set, Socket Mode when SLACK_APP_TOKEN is. */
const slackVariables = {
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  /** Slack Web API base URL (tests and proxies point it elsewhere). */
  SLACK_API_URL: z.string().url({ error: problem('url', { example: 'https://slack.com/api/' }) }).optional(),
  /** Least time between two posts to one Slack chat (Slack allows about one message a second per channel). */
  SOMEBOT_SLACK_POST_INTERVAL_MS: wholeNumber(1, 60_000, 1000),
  /** The workspace (team id, T…) whose requests are served; else the one the bot token belongs to (auth.test). */
  SLACK_TEAM_ID: z.string().regex(/^[TE][A-Z0-9]{2,}$/, { error: problem('slackTeamId') }).optional(),
};

/** Microsoft Teams (Bot Framework). */
const teamsVariables = {
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], { error: problem('oneOf', { values: 'MultiTenant, SingleTenant, UserAssignedMSI' }) }).optional(),
  /** 1 allows the unauthenticated local Teams endpoint (emulator); refused unless HOST is loopback. */
  SOMEBOT_DEV: z.enum(['0', '1'], { error: problem('oneOf', { values: '0, 1' }) }).optional(),
};

/** A remote organisation directory (the directory file's `source:`): Microsoft Graph or LDAP credentials, cache. */
const directoryVariables = {
  AZURE_TENANT_ID: optionalText,
  AZURE_CLIENT_ID: optionalText,
  AZURE_CLIENT_SECRET: optionalText,
  AZURE_AUTHORITY_HOST: z.string().url({ error: problem('url', { example: 'https://login.microsoftonline.com' }) }).default('https://login.microsoftonline.com'),
  GRAPH_API_URL: z.string().url({ error: problem('url', { example: 'https://graph.microsoft.com' }) }).default('https://graph.microsoft.com'),
  LDAP_BIND_DN: optionalText,
  LDAP_BIND_PASSWORD: optionalText,
  /** The bot's app id in the organisation's Teams app catalog: with it the bot installs itself for a person it must alert (Graph). */
  SOMEBOT_TEAMS_CATALOG_APP_ID: optionalText,
  /** How long a directory answer is fresh (older ones serve while a refresh runs). */
  SOMEBOT_DIRECTORY_TTL_MS: wholeNumber(1000, 7 * 24 * 3600_000, 15 * 60_000),
};

/** The local web chat (no login: on only when HOST is loopback, unless any-host) and graceful shutdown. */
const webVariables = {
  /** Unset: the demo runs only when nothing else is configured and HOST is loopback. `auto` = `demo`. */
  SOMEBOT_WEB_CHAT: z.enum(['demo', 'auto', 'off', 'any-host'], { error: problem('oneOf', { values: 'demo, auto, off, any-host' }) }).optional(),
  SOMEBOT_SHUTDOWN_GRACE_MS: wholeNumber(100, 600_000, 10_000),
  /** The demo's secret (else a random one made at start): every API request must carry it. */
  SOMEBOT_DEMO_TOKEN: z.string().min(16, { error: problem('minLength', { min: 16 }) }).optional(),
};

/** The web console with OpenID Connect sign-in: all four or none. */
const signInVariables = {
  SOMEBOT_OIDC_ISSUER: z.string().url({ error: problem('url', { example: 'https://login.microsoftonline.com/<tenant>/v2.0' }) }).optional(),
  SOMEBOT_OIDC_CLIENT_ID: optionalText,
  SOMEBOT_OIDC_CLIENT_SECRET: optionalText,
  /** The address people use (the redirect URI is <this>/web/auth/callback). */
  SOMEBOT_PUBLIC_URL: z.string().url({ error: problem('url', { example: 'https://somebot.example.fi' }) }).optional(),
  SOMEBOT_SESSION_IDLE_MINUTES: wholeNumber(1, 24 * 60, 60),
  SOMEBOT_SESSION_MAX_HOURS: wholeNumber(1, 24 * 30, 12),
  /** Directory ids (comma-separated) who may export every report from the console (administrators). */
  SOMEBOT_CONSOLE_ADMINS: optionalText,
  /** Sign-out: `provider` (default) also ends the provider's session (RP-Initiated Logout); `local` only the console's. */
  SOMEBOT_OIDC_LOGOUT: z.enum(['provider', 'local'], { error: problem('oneOf', { values: 'provider, local' }) }).default('provider'),
  /** Where the provider sends the browser after sign-out; default <SOMEBOT_PUBLIC_URL>/web/auth/signed-out. */
  SOMEBOT_OIDC_POST_LOGOUT_URI: z.string().url({ error: problem('url', { example: 'https://somebot.example.fi/web/auth/signed-out' }) }).optional(),
};

/** Every variable the application reads, by section. */
export const ENV_VARIABLES = {
  ...storageVariables,
  ...organisationVariables,
  ...relayVariables,
  ...guidelineVariables,
  ...serverVariables,
  ...slackVariables,
  ...teamsVariables,
  ...webVariables,
  ...directoryVariables,
  ...signInVariables,
};

/** Variables whose value must never appear in an error or a log. */
const SECRET_VARIABLES = new Set(['SOMEBOT_DATA_KEY', 'SOMEBOT_DATA_KEY_OLD', 'SOMEBOT_METRICS_TOKEN', 'DATABASE_URL', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'MICROSOFT_APP_PASSWORD', 'SOMEBOT_DEMO_TOKEN', 'SOMEBOT_OIDC_CLIENT_SECRET', 'AZURE_CLIENT_SECRET', 'LDAP_BIND_PASSWORD']);


export interface Config {
  /** Absolute path of the data directory (PGlite files, data.key). */
  dataDir: string;
  /** PostgreSQL instead of the embedded PGlite when set. */
  databaseUrl?: string;
  /** The content encryption key, when given in the environment or SOMEBOT_DATA_KEY_FILE (else <dataDir>/data.key). */
  dataKey?: Buffer;
  /** Old keys that still decrypt during a rotation (SOMEBOT_DATA_KEY_OLD, the key file's later lines). */
  oldDataKeys: Buffer[];
  /** Where the data key comes from: the environment, the file SOMEBOT_DATA_KEY_FILE names, or <dataDir>/data.key. */
  dataKeySource: { kind: 'env' } | { kind: 'file'; file: string } | { kind: 'dataDir' };
  /** Demo or production (src/server/deploymentMode.ts). */
  deployment: DeploymentMode;
  /** Bearer token GET /metrics requires, when set. */
  metricsToken?: string;
  retentionDays: number;
  dialogTtlHours: number;
  /** Days unanswered and unhelpful questions are kept for content owners (0: none are kept). */
  unansweredKeepDays: number;
  /** How often a process looks for what content owners taught, to rebuild its index. */
  contentPollMs: number;
  /** Absolute path of the organisation directory file. */
  orgDirectory: string;
  /** Absolute path of the routing table. */
  routingTable: string;
  timeZone: string;
  defaultLang: UiLang;
  logLevel: LogLevel;
  relay: RelaySettings;
  guidelines: {
    /** Absolute path of the content folder. */
    contentDir: string;
    /** Absolute path of the saved search index. */
    indexFile: string;
    /** Who to ask when the guidelines do not answer. */
    contact: string;
    /** Minimum coverage for an answer; undefined = the measured default. */
    answerThreshold?: number;
    /** The deployment's organisation id (front matter `org`): its documents rank first. */
    organisation?: string;
  };
  server: { port: number; host: string };
  /** Slack settings as given (the Slack adapter decides what is enough to start). */
  slack: { botToken?: string; signingSecret?: string; appToken?: string; apiUrl?: string; postIntervalMs?: number; teamId?: string };
  /** Teams settings as given (the Teams adapter decides what is enough to start). */
  teams: { appId?: string; appPassword?: string; tenantId?: string; appType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI'; dev: boolean };
  /**
   * The web chat: `demo` (SOMEBOT_WEB_CHAT=demo or auto) when asked for, `off`, `any-host` (the demo on any
   * HOST), undefined when not set (see adapters/web/consoleMode.ts). How long shutdown waits for requests in
   * flight. The demo's token when given.
   */
  web: { chat?: 'demo' | 'off' | 'any-host'; shutdownGraceMs: number; demoToken?: string };
  /** OpenID Connect sign-in for the web console, when configured (all four variables). */
  signIn?: {
    issuer: string;
    clientId: string;
    clientSecret: string;
    publicUrl: string;
    idleMinutes: number;
    maxHours: number;
    admins: string[];
    /** Sign-out at the provider too (`provider`, RP-Initiated Logout when it offers it) or only here (`local`). */
    logout: 'provider' | 'local';
    /** The post_logout_redirect_uri when not the default <publicUrl>/web/auth/signed-out. */
    postLogoutUri?: string;
  };
  /** A remote directory's credentials (Graph: AZURE_*, falling back to MICROSOFT_APP_*; LDAP: LDAP_BIND_*) and cache TTL. */
  directory: {
    graph: { tenantId?: string; clientId?: string; clientSecret?: string; authorityHost: string; graphUrl: string };
    ldap: { bindDn?: string; bindPassword?: string };
    ttlMs: number;
    /** SOMEBOT_TEAMS_CATALOG_APP_ID: install the Teams app for a person before creating their conversation. */
    teamsCatalogAppId?: string;
  };
}

/** Relative paths in the environment are resolved against the working directory; defaults against the repo. */
function resolvePath(value: string, given: boolean): string {
  if (path.isAbsolute(value)) return value;
  return path.resolve(given ? process.cwd() : REPO_ROOT, value);
}

/** What is wrong with one variable's raw value, or undefined when it is valid. */
export function variableProblem(name: keyof typeof ENV_VARIABLES, raw: string | undefined): ConfigProblem | undefined {
  const parsed = (ENV_VARIABLES[name] as z.ZodType).safeParse(raw);
  return parsed.success ? undefined : readProblem(parsed.error.issues[0]?.message);
}

/** Reads and validates the environment. Throws ConfigError naming the first invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const given = (name: string): boolean => env[name] !== undefined && env[name]!.trim() !== '';
  const values: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(ENV_VARIABLES)) {
    const raw = given(name) ? env[name]!.trim() : undefined;
    const parsed = (schema as z.ZodType).safeParse(raw);
    if (!parsed.success) {
      throw new ConfigError(name, readProblem(parsed.error.issues[0]?.message), SECRET_VARIABLES.has(name) ? undefined : raw);
    }
    values[name] = parsed.data;
  }
  const v = values as { [K in keyof typeof ENV_VARIABLES]: z.output<(typeof ENV_VARIABLES)[K]> };

  if (v.SOMEBOT_RELAY_DELIVERY_TIMEOUT_MS * 2 > v.SOMEBOT_RELAY_LEASE_MS) {
    throw new ConfigError('SOMEBOT_RELAY_DELIVERY_TIMEOUT_MS', { key: 'atMostHalf', values: { other: 'SOMEBOT_RELAY_LEASE_MS' } });
  }
  if (v.SOMEBOT_RELAY_BASE_DELAY_MS > v.SOMEBOT_RELAY_MAX_DELAY_MS) {
    throw new ConfigError('SOMEBOT_RELAY_BASE_DELAY_MS', { key: 'atMost', values: { other: 'SOMEBOT_RELAY_MAX_DELAY_MS' } });
  }

  const signInNames = ['SOMEBOT_OIDC_ISSUER', 'SOMEBOT_OIDC_CLIENT_ID', 'SOMEBOT_OIDC_CLIENT_SECRET', 'SOMEBOT_PUBLIC_URL'] as const;
  if (signInNames.some((name) => v[name])) {
    const missing = signInNames.find((name) => !v[name]);
    if (missing) throw new ConfigError(missing, { key: 'requiredWhen', values: { condition: 'SOMEBOT_OIDC_*' } });
    if (v.SOMEBOT_WEB_CHAT && v.SOMEBOT_WEB_CHAT !== 'off') {
      throw new ConfigError('SOMEBOT_WEB_CHAT', { key: 'notAllowedWhen', values: { condition: 'SOMEBOT_OIDC_ISSUER' } }, v.SOMEBOT_WEB_CHAT);
    }
  }
  const keys = readDataKeys(v.SOMEBOT_DATA_KEY, v.SOMEBOT_DATA_KEY_FILE);
  const slack = {
    ...(v.SLACK_BOT_TOKEN ? { botToken: v.SLACK_BOT_TOKEN } : {}),
    ...(v.SLACK_SIGNING_SECRET ? { signingSecret: v.SLACK_SIGNING_SECRET } : {}),
    ...(v.SLACK_APP_TOKEN ? { appToken: v.SLACK_APP_TOKEN } : {}),
    ...(v.SLACK_API_URL ? { apiUrl: v.SLACK_API_URL } : {}),
    ...(v.SLACK_TEAM_ID ? { teamId: v.SLACK_TEAM_ID } : {}),
    postIntervalMs: v.SOMEBOT_SLACK_POST_INTERVAL_MS,
  };
  const deployment = deploymentMode({
    slack,
    teams: { ...(v.MICROSOFT_APP_ID ? { appId: v.MICROSOFT_APP_ID } : {}) },
    host: v.HOST,
    ...(given('SOMEBOT_OIDC_ISSUER') ? { signInIssuer: env.SOMEBOT_OIDC_ISSUER!.trim() } : {}),
  });

  return {
    dataDir: resolvePath(v.SOMEBOT_DATA_DIR, given('SOMEBOT_DATA_DIR')),
    ...(v.DATABASE_URL ? { databaseUrl: v.DATABASE_URL } : {}),
    ...(keys.current ? { dataKey: keys.current } : {}),
    oldDataKeys: [...keys.old, ...(v.SOMEBOT_DATA_KEY_OLD ?? [])],
    dataKeySource: keys.source,
    deployment,
    ...(v.SOMEBOT_METRICS_TOKEN ? { metricsToken: v.SOMEBOT_METRICS_TOKEN } : {}),
    retentionDays: v.SOMEBOT_RETENTION_DAYS,
    dialogTtlHours: v.SOMEBOT_DIALOG_TTL_HOURS,
    unansweredKeepDays: v.SOMEBOT_UNANSWERED_KEEP_DAYS,
    contentPollMs: v.SOMEBOT_CONTENT_POLL_MS,
    orgDirectory: resolvePath(v.ORG_DIRECTORY, given('ORG_DIRECTORY')),
    routingTable: resolvePath(v.SOMEBOT_ROUTING_TABLE, given('SOMEBOT_ROUTING_TABLE')),
    timeZone: v.SOMEBOT_TIME_ZONE,
    defaultLang: v.SOMEBOT_DEFAULT_LANG,
    logLevel: v.SOMEBOT_LOG_LEVEL,
    guidelines: {
      contentDir: resolvePath(v.SOMEBOT_CONTENT_DIR, given('SOMEBOT_CONTENT_DIR')),
      indexFile: v.SOMEBOT_INDEX_FILE
        ? resolvePath(v.SOMEBOT_INDEX_FILE, true)
        : path.join(resolvePath(v.SOMEBOT_DATA_DIR, given('SOMEBOT_DATA_DIR')), 'guideline-index.json'),
      contact: v.SOMEBOT_CONTACT,
      ...(v.SOMEBOT_ANSWER_THRESHOLD !== undefined ? { answerThreshold: v.SOMEBOT_ANSWER_THRESHOLD } : {}),
      ...(v.SOMEBOT_ORGANISATION ? { organisation: v.SOMEBOT_ORGANISATION } : {}),
    },
    server: { port: v.PORT, host: v.HOST },
    slack,
    teams: {
      ...(v.MICROSOFT_APP_ID ? { appId: v.MICROSOFT_APP_ID } : {}),
      ...(v.MICROSOFT_APP_PASSWORD ? { appPassword: v.MICROSOFT_APP_PASSWORD } : {}),
      ...(v.MICROSOFT_APP_TENANT_ID ? { tenantId: v.MICROSOFT_APP_TENANT_ID } : {}),
      ...(v.MICROSOFT_APP_TYPE ? { appType: v.MICROSOFT_APP_TYPE } : {}),
      dev: v.SOMEBOT_DEV === '1',
    },
    web: {
      ...(v.SOMEBOT_WEB_CHAT ? { chat: v.SOMEBOT_WEB_CHAT === 'auto' ? 'demo' : v.SOMEBOT_WEB_CHAT } : {}),
      shutdownGraceMs: v.SOMEBOT_SHUTDOWN_GRACE_MS,
      ...(v.SOMEBOT_DEMO_TOKEN ? { demoToken: v.SOMEBOT_DEMO_TOKEN } : {}),
    },
    directory: {
      graph: {
        ...((v.AZURE_TENANT_ID ?? v.MICROSOFT_APP_TENANT_ID) ? { tenantId: v.AZURE_TENANT_ID ?? v.MICROSOFT_APP_TENANT_ID } : {}),
        ...((v.AZURE_CLIENT_ID ?? v.MICROSOFT_APP_ID) ? { clientId: v.AZURE_CLIENT_ID ?? v.MICROSOFT_APP_ID } : {}),
        ...((v.AZURE_CLIENT_SECRET ?? v.MICROSOFT_APP_PASSWORD) ? { clientSecret: v.AZURE_CLIENT_SECRET ?? v.MICROSOFT_APP_PASSWORD } : {}),
        authorityHost: v.AZURE_AUTHORITY_HOST,
        graphUrl: v.GRAPH_API_URL,
      },
      ldap: { ...(v.LDAP_BIND_DN ? { bindDn: v.LDAP_BIND_DN } : {}), ...(v.LDAP_BIND_PASSWORD ? { bindPassword: v.LDAP_BIND_PASSWORD } : {}) },
      ttlMs: v.SOMEBOT_DIRECTORY_TTL_MS,
      ...(v.SOMEBOT_TEAMS_CATALOG_APP_ID ? { teamsCatalogAppId: v.SOMEBOT_TEAMS_CATALOG_APP_ID } : {}),
    },
    ...signInConfig(v),
    relay: {
      pollMs: v.SOMEBOT_RELAY_POLL_MS,
      batchSize: v.SOMEBOT_RELAY_BATCH,
      maxAttempts: v.SOMEBOT_RELAY_MAX_ATTEMPTS,
      baseDelayMs: v.SOMEBOT_RELAY_BASE_DELAY_MS,
      maxDelayMs: v.SOMEBOT_RELAY_MAX_DELAY_MS,
      leaseMs: v.SOMEBOT_RELAY_LEASE_MS,
      deliveryTimeoutMs: v.SOMEBOT_RELAY_DELIVERY_TIMEOUT_MS,
    },
  };
}

/** The sign-in settings when all four are given (loadConfig has refused a partial set). */
function signInConfig(v: Record<string, unknown>): Pick<Config, 'signIn'> {
  if (!v.SOMEBOT_OIDC_ISSUER) return {};
  return {
    signIn: {
      issuer: String(v.SOMEBOT_OIDC_ISSUER),
      clientId: String(v.SOMEBOT_OIDC_CLIENT_ID),
      clientSecret: String(v.SOMEBOT_OIDC_CLIENT_SECRET),
      publicUrl: String(v.SOMEBOT_PUBLIC_URL).replace(/\/+$/, ''),
      idleMinutes: Number(v.SOMEBOT_SESSION_IDLE_MINUTES),
      maxHours: Number(v.SOMEBOT_SESSION_MAX_HOURS),
      admins: String(v.SOMEBOT_CONSOLE_ADMINS ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id.length > 0),
      logout: v.SOMEBOT_OIDC_LOGOUT === 'local' ? 'local' : 'provider',
      ...(v.SOMEBOT_OIDC_POST_LOGOUT_URI ? { postLogoutUri: String(v.SOMEBOT_OIDC_POST_LOGOUT_URI) } : {}),
    },
  };
}

/**
 * The data key from SOMEBOT_DATA_KEY or the file SOMEBOT_DATA_KEY_FILE names (current key first, old keys
 * after it); neither set means the data directory's own key file (storage/dataKey.ts).
 */
function readDataKeys(
  envKey: Buffer | undefined,
  file: string | undefined,
): { current?: Buffer; old: Buffer[]; source: Config['dataKeySource'] } {
  if (envKey && file) throw new ConfigError('SOMEBOT_DATA_KEY_FILE', { key: 'notAllowedWhen', values: { condition: 'SOMEBOT_DATA_KEY' } });
  if (envKey) return { current: envKey, old: [], source: { kind: 'env' } };
  if (!file) return { old: [], source: { kind: 'dataDir' } };
  const absolute = resolvePath(file, true);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (err) {
    throw new ConfigError('SOMEBOT_DATA_KEY_FILE', { key: 'dataKeyFile', values: { reason: (err as NodeJS.ErrnoException).code ?? 'error' } }, file);
  }
  const keys = parseKeyList(text);
  if (!keys || keys.length === 0) throw new ConfigError('SOMEBOT_DATA_KEY_FILE', { key: 'dataKey' }, file);
  return { current: keys[0]!, old: keys.slice(1), source: { kind: 'file', file: absolute } };
}

/**
 * In production the data key must not be kept inside the data directory, where a copy of the directory (a
 * backup, a volume snapshot) would carry the key along with what it protects. Undefined when the rule holds
 * (or this is the demo); else the problem, naming the variable to fix. `somebot start` refuses on it.
 */
export function productionKeyProblem(config: Pick<Config, 'deployment' | 'dataKeySource' | 'dataDir' | 'server'>): ConfigError | undefined {
  if (!config.deployment.production) return undefined;
  // Named by the settings that make it production, which read the same in every language.
  const setting = { slack: 'SLACK_*', teams: 'MICROSOFT_APP_ID', signIn: 'SOMEBOT_OIDC_ISSUER', host: `HOST=${config.server.host}` } as const;
  const reasons = config.deployment.reasons.map((r) => setting[r]).join(', ');
  const source = config.dataKeySource;
  if (source.kind === 'dataDir') return new ConfigError('SOMEBOT_DATA_KEY', { key: 'dataKeyInDataDir', values: { reasons, dir: config.dataDir } });
  if (source.kind === 'file') {
    const relative = path.relative(realPath(config.dataDir), realPath(source.file));
    if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
      return new ConfigError('SOMEBOT_DATA_KEY_FILE', { key: 'dataKeyInDataDir', values: { reasons, dir: config.dataDir } });
    }
  }
  return undefined;
}

/** The path with symbolic links resolved as far as it exists (so a link into the data directory is caught). */
function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}
