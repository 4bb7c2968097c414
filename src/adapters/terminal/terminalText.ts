/**
 * Text a person typed, made safe for a terminal: control characters (ESC sequences that recolour, move the
 * cursor, rewrite the title or hide what follows; BEL; a carriage return that overwrites the line) are shown
 * as visible placeholders (U+FFFD), so a report prints as it was written and cannot rewrite what the
 * operator sees. Line feeds and tabs stay.
 */
export function terminalSafe(text: string): string {
  // C0 controls except \t and \n, DEL, and the C1 range (8-bit CSI and friends).
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\uFFFD');
}
