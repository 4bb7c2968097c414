/** Report categories. The first five are required by the Kyrkslätt rules (RULES.md K8-a, K8-b). */
export const REQUIRED_CATEGORIES = ['threat', 'harassment', 'identity_theft', 'phishing', 'malware'] as const;
export const FURTHER_CATEGORIES = ['media_contact', 'misinformation', 'illegal_content'] as const;
export const REPORT_CATEGORIES = [...REQUIRED_CATEGORIES, ...FURTHER_CATEGORIES] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/**
 * Categories the intent classifier can detect from a chat message: the required five, and a journalist's
 * contact and false claims about the organisation, which the routing table sends to the manager too.
 */
export const DETECTABLE_CATEGORIES = [...REQUIRED_CATEGORIES, 'media_contact', 'misinformation'] as const;
export type DetectableCategory = (typeof DETECTABLE_CATEGORIES)[number];

/** What a message wants: a guideline answer or a report of one category. */
export type Intent = 'question' | `report:${ReportCategory}`;

export function isReportCategory(value: unknown): value is ReportCategory {
  return typeof value === 'string' && (REPORT_CATEGORIES as readonly string[]).includes(value);
}
