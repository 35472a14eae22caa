import type { Actor } from '@accord/domain';
import type { ReadModelDatabase } from '@accord/projections';
import { createHash, randomBytes } from 'node:crypto';
import { NamedError } from '../ledger/ledger.errors';
import { VALID_ID } from './token.service';

/** How long a printed sign-in link can be used, once. */
export const SIGN_IN_LINK_TTL_MS = 15 * 60 * 1000;
/** How long a browser session lasts before the person signs in again. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/**
 * Sign-in codes and browser sessions live beside the read models, not in the log: they are
 * credentials, not facts of the initiative. Only SHA-256 hashes of codes and session ids are
 * stored, so a copy of the database signs nobody in.
 */
export const SIGN_IN_DDL = `
CREATE TABLE IF NOT EXISTS web_sign_in_codes (
  code_sha256 TEXT PRIMARY KEY,
  person_id TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE TABLE IF NOT EXISTS web_sessions (
  session_sha256 TEXT PRIMARY KEY,
  person_id TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ended_at TEXT
);`;

export class SignInRefused extends NamedError {}

export interface Session {
  id: string;
  actor: Actor;
  expiresAt: Date;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const secret = (): string => randomBytes(32).toString('base64url');

interface ActorRow {
  person_id: string;
  partner_id: string;
}

/** One-time sign-in codes (printed by the CLI) exchanged for browser sessions. */
export class SignInLinks {
  private ready?: Promise<void>;

  constructor(
    private readonly db: ReadModelDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A new single-use code for `actor`; the caller prints it as a link. */
  async createCode(actor: Actor, ttlMs = SIGN_IN_LINK_TTL_MS): Promise<string> {
    if (!VALID_ID.test(actor.personId))
      throw new SignInRefused(`person id "${actor.personId}" is not a valid id`);
    if (!VALID_ID.test(actor.partnerId))
      throw new SignInRefused(`partner id "${actor.partnerId}" is not a valid id`);
    await this.migrate();
    const code = secret();
    const expiresAt = new Date(this.now().getTime() + ttlMs).toISOString();
    await this.db.all(
      `INSERT INTO web_sign_in_codes (code_sha256, person_id, partner_id, expires_at)
       VALUES (?, ?, ?, ?) RETURNING code_sha256`,
      [sha256(code), actor.personId, actor.partnerId, expiresAt],
    );
    return code;
  }

  /**
   * Spends the code and opens a session. Marking it used and reading it is one statement, so
   * two requests racing with one code get one session between them.
   */
  async redeem(code: string): Promise<Session> {
    await this.migrate();
    const now = this.now();
    const spent = await this.db.get<ActorRow>(
      `UPDATE web_sign_in_codes SET used_at = ?
       WHERE code_sha256 = ? AND used_at IS NULL AND expires_at > ?
       RETURNING person_id, partner_id`,
      [now.toISOString(), sha256(code), now.toISOString()],
    );
    if (!spent) throw new SignInRefused('this sign-in link is unknown, used or expired');
    return this.startSession({ personId: spent.person_id, partnerId: spent.partner_id });
  }

  /** A new browser session for `actor`: after a sign-in link, or an OpenID Connect sign-in. */
  async startSession(actor: Actor): Promise<Session> {
    await this.migrate();
    const id = secret();
    const expiresAt = new Date(this.now().getTime() + SESSION_TTL_MS);
    await this.db.all(
      `INSERT INTO web_sessions (session_sha256, person_id, partner_id, expires_at)
       VALUES (?, ?, ?, ?) RETURNING session_sha256`,
      [sha256(id), actor.personId, actor.partnerId, expiresAt.toISOString()],
    );
    return { id, actor, expiresAt };
  }

  /** The actor of a live session, or undefined for an unknown, ended or expired one. */
  async actorOf(sessionId: string): Promise<Actor | undefined> {
    await this.migrate();
    const row = await this.db.get<ActorRow>(
      `SELECT person_id, partner_id FROM web_sessions
       WHERE session_sha256 = ? AND ended_at IS NULL AND expires_at > ?`,
      [sha256(sessionId), this.now().toISOString()],
    );
    return row ? { personId: row.person_id, partnerId: row.partner_id } : undefined;
  }

  /** Signing out ends the session on the server, so a copied cookie stops working too. */
  async end(sessionId: string): Promise<void> {
    await this.migrate();
    await this.db.all(
      `UPDATE web_sessions SET ended_at = ? WHERE session_sha256 = ? AND ended_at IS NULL
       RETURNING session_sha256`,
      [this.now().toISOString(), sha256(sessionId)],
    );
  }

  private migrate(): Promise<void> {
    this.ready ??= this.db.migrate(SIGN_IN_DDL);
    return this.ready;
  }
}

/** The link the CLI prints: the code rides in the fragment, which browsers never send to a server. */
export function signInUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/$/, '')}/sign-in#code=${code}`;
}
