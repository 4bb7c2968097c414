import { reportListCommand } from '../../../src/core/conversation/listCommand';

describe('reportListCommand', () => {
  it('recognises the list names in every language, case and punctuation aside', () => {
    expect(reportListCommand('mina anmälningar')).toBe('mine');
    expect(reportListCommand('Omat ilmoitukset!')).toBe('mine');
    expect(reportListCommand('my reports')).toBe('mine');
    expect(reportListCommand('Anmälningar till mig')).toBe('assigned');
    expect(reportListCommand('minulle osoitetut')).toBe('assigned');
    expect(reportListCommand('assigned to me?')).toBe('assigned');
  });

  it('leaves sentences that only mention reports to the conversation', () => {
    expect(reportListCommand('hur gör jag en anmälan om mina anmälningar försvinner')).toBeUndefined();
    expect(reportListCommand('anmäl')).toBeUndefined();
    expect(reportListCommand('')).toBeUndefined();
    expect(reportListCommand('Någon hotar mig på Facebook')).toBeUndefined();
  });
});
