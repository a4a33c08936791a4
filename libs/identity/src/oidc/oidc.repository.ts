import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** An open sign-in, found by its `state` when the provider calls back. */
export interface OidcSignInRow {
  id: string;
  browser_hash: string;
  nonce: string;
  code_verifier: string;
}

/** A user the provider's claim may name: pre-provisioned, active or not. */
export interface OidcUserRow {
  id: string;
  active: boolean;
  agency_id: string;
  organisation_id: string;
}

/** A completed sign-in whose one-time code the web app exchanges. */
export interface OidcExchangeRow {
  id: string;
  user_id: string;
  second_factor: boolean;
  active: boolean;
  agency_id: string;
  organisation_id: string;
}

/** All SQL of single sign-on: table `oidc_sign_in` and the lookup of the user a provider names. */
@Injectable()
export class OidcRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records a sign-in we are sending to the provider; sign-ins over a day old go. */
  async open(
    entry: { stateHash: string; browserHash: string; nonce: string; codeVerifier: string },
    ttlSeconds: number,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM oidc_sign_in WHERE expires_at < now() - interval '1 day'`);
      await manager.query(
        `INSERT INTO oidc_sign_in (state_hash, browser_hash, nonce, code_verifier, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
        [entry.stateHash, entry.browserHash, entry.nonce, entry.codeVerifier, ttlSeconds],
      );
    });
  }

  /**
   * Takes the open, unexpired sign-in with this state for its one callback: it is marked
   * completed at once (locked), so a replayed callback finds nothing.
   */
  async takeOpen(manager: EntityManager, stateHash: string): Promise<OidcSignInRow | null> {
    const [row]: OidcSignInRow[] = await manager.query(
      // A CTE, so that the driver answers rows (a bare UPDATE … RETURNING answers [rows, count]).
      `WITH taken AS (
         UPDATE oidc_sign_in SET completed_at = now()
          WHERE state_hash = $1 AND completed_at IS NULL AND expires_at > now()
          RETURNING id, browser_hash, nonce, code_verifier
       )
       SELECT * FROM taken`,
      [stateHash],
    );
    return row ?? null;
  }

  /**
   * The users whose e-mail (`email`, else the username, itself an address) or username equals the
   * provider's value, case-insensitively. More than one is ambiguous; the caller refuses.
   */
  async usersNamed(manager: EntityManager, field: 'email' | 'username', value: string): Promise<OidcUserRow[]> {
    const column = field === 'email' ? 'coalesce(u.email, u.username)' : 'u.username';
    return manager.query(
      `SELECT u.id, u.active, a.id AS agency_id, a.organisation_id
         FROM app_user u JOIN agency a ON a.id = u.agency_id
        WHERE lower(${column}) = lower($1)
        LIMIT 2`,
      [value],
    );
  }

  /** The sign-in succeeded: who it was, whether the provider checked a second factor, the one-time code. */
  async complete(
    manager: EntityManager,
    id: string,
    result: { userId: string; secondFactor: boolean; exchangeHash: string },
    ttlSeconds: number,
  ): Promise<void> {
    await manager.query(
      `UPDATE oidc_sign_in SET user_id = $2, second_factor = $3, exchange_hash = $4,
              exchange_expires_at = now() + make_interval(secs => $5)
        WHERE id = $1`,
      [id, result.userId, result.secondFactor, result.exchangeHash, ttlSeconds],
    );
  }

  /** Takes the one-time code: unused and unexpired, marked exchanged at once. */
  async takeExchange(manager: EntityManager, exchangeHash: string): Promise<OidcExchangeRow | null> {
    const [row]: OidcExchangeRow[] = await manager.query(
      `WITH taken AS (
         UPDATE oidc_sign_in SET exchanged_at = now()
          WHERE exchange_hash = $1 AND exchanged_at IS NULL AND exchange_expires_at > now()
          RETURNING id, user_id, second_factor
       )
       SELECT t.id, t.user_id, t.second_factor, u.active, a.id AS agency_id, a.organisation_id
         FROM taken t JOIN app_user u ON u.id = t.user_id JOIN agency a ON a.id = u.agency_id`,
      [exchangeHash],
    );
    return row ?? null;
  }
}
