/**
 * A typed line of evidence that holds a link is stored as the link and as the whole line; the summary before
 * sending, the alert text (every door's alert and notice are rendered from it), the web chat's, Teams' and
 * Slack's details and `reports show` list it once. A link on a line of its own is still listed.
 */
import { renderMessage } from '../../../src/core/delivery/renderMessage';
import { translator } from '../../../src/core/i18n';
import { parseEvidenceText } from '../../../src/core/reports/dialog/evidence';
import { summaryItems } from '../../../src/core/reports/dialog/summary';
import { STEP } from '../../../src/core/reports/dialog/steps';
import { evidenceItems, evidenceLines } from '../../../src/core/reports/evidenceItems';
import type { ReportDraft } from '../../../src/core/reports/report';
import { reportDetailHtml } from '../../../src/adapters/web/render/reportHtml';
import { detailsCard } from '../../../src/adapters/teams/cards/detailsCard';
import { detailsView } from '../../../src/adapters/slack/blocks/reportViews';
import { renderView } from '../../../src/cli/commands/reports';
import { closeSharedPglite, draft, openTestReporting, type TestReporting } from '../../helpers/db';
import { DEMO, demoContext } from '../../helpers/reportFixtures';
import { detailsCopyFor } from '../../helpers/detailsCopy';

afterAll(closeSharedPglite);

const LINE = 'Se inlägget här: https://www.facebook.com/kommun/posts/77 (nu borttaget)';
const LINK = 'https://www.facebook.com/kommun/posts/77';
const ALONE = 'https://www.instagram.com/p/abc123';
const TYPED = `${LINE}\n${ALONE}\nskarmdump.png`;

const count = (text: string, part: string) => text.split(part).length - 1;

describe('evidence lines', () => {
  it('lists a line with a link once, as the line; a link on its own line as the link', () => {
    const evidence = parseEvidenceText(TYPED);
    // Stored as before: nothing typed is lost or reworded.
    expect(evidence).toEqual({ links: [LINK, ALONE], quotes: [LINE], files: ['skarmdump.png'] });
    expect(evidenceItems(evidence)).toEqual([
      { kind: 'link', text: ALONE },
      { kind: 'quote', text: LINE },
      { kind: 'file', text: 'skarmdump.png' },
    ]);
    expect(evidenceLines(evidence)).toEqual([ALONE, `“${LINE}”`, 'skarmdump.png']);
  });

  it('a link that only starts another link in a line is still listed on its own', () => {
    const evidence = parseEvidenceText('https://x.example/p\nse https://x.example/p2 där han skriver det');
    expect(evidenceItems(evidence)).toEqual([
      { kind: 'link', text: 'https://x.example/p' },
      { kind: 'quote', text: 'se https://x.example/p2 där han skriver det' },
    ]);
  });

  it('shows it once in the summary before sending', async () => {
    const complete = { ...draft({ category: 'harassment' }), evidence: parseEvidenceText(TYPED) } as ReportDraft;
    const items = summaryItems(complete, await demoContext(DEMO.anna, 'sv'), translator('sv'));
    const shown = items.find((i) => i.step === STEP.evidence)!.value;
    expect(count(shown, LINK)).toBe(1);
    expect(count(shown, ALONE)).toBe(1);
  });

  describe('in a stored report', () => {
    let r: TestReporting;
    beforeAll(async () => {
      r = await openTestReporting('pglite');
    });
    afterAll(async () => {
      await r.dispose();
    });

    it('shows it once in the alert, the web chat, Teams and Slack details, and reports show', async () => {
      const { reference } = await r.service.submit({ ...draft({ category: 'harassment' }), evidence: parseEvidenceText(TYPED) }, DEMO.anna);
      const report = (await r.store.getReport(reference))!;
      const alertRow = (await r.store.outboxFor(reference)).find((row) => row.kind === 'report_alert' && row.addressee.kind === 'person')!;
      const alert = await renderMessage(alertRow, { report, directory: r.directory, defaultLang: 'sv', timeZone: 'Europe/Helsinki' });
      const view = await r.service.view(reference, DEMO.karin);
      const web = reportDetailHtml(view, { lang: 'sv', timeZone: 'Europe/Helsinki', names: new Map(), docLang: () => undefined }).value;
      const teams = JSON.stringify(detailsCard(await detailsCopyFor(view.report, DEMO.karin, r.directory), 'Europe/Helsinki'));
      const slack = JSON.stringify(detailsView(view, 'sv', 'Europe/Helsinki'));
      const cli = renderView(view, { timeZone: 'Europe/Helsinki' } as Parameters<typeof renderView>[1], translator('sv'));
      for (const shown of [alert.text, web, teams, slack, cli]) {
        expect(count(shown, LINK)).toBe(1);
        expect(count(shown, ALONE)).toBe(1);
      }
    });
  });
});
