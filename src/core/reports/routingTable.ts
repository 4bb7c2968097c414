import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../i18n';
import type { ContentLang } from '../language/lang';
import { PERSON_ROLES, type PersonRole } from '../directory/directory';
import { REPORT_CATEGORIES, type ReportCategory } from './categories';
import { ConfigFileError, ConfigFileErrorCode, describeIssue, parseConfigYaml } from '../directory/configFileError';

/** Where the default routing table lives. */
export const DEFAULT_ROUTING_TABLE_PATH = path.join(REPO_ROOT, 'content', 'routing.yaml');

/** Roles whose holders a row can name as recipients ('employee' is everyone, so it is not one). */
export type RoutableRole = Exclude<PersonRole, 'employee'>;
export const ROUTABLE_ROLES = PERSON_ROLES.filter((role): role is RoutableRole => role !== 'employee');

export const URGENCIES = ['immediate', 'high', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Where a quoted rule comes from, so a manager sees why a report reached them. */
export interface RuleSource {
  docId: string;
  organisation: string;
  document: string;
  section: string;
  /** The language the rule is written in (the document's): a reader of the other language is told so. */
  lang?: ContentLang;
}

/** One rule quoted verbatim from the guideline corpus. */
export interface RoutingRule {
  id: string;
  quote: string;
  source: RuleSource;
}

/** Who is told about a report of one category. */
export interface RecipientSpec {
  /** The reporter's manager (or the alternate recipient when the manager is the subject). */
  manager: boolean;
  /** IT security ("informationsförvaltningen"): one post for the team in its channel. */
  itSecurity: boolean;
  /**
   * IT security's people get a copy each as well (default false: the team post only). Without a team
   * channel to post in (none listed, or the person reported reads it), the people are told personally anyway.
   */
  itSecurityPeople?: boolean;
  /** Everyone holding these roles (e.g. 'communications'). */
  roles: RoutableRole[];
}

/** One row of the routing table. */
export interface RoutingRow {
  category: ReportCategory;
  recipients: RecipientSpec;
  urgency: Urgency;
  /** T of the escalation policy: minutes before an unacknowledged alert escalates. */
  ackTimeoutMinutes: number;
  /** Advice shown to the reporter after submitting, one item per line, per UI language. */
  advice: { sv: string[]; fi: string[]; en: string[] };
  /**
   * Advice instead of `advice` when the person reported is the reporter's own manager (the manager is not
   * told, so advice must not send the reporter to them). Absent: `advice` applies in every situation.
   */
  adviceWhenManagerReported?: { sv: string[]; fi: string[]; en: string[] };
  /** Rules cited in every alert of this category, in table order. */
  rules: RoutingRule[];
}

/** The whole table: exactly one row per known category. */
export interface RoutingTable {
  rows: Record<ReportCategory, RoutingRow>;
  /** When someone is in immediate danger, any report is 'immediate' and waits at most this long for an acknowledgement. */
  immediateDanger: { ackTimeoutMinutes: number };
  /** Whether the reporter is told who an unacknowledged report went on to (default: only that it did). */
  escalation?: { nameToReporter: boolean };
}


const nonEmpty = z.string().trim().min(1);

const ruleSchema = z.strictObject({
  quote: nonEmpty,
  source: z.strictObject({ docId: nonEmpty, organisation: nonEmpty, document: nonEmpty, section: nonEmpty, lang: z.enum(['sv', 'fi']).optional() }),
});

const adviceList = z.array(nonEmpty).min(1);

const rowSchema = z.strictObject({
  recipients: z.strictObject({
    manager: z.boolean(),
    itSecurity: z.boolean(),
    itSecurityPeople: z.boolean().optional(),
    roles: z.array(z.enum(ROUTABLE_ROLES)).default([]),
  }),
  urgency: z.enum(URGENCIES),
  ackTimeoutMinutes: z.number().int().positive(),
  advice: z.strictObject({ sv: adviceList, fi: adviceList, en: adviceList }),
  adviceWhenManagerReported: z.strictObject({ sv: adviceList, fi: adviceList, en: adviceList }).optional(),
  rules: z.array(nonEmpty).min(1),
});

const fileSchema = z.strictObject({
  immediateDanger: z.strictObject({ ackTimeoutMinutes: z.number().int().positive() }),
  escalation: z.strictObject({ nameToReporter: z.boolean() }).optional(),
  rules: z.record(z.string(), z.unknown()),
  categories: z.record(z.string(), z.unknown()),
});

/**
 * Parses and validates a routing table (YAML text). Every category of REPORT_CATEGORIES must have a row;
 * a row may not name an unknown category or cite an unknown rule. Throws ConfigFileError whose message names
 * the file, the row (category or rule id) and the field.
 */
export function parseRoutingTable(text: string, file = '<routing table>'): RoutingTable {
  const top = parseConfigYaml(text, file, fileSchema);

  const rules = new Map<string, RoutingRule>();
  for (const [id, value] of Object.entries(top.rules)) {
    const parsed = ruleSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConfigFileError(ConfigFileErrorCode.Invalid, `${file}: rule "${id}": ${describeIssue(issue)}`, {
        file,
        entry: id,
        field: issue.path.join('.'),
      });
    }
    const { lang, ...where } = parsed.data.source;
    rules.set(id, { id, quote: parsed.data.quote, source: { ...where, ...(lang ? { lang } : {}) } });
  }

  const rows: Partial<Record<ReportCategory, RoutingRow>> = {};
  for (const [category, value] of Object.entries(top.categories)) {
    if (!(REPORT_CATEGORIES as readonly string[]).includes(category)) {
      throw new ConfigFileError(
        ConfigFileErrorCode.Invalid,
        `${file}: row "${category}": unknown category (expected one of ${REPORT_CATEGORIES.join(', ')})`,
        { file, entry: category, field: 'category' },
      );
    }
    const parsed = rowSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConfigFileError(ConfigFileErrorCode.Invalid, `${file}: row "${category}": ${describeIssue(issue)}`, {
        file,
        entry: category,
        field: issue.path.join('.'),
      });
    }
    const cited = parsed.data.rules.map((id, index) => {
      const rule = rules.get(id);
      if (!rule) {
        throw new ConfigFileError(ConfigFileErrorCode.Invalid, `${file}: row "${category}": field "rules.${index}": unknown rule "${id}"`, {
          file,
          entry: category,
          field: `rules.${index}`,
        });
      }
      return rule;
    });
    const cat = category as ReportCategory;
    const { adviceWhenManagerReported, ...row } = parsed.data;
    rows[cat] = { category: cat, ...row, ...(adviceWhenManagerReported ? { adviceWhenManagerReported } : {}), rules: cited };
  }

  for (const category of REPORT_CATEGORIES) {
    if (!rows[category]) {
      throw new ConfigFileError(ConfigFileErrorCode.Invalid, `${file}: row "${category}": missing (every category needs a row)`, {
        file,
        entry: category,
        field: 'category',
      });
    }
  }
  return {
    rows: rows as Record<ReportCategory, RoutingRow>,
    immediateDanger: top.immediateDanger,
    ...(top.escalation ? { escalation: top.escalation } : {}),
  };
}

/** Reads and validates the routing table; an invalid row stops start-up with a ConfigFileError naming row and field. */
export function loadRoutingTable(file: string = DEFAULT_ROUTING_TABLE_PATH): RoutingTable {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigFileError(ConfigFileErrorCode.Unreadable, `${file}: cannot read: ${(err as Error).message}`, { file });
  }
  return parseRoutingTable(text, file);
}

/** The advice for the reporter of a report in this situation: never "your manager will help" about that manager. */
export function adviceFor(row: RoutingRow | undefined, situation: { subjectIsManager: boolean }, lang: 'sv' | 'fi' | 'en'): string[] {
  if (!row) return [];
  const lists = situation.subjectIsManager && row.adviceWhenManagerReported ? row.adviceWhenManagerReported : row.advice;
  return [...lists[lang]];
}
