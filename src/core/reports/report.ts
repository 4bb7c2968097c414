import { z } from 'zod';
import { REPORT_CATEGORIES } from './categories';
import { isCalendarDate } from './calendarDate';

/** Where the incident happened. */
export const PLATFORMS = ['facebook', 'instagram', 'x', 'linkedin', 'youtube', 'tiktok', 'other'] as const;
export type SocialPlatform = (typeof PLATFORMS)[number];

/** Whose account the incident concerns. */
export const ACCOUNT_KINDS = ['own_work_profile', 'organisation_account', 'private_profile'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const MAX_EVIDENCE_ITEMS = 20;
/** Longest evidence item of each kind, in characters. */
export const MAX_LINK_LENGTH = 2000;
export const MAX_QUOTE_LENGTH = 5000;
export const MAX_FILE_NAME_LENGTH = 500;

/**
 * A link a recipient can open safely: http or https only. javascript:, data:, file: and other schemes are
 * refused, because the link is shown (and made clickable) in Slack, Teams, the web chat and exports.
 */
export const evidenceLinkSchema = z.url({ protocol: /^https?$/ }).max(MAX_LINK_LENGTH);

/** Evidence kept unchanged with the report (Enontekiö "Väärinkäyttöihin puuttuminen"). */
export const evidenceSchema = z.object({
  links: z.array(evidenceLinkSchema).max(MAX_EVIDENCE_ITEMS),
  quotes: z.array(z.string().max(MAX_QUOTE_LENGTH)).max(MAX_EVIDENCE_ITEMS),
  files: z.array(z.string().max(MAX_FILE_NAME_LENGTH)).max(MAX_EVIDENCE_ITEMS),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/**
 * ONE schema for a complete report: form mode validates it whole, text mode fills it field by field.
 * `alternateRecipientId` is required when `subjectIsManager` (checked by the refinement below).
 */
export const reportDraftSchema = z
  .object({
    category: z.enum(REPORT_CATEGORIES),
    platform: z.enum(PLATFORMS),
    platformOther: z.string().max(100).optional(),
    accountKind: z.enum(ACCOUNT_KINDS),
    description: z.string().trim().min(1).max(5000),
    /**
     * YYYY-MM-DD, a day that exists; text mode also accepts "today"/"idag"/"tänään", "yesterday", d.m.yyyy.
     * "Not in the future" needs today's date in the organisation's time zone: the dialog and the service check it.
     */
    occurredOn: z.string().refine(isCalendarDate, { message: 'not a calendar date (YYYY-MM-DD)' }),
    /** Last day of a period that has ended ("förra veckan", "1.5.–10.5."); YYYY-MM-DD, not before occurredOn. */
    occurredUntil: z.string().refine(isCalendarDate, { message: 'not a calendar date (YYYY-MM-DD)' }).optional(),
    /** The situation began on occurredOn and still goes on ("sedan två veckor", "viime viikosta lähtien"). */
    ongoing: z.boolean().optional(),
    evidence: evidenceSchema,
    immediateDanger: z.boolean(),
    subjectIsManager: z.boolean(),
    /** The manager's manager or HR, when the person reported is the reporter's own manager. */
    alternateRecipientId: z.string().optional(),
    /** Asked for when the directory has no manager for the reporter. */
    managerId: z.string().optional(),
  })
  .superRefine((draft, ctx) => {
    if (draft.occurredUntil !== undefined && (draft.occurredUntil < draft.occurredOn || draft.ongoing)) {
      ctx.addIssue({ code: 'custom', path: ['occurredOn'], message: 'a period ends after it starts, and an ongoing one has no end' });
    }
    if (draft.subjectIsManager && !draft.alternateRecipientId) {
      ctx.addIssue({ code: 'custom', path: ['alternateRecipientId'], message: 'required when subjectIsManager' });
    }
  });
export type ReportDraft = z.infer<typeof reportDraftSchema>;
