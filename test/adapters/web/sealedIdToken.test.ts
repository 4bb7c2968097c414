import { openIdToken, sealIdToken } from '../../../src/adapters/web/auth/sealedIdToken';

const ID_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbm5hIiwiZW1haWwiOiJhbm5hQGt5cmtzbGF0dC5leGFtcGxlIn0.c2lnbmF0dXJl';
const SESSION = 'q3v0cT3Jr2w1Zm3Yp9tHq8x5N1mB7cV4kL2sD6fG8hJ';

describe('the ID token kept with a session', () => {
  it('opens only with the session id it was sealed with', () => {
    const sealed = sealIdToken(SESSION, ID_TOKEN);
    expect(openIdToken(SESSION, sealed)).toBe(ID_TOKEN);
    expect(openIdToken(`${SESSION.slice(0, -1)}X`, sealed)).toBeUndefined();
  });

  it('holds nothing readable, and differs each time', () => {
    const a = sealIdToken(SESSION, ID_TOKEN);
    const b = sealIdToken(SESSION, ID_TOKEN);
    expect(a).not.toBe(b);
    for (const part of ID_TOKEN.split('.')) expect(a).not.toContain(part.slice(0, 12));
  });

  it('refuses a sealed value that was changed, cut short or is garbage', () => {
    const sealed = Buffer.from(sealIdToken(SESSION, ID_TOKEN), 'base64url');
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1]! ^= 1;
    expect(openIdToken(SESSION, flipped.toString('base64url'))).toBeUndefined();
    expect(openIdToken(SESSION, sealed.subarray(0, 28).toString('base64url'))).toBeUndefined();
    expect(openIdToken(SESSION, 'not sealed at all')).toBeUndefined();
    expect(openIdToken(SESSION, '')).toBeUndefined();
  });
});
