/** Card rendering: the report form and the dialog card, checked as Teams receives them. */
import { describeReportForm, reportFormTexts, type BotReply } from '../../../src/core/reports/dialog';
import { reportFormCard } from '../../../src/adapters/teams/cards/reportFormCard';
import { dialogCard } from '../../../src/adapters/teams/cards/dialogCard';
import { textLines } from '../../../src/adapters/teams/cards/adaptiveCard';
import { DEMO, demoContext } from '../../helpers/reportFixtures';
import { activityText, cardButtons, cardInputs } from './fakeConnector';

const body = (activity: unknown) => activity as Record<string, unknown>;

describe('reportFormCard', () => {
  it('renders every field the core describes, marks conditional ones and keeps values and errors', async () => {
    const ctx = await demoContext(DEMO.anna, 'sv');
    const fields = describeReportForm(ctx, 'threat');
    const card = body(reportFormCard(fields, 'sv', reportFormTexts('sv'), { values: { description: 'Hot i kommentarerna' }, errors: [{ field: 'platform', message: 'Välj en tjänst.' }] }));
    const inputs = cardInputs(card);
    expect([...inputs.keys()]).toEqual(fields.map((f) => f.id));
    expect(inputs.get('category')?.value).toBe('threat');
    expect(inputs.get('description')).toEqual(expect.objectContaining({ type: 'Input.Text', isMultiline: true, value: 'Hot i kommentarerna', isRequired: true }));
    expect(inputs.get('immediateDanger')).toEqual(expect.objectContaining({ type: 'Input.Toggle', valueOn: 'true', valueOff: 'false' }));
    expect(inputs.get('occurredOn')).toEqual(expect.objectContaining({ type: 'Input.Date', value: ctx.today }));
    // Adaptive Cards cannot require a field only sometimes: conditional fields are optional in the card.
    expect(inputs.get('platformOther')?.isRequired).toBe(false);
    const text = activityText(card);
    expect(text).toContain('Bara om ”Var hände det?” är ”Annan tjänst”.');
    expect(text).toContain('Välj en tjänst.');
    expect(cardButtons(card)).toEqual([{ title: 'Fortsätt', data: { action: 'report.submit_form', lang: 'sv' } }]);
  });
});

describe('dialogCard', () => {
  it('puts the texts of one turn in one card, with the 112 message first and Cancel while a question is open', () => {
    const replies: BotReply[] = [
      { kind: 'emergency', text: 'Ring 112 om någon är i fara.' },
      { kind: 'prompt', text: 'Var hände det?', choices: [{ id: 'facebook', label: 'Facebook' }, { id: 'x', label: 'X' }] },
    ];
    const card = body(dialogCard(replies, 'sv', { offerForm: true }));
    expect(activityText(card).split('\n')[0]).toBe('Ring 112 om någon är i fara.');
    expect(cardButtons(card).map((b) => b.title)).toEqual(['Facebook', 'X', 'Avbryt', 'Fyll i ett formulär i stället']);
  });

  it('turns many choices into a drop-down with one answer button', () => {
    const choices = Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, label: `Val ${i}` }));
    const card = body(dialogCard([{ kind: 'prompt', text: 'Vad vill du anmäla?', choices }], 'sv', { offerForm: false }));
    expect((cardInputs(card).get('choice')?.choices as unknown[]).length).toBe(8);
    expect(cardButtons(card).map((b) => b.title)).toEqual(['Svara', 'Avbryt']);
  });
});

describe('textLines', () => {
  it('makes one block per line, with space where the text had an empty line', () => {
    expect(textLines('a\nb\n\nc').map((b) => [b.text, b.spacing])).toEqual([
      ['a', undefined],
      ['b', 'none'],
      ['c', 'medium'],
    ]);
  });
});
