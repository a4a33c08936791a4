import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AgencyType, Role, SqlCondition } from '@app/access';
import { sqlCount, sqlRow, sqlRows, preparedRows, SqlRepository } from '@app/database';

/** A user as the administration reads it, with its agency. */
export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  active: boolean;
  agency_id: string;
  agency_name: string;
  organisation_id: string;
  created_at: Date;
  deactivated_at: Date | null;
  agency_type: AgencyType;
}

/** An account on a school's list, with the latest change that granted it a role. */
export interface SchoolAccountRow {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  active: boolean;
  created_at: Date;
  granted_at: Date | null;
  granted_by: string | null;
  granted_by_name: string | null;
  detail: { rolesBefore: Role[]; rolesAfter: Role[] } | null;
}

/** What a password sign-in needs of the account, read with its row locked. */
export interface SignInUserRow {
  id: string;
  password_hash: string | null;
  active: boolean;
  failed_logins: number;
  lockouts: number;
  locked_until: Date | null;
  agency_id: string;
  organisation_id: string;
}

/** The account a setup code is redeemed for, read with its row locked. */
export interface SetupUserRow {
  id: string;
  active: boolean;
  agency_id: string;
  organisation_id: string;
}

/** The caller of an access token, as every authenticated request resolves it. */
export interface CallerRow {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  agency_id: string;
  agency_type: AgencyType;
  agency_name: string;
  organisation_id: string;
}

/** A keyset cursor over (lower(username), id). */
export type UsernameCursor = unknown[] | null;

/** The caller's scope over users, as a WHERE fragment on the given column, numbered from `firstParam`. */
export type UserScope = (column: string, firstParam: number) => SqlCondition;

const USER_SELECT = `SELECT u.id, u.username, u.display_name, u.roles, u.active, u.created_at, u.deactivated_at,
                            a.id AS agency_id, a.name AS agency_name, a.type AS agency_type, a.organisation_id
                       FROM app_user u JOIN agency a ON a.id = u.agency_id`;

/** All SQL of `app_user`: administration, the school's list of accounts, sign-in and password setup. */
/** A user as a bulk writer (the demo seed) gives it; the keys are its columns. */
export interface UserRecord {
  id: string;
  agency_id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
}

@Injectable()
export class UsersRepository extends SqlRepository {
  /** A page of the users within `scope` (on the agency's organisation), by username; one more than `limit`. */
  page(scope: UserScope, limit: number, cursor: UsernameCursor): Promise<UserRow[]> {
    const condition = scope('a.organisation_id', 1);
    const n = condition.params.length;
    return sqlRows<UserRow>(
      this.manager,
      `${USER_SELECT} WHERE ${condition.sql} ${cursor ? `AND (lower(u.username), u.id) > ($${n + 2}, $${n + 3})` : ''}
        ORDER BY lower(u.username), u.id LIMIT $${n + 1}`,
      [...condition.params, limit + 1, ...(cursor ?? [])],
    );
  }

  /** One user, its row locked (`lock`) against concurrent changes until the transaction ends. */
  find(tx: EntityManager, id: string, lock = false): Promise<UserRow | null> {
    return sqlRow<UserRow>(tx, `${USER_SELECT} WHERE u.id = $1 ${lock ? 'FOR UPDATE OF u' : ''}`, [id]);
  }

  /** The agency, if it is one of the organisation's. */
  agencyOf(
    tx: EntityManager,
    organisationId: string,
    agencyId: string,
  ): Promise<{ id: string; type: AgencyType } | null> {
    return sqlRow(tx, `SELECT id, type FROM agency WHERE id = $1 AND organisation_id = $2`, [agencyId, organisationId]);
  }

  async usernameTaken(tx: EntityManager, username: string): Promise<boolean> {
    return (await sqlRow(tx, `SELECT 1 FROM app_user WHERE lower(username) = lower($1)`, [username])) !== null;
  }

