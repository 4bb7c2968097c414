import { renderMessage } from '../../src/core/delivery/renderMessage';
import type { UiLang } from '../../src/core/language/lang';
import type { Directory, OutboundMessage } from '../../src/core/ports';
import { detailsCopyRow } from '../../src/core/reports/detailsCopy';
import type { StoredReport } from '../../src/core/reports/records';

/**
 * A report's details as the core renders them for one viewer (kind 'details_card'), as a door draws them: the
 * access check, the details and the steps that apply to that viewer, without the service's audit.
 */
export function detailsCopyFor(report: StoredReport, viewerId: string, directory: Directory, lang: UiLang = 'sv'): Promise<OutboundMessage> {
  const row = detailsCopyRow(report.reference, { personId: viewerId, role: report.reporterId === viewerId ? 'reporter' : 'manager' }, 'teams', lang, new Date());
  return renderMessage({ ...row, data: row.data ?? {} }, { report, directory, defaultLang: lang, timeZone: 'Europe/Helsinki' });
}
