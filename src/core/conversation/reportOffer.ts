import { isReportCategory, type ReportCategory } from '../reports/categories';

/**
 * The choice behind "Make a report" offered beside a guideline answer when the message may describe an
 * incident: `report.offer` or `report.offer:<category>`. Sent back as a choice, it starts the report dialog
 * (with that category) in any door that shows buttons; text doors say to type a report command instead.
 */
export const REPORT_OFFER_CHOICE = 'report.offer';

export function reportOfferChoiceId(category?: ReportCategory): string {
  return category ? `${REPORT_OFFER_CHOICE}:${category}` : REPORT_OFFER_CHOICE;
}

/** The offer a choice id stands for, or undefined when it is not one. An unknown category offers none. */
export function parseReportOfferChoice(id: string): { category?: ReportCategory } | undefined {
  if (id === REPORT_OFFER_CHOICE) return {};
  if (!id.startsWith(`${REPORT_OFFER_CHOICE}:`)) return undefined;
  const category = id.slice(REPORT_OFFER_CHOICE.length + 1);
  return isReportCategory(category) ? { category } : {};
}