  /** A new user without a password (chosen later with a setup code); returns its id. */
  async insert(
    tx: EntityManager,
    user: { agencyId: string; username: string; displayName: string; roles: Role[] },
  ): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      tx,
      `INSERT INTO app_user (agency_id, username, display_name, roles) VALUES ($1, $2, $3, $4) RETURNING id`,
      [user.agencyId, user.username, user.displayName, user.roles],
    );
    return row!.id;
  }

  /** Sets what is given (null keeps the value). */
  async update(tx: EntityManager, id: string, change: { displayName: string | null; roles: Role[] | null }) {
    await sqlCount(
      tx,
      `UPDATE app_user SET display_name = coalesce($2, display_name), roles = coalesce($3, roles), updated_at = now() WHERE id = $1`,
      [id, change.displayName, change.roles],
    );
  }

  async deactivate(tx: EntityManager, id: string): Promise<void> {
    await sqlCount(
      tx,
      `UPDATE app_user SET active = false, deactivated_at = coalesce(deactivated_at, now()), updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  /**
   * A page of the school's accounts by username (one more than `limit`), each with the latest
   * change that granted it a role: a `user.roles.change` whose roles after hold one the roles
   * before did not.
   */
  schoolAccounts(schoolId: string, limit: number, cursor: UsernameCursor): Promise<SchoolAccountRow[]> {
    return sqlRows<SchoolAccountRow>(
      this.manager,
      `SELECT u.id, u.username, u.display_name, u.roles, u.active, u.created_at,
              g.at AS granted_at, g.user_id AS granted_by, gb.display_name AS granted_by_name, g.detail
         FROM app_user u
         LEFT JOIN LATERAL (
                SELECT l.at, l.user_id, l.detail FROM access_log l
                 WHERE l.action = 'user.roles.change' AND l.subject_ids[1] = u.id::text
                   AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(l.detail -> 'rolesAfter') AS r (role)
                                WHERE NOT (l.detail -> 'rolesBefore') ? r.role)
                 ORDER BY l.id DESC LIMIT 1) g ON true
         LEFT JOIN app_user gb ON gb.id = g.user_id
        WHERE u.agency_id = $1 ${cursor ? `AND (lower(u.username), u.id) > ($3, $4)` : ''}
        ORDER BY lower(u.username), u.id LIMIT $2`,
      [schoolId, limit + 1, ...(cursor ?? [])],
    );
  }

  // --- Sign-in (AuthService) and password setup (SetupCodes) ---

  /** The account a password sign-in is for, locked so that failures are counted one at a time. */
  signInUser(tx: EntityManager, username: string): Promise<SignInUserRow | null> {
    return sqlRow<SignInUserRow>(
      tx,
      `SELECT u.id, u.password_hash, u.active, u.failed_logins, u.lockouts, u.locked_until, a.id AS agency_id, a.organisation_id
           FROM app_user u JOIN agency a ON a.id = u.agency_id
          WHERE lower(u.username) = lower($1) FOR UPDATE OF u`,
      [username],
    );
  }

  async clearFailedLogins(tx: EntityManager, id: string): Promise<void> {
    await sqlCount(tx, `UPDATE app_user SET failed_logins = 0, lockouts = 0, locked_until = NULL WHERE id = $1`, [id]);
  }

  async setFailedLogins(tx: EntityManager, id: string, failures: number): Promise<void> {
    await sqlCount(tx, `UPDATE app_user SET failed_logins = $2 WHERE id = $1`, [id, failures]);
  }

  /** Locks the account for `seconds` and counts the lockout; the failures start again from 0. */
  async lockOut(tx: EntityManager, id: string, seconds: number): Promise<void> {
    await sqlCount(
      tx,
      `UPDATE app_user SET failed_logins = 0, lockouts = lockouts + 1, locked_until = now() + make_interval(secs => $2) WHERE id = $1`,
      [id, seconds],
    );
  }

  /** The active user of a login (refresh-token family) that has a token not revoked, or null. */
  /** On every authenticated request: prepared, so PostgreSQL plans it once per connection. */
  async callerOfSession(userId: string, sessionId: string): Promise<CallerRow | null> {
    const [row] = await preparedRows<CallerRow>(
      this.manager,
      `SELECT u.id, u.username, u.display_name, u.roles, a.id AS agency_id, a.type AS agency_type, a.name AS agency_name, a.organisation_id
         FROM app_user u JOIN agency a ON a.id = u.agency_id
        WHERE u.id = $1 AND u.active
          AND EXISTS (SELECT 1 FROM refresh_token t WHERE t.family_id = $2 AND t.user_id = u.id AND t.revoked_at IS NULL)`,
      [userId, sessionId],
    );
    return row ?? null;
  }

  /** The account a setup code is redeemed for; locking it serialises two redemptions of one code. */
  setupUser(tx: EntityManager, username: string): Promise<SetupUserRow | null> {
    return sqlRow<SetupUserRow>(
      tx,
      `SELECT u.id, u.active, a.id AS agency_id, a.organisation_id
           FROM app_user u JOIN agency a ON a.id = u.agency_id
          WHERE lower(u.username) = lower($1) FOR UPDATE OF u`,
      [username],
    );
  }

  /** A new password: the lockout is cleared with it. */
  async setPassword(tx: EntityManager, id: string, passwordHash: string): Promise<void> {
    await sqlCount(
      tx,
      `UPDATE app_user SET password_hash = $2, failed_logins = 0, lockouts = 0, locked_until = NULL, updated_at = now()
          WHERE id = $1`,
      [id, passwordHash],
    );
  }

  /** Inserts users with their ids and password hashes, in one statement; an id already there is left as it is. */
  async insertUsers(tx: EntityManager, rows: UserRecord[]): Promise<void> {
    await sqlCount(
      tx,
      `INSERT INTO app_user (id, agency_id, username, display_name, password_hash, roles)
       SELECT id, agency_id, username, display_name, password_hash, roles
         FROM jsonb_to_recordset($1::jsonb)
           AS r (id uuid, agency_id uuid, username text, display_name text, password_hash text, roles text[])
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }

  /** Sets the mail address of each user named, in one statement. */
  async setEmails(tx: EntityManager, rows: { id: string; email: string }[]): Promise<void> {
    await sqlCount(
      tx,
      `UPDATE app_user u SET email = r.email FROM jsonb_to_recordset($1::jsonb) AS r (id uuid, email text) WHERE u.id = r.id`,
      [JSON.stringify(rows)],
    );
  }
}
