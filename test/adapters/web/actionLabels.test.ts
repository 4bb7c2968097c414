/**
 * One step, one name: the buttons of a report's details on the web page carry the same words as the buttons of
 * the alert above them, in every language, so a person never wonders whether "Börja behandla" on the alert and
 * the button in the details are two different things. And the summary's button that sends a report is not
 * named like the chat's button that sends a message, which stands right below it.
 */
import { translator } from '../../../src/core/i18n';

describe('names of the report steps on the web page', () => {
  it.each(['sv', 'fi', 'en'] as const)('%s: the details use the alert’s words for acknowledge and start handling', (lang) => {
    const t = translator(lang);
    expect(t('web:report.acknowledge')).toBe(t('notifications:action.acknowledge'));
    expect(t('web:report.startProgress')).toBe(t('notifications:action.startProgress'));
  });

  it.each(['sv', 'fi', 'en'] as const)('%s: the summary’s button that sends the report is not named like the chat’s button that sends a message', (lang) => {
    const t = translator(lang);
    // Both stand on the page at once, one above the other (the summary in the log, the message box below it).
    expect(t('reports:choice.confirm').toLowerCase()).not.toBe(t('web:chat.send').toLowerCase());
  });
});
