import { exportJWK, generateKeyPair, type JWK, type JWTPayload, type KeyLike, SignJWT } from 'jose';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Grant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string | undefined;
  user: { sub: string; partner: string };
  used: boolean;
}

const random = () => randomBytes(32).toString('base64url');

/**
 * A small OpenID Connect issuer over real HTTP, for tests: discovery, a key set, an authorization
 * endpoint that signs in `user` at once (the test stands for the person at the issuer's login
 * page), and a token endpoint for the authorization code grant that insists on PKCE S256
 * (RFC 7636) and issues RS256 ID tokens. One public client is registered.
 */
export class TestOidcIssuer {
  url = '';
  user = { sub: 'ana', partner: 'city-hall' };
  /** Claims to put over those of the next ID tokens (to test that the client refuses them). */
  override: JWTPayload = {};
  /** A key the issuer does not publish, to sign the next ID tokens with (under its own `kid`). */
  foreignKey?: KeyLike;
  readonly tokenRequests: URLSearchParams[] = [];
  private readonly grants = new Map<string, Grant>();
  private readonly server: Server = createServer((req, res) => void this.handle(req, res));
  private key!: KeyLike;
  private jwk!: JWK;

  private constructor(
    readonly clientId: string,
    readonly redirectUris: string[],
  ) {}

  static async start(clientId: string, redirectUris: string[] = []): Promise<TestOidcIssuer> {
    const issuer = new TestOidcIssuer(clientId, redirectUris);
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    issuer.key = privateKey;
    issuer.jwk = { ...(await exportJWK(publicKey)), kid: 'test-1', alg: 'RS256', use: 'sig' };
    await new Promise<void>((resolve) => issuer.server.listen(0, '127.0.0.1', resolve));
    const { port } = issuer.server.address() as AddressInfo;
    issuer.url = `http://127.0.0.1:${port}/issuer`;
    return issuer;
  }

  get origin(): string {
    return new URL(this.url).origin;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const path = url.pathname.slice(new URL(this.url).pathname.length);
    if (req.method === 'GET' && path === '/.well-known/openid-configuration')
      return send(res, 200, {
        issuer: this.url,
        authorization_endpoint: `${this.url}/authorize`,
        token_endpoint: `${this.url}/token`,
        jwks_uri: `${this.url}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        grant_types_supported: ['authorization_code'],
        token_endpoint_auth_methods_supported: ['none'],
      });
    if (req.method === 'GET' && path === '/jwks') return send(res, 200, { keys: [this.jwk] });
    if (req.method === 'GET' && path === '/authorize') return this.authorize(url.searchParams, res);
    if (req.method === 'POST' && path === '/token') return this.token(await formOf(req), res);
    send(res, 404, { error: 'not_found' });
  }

  private authorize(params: URLSearchParams, res: ServerResponse): void {
    const clientId = params.get('client_id');
    const redirectUri = params.get('redirect_uri') ?? '';
    // An unknown client or redirect URI is never redirected to (RFC 6749 §4.1.2.1).
    if (clientId !== this.clientId || !this.redirectUris.includes(redirectUri))
      return send(res, 400, { error: 'invalid_request', error_description: 'unknown client' });
    const back = new URL(redirectUri);
    const state = params.get('state');
    if (state) back.searchParams.set('state', state);
    const challenge = params.get('code_challenge') ?? '';
    const invalid =
      params.get('response_type') !== 'code' ||
      !(params.get('scope') ?? '').split(' ').includes('openid') ||
      params.get('code_challenge_method') !== 'S256' ||
      !/^[A-Za-z0-9_-]{43}$/.test(challenge);
    if (invalid) {
      back.searchParams.set('error', 'invalid_request');
    } else {
      const code = random();
      this.grants.set(code, {
        clientId,
        redirectUri,
        challenge,
        nonce: params.get('nonce') ?? undefined,
        user: { ...this.user },
        used: false,
      });
      back.searchParams.set('code', code);
    }
    res.writeHead(302, { location: back.href }).end();
  }

  private async token(form: URLSearchParams, res: ServerResponse): Promise<void> {
    this.tokenRequests.push(form);
    const grant = this.grants.get(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    const fits =
      form.get('grant_type') === 'authorization_code' &&
      grant !== undefined &&
      !grant.used &&
      grant.clientId === form.get('client_id') &&
      grant.redirectUri === form.get('redirect_uri') &&
      /^[A-Za-z0-9._~-]{43,128}$/.test(verifier) &&
      createHash('sha256').update(verifier).digest('base64url') === grant.challenge;
    if (grant) grant.used = true;
    if (!fits || !grant) return send(res, 400, { error: 'invalid_grant' });
    const now = Math.floor(Date.now() / 1000);
    const claims: JWTPayload = {
      iss: this.url,
      sub: grant.user.sub,
      aud: grant.clientId,
      iat: now,
      exp: now + 300,
      partner: grant.user.partner,
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
      ...this.override,
    };
    const idToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.jwk.kid! })
      .sign(this.foreignKey ?? this.key);
    send(res, 200, {
      access_token: random(),
      token_type: 'Bearer',
      expires_in: 300,
      id_token: idToken,
    });
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString());
}
