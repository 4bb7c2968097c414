/**
 * The longest text the page sends in one field (the chat's message box, a resolve's outcome note): the
 * textareas' maxlength and the API's limit, kept equal. Well above every limit of the core (a report's
 * description and an outcome note: 5,000), so a longer text reaches the core and gets its translated "too
 * long" answer (or the "I read only the beginning" note of a question), instead of being cut silently by the
 * page or refused with a bare "could not read the request".
 */
export const MAX_MESSAGE_CHARS = 20_000;
