import type { TFunction } from 'i18next';
import type { OutboundMessage } from '../ports';
import type { StoredReport } from '../reports/records';

/**
 * What a copy drawn for one person (the receipt, a details card) says of the report besides its content: the
 * reference, category, urgency, status and date, with no routing rules.
 */
export function reportFacts(report: StoredReport, t: TFunction): NonNullable<OutboundMessage['report']> {
  return {
    reference: report.reference,
    category: report.category,
    categoryLabel: t(`notifications:category.${report.category}`),
    urgency: report.urgency,
    status: report.status,
    occurredOn: report.occurredOn,
    rules: [],
  };
}
