/**
 * Sign-out at the identity provider (RP-Initiated Logout): a console session keeps the ID token it was
 * signed in with, to send as `id_token_hint`. It is sealed (AES-256-GCM) with a key derived from the
 * session id that only the browser's cookie carries, so the row alone still holds nothing usable; NULL for
 * sessions started before this column (their sign-out goes to the provider without the hint).
 */
export const sql = `
ALTER TABLE web_sessions ADD COLUMN id_token_sealed text;
`;
