/**
 * A stand-in for the Bot Framework's token service on loopback: OpenID metadata and a JSON Web Key Set, and
 * RS256 tokens signed with its key (or with a stranger's key, to forge one). The bot under test is pointed
 * at it through ToBotFromChannelOpenIdMetadataUrl, so token checks run for real without the network.
 */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

export const CHANNEL_ISSUER = 'https://api.botframework.com';

function newKey(): { privateKey: KeyObject; jwk: Record<string, unknown> } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, jwk: publicKey.export({ format: 'jwk' }) as Record<string, unknown> };
}

export function signJwt(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key);
  return `${header}.${payload}.${base64url(signature)}`;
}

export class TokenIssuer {
  private server: http.Server | undefined;
  private readonly key = newKey();
  private readonly stranger = newKey();
  readonly kid = 'test-key-1';
  metadataUrl = '';
  /** While true the key server drops every connection, as if Microsoft's endpoints could not be reached. */
  unavailable = false;

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'application/json');
      if (this.unavailable) {
        req.socket.destroy();
      } else if (req.url === '/.well-known/openid-configuration') {
        res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${url}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      } else if (req.url === '/keys') {
        res.end(JSON.stringify({ keys: [{ ...this.key.jwk, kid: this.kid, use: 'sig', endorsements: ['msteams'] }] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.metadataUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/openid-configuration`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A channel token as the Bot Framework issues it for this bot and service URL. */
  token(claims: { appId: string; serviceUrl: string }, options: { forged?: boolean; expired?: boolean } = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const body = {
      iss: CHANNEL_ISSUER,
      aud: claims.appId,
      serviceurl: claims.serviceUrl,
      nbf: now - 60,
      exp: options.expired ? now - 3600 : now + 3600,
    };
    return signJwt(body, options.forged ? this.stranger.privateKey : this.key.privateKey, this.kid);
  }
}
