import { messageBodyText } from '../../../src/adapters/teams/messageText';

describe('messageBodyText (a Teams message body as the person saw it)', () => {
  it('turns Teams HTML into lines of plain text, entities decoded and tags dropped', () => {
    const body = { contentType: 'html', content: '<div><div>Hej&nbsp;du<br>Klicka <a href="https://evil.example">här</a> &amp; logga in</div><p>  <b>i  dag</b> </p></div>' };
    expect(messageBodyText(body)).toBe('Hej du\nKlicka här & logga in\ni dag');
  });

  it('keeps plain text as it is and gives nothing for a missing body', () => {
    expect(messageBodyText({ contentType: 'text', content: ' <b>not a tag</b> ' })).toBe('<b>not a tag</b>');
    expect(messageBodyText(undefined)).toBe('');
  });
});
