import { preparedRows } from '@app/database';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessLogService, AgencyType, Caller, permissionsFor, Role } from '@app/access';
import { decoyHash, verifyPassword } from '../passwords';
import { MfaService } from '../mfa/mfa.service';
import { SignInResult, TokenPairDto } from './auth.dto';
import { AccessTokenPayload, sha256, Sessions } from './sessions';

export const MAX_FAILED_LOGINS = 5;
const FIRST_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 24 * 3600;

/** The same answer for an unknown user, a wrong password and a locked account. */
const LOGIN_FAILED = 'Wrong username or password, or the account is temporarily locked after repeated failures.';

export type { AccessTokenPayload } from './sessions';

interface CallerRow {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  agency_id: string;
  agency_type: AgencyType;
  agency_name: string;
  organisation_id: string;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accessLog: AccessLogService,
    private readonly sessions: Sessions,
    private readonly secondFactor: MfaService,
  ) {}

  /** Checks the password, counts failures and locks the account for a growing period. */
  async login(username: string, password: string, requestId?: string): Promise<SignInResult> {
    return this.dataSource
      .transaction(async (manager) => {
        const [user] = await manager.query(
          `SELECT u.id, u.password_hash, u.active, u.failed_logins, u.lockouts, u.locked_until, a.id AS agency_id, a.organisation_id
           FROM app_user u JOIN agency a ON a.id = u.agency_id
          WHERE lower(u.username) = lower($1) FOR UPDATE OF u`,
          [username],
        );
        // No password yet (a new user who has not used a setup code) cannot log in.
        const usable =
          user &&
          user.active &&
          user.password_hash !== null &&
          !(user.locked_until && new Date(user.locked_until) > new Date());
        const ok = await verifyPassword(usable ? user.password_hash : await decoyHash(), password);
        const caller = user
          ? { userId: user.id, agencyId: user.agency_id, organisationId: user.organisation_id }
          : null;
        if (!usable || !ok) {
          if (user && usable) await this.countFailure(manager, user);
          await this.accessLog.record(
            {
              caller,
              action: 'auth.login',
              subjectType: 'user',
              subjectIds: user ? [user.id] : [],
              outcome: 'denied',
              requestId,
            },
            manager,
          );
          // The failure count must survive the refusal, so it is committed, not rolled back.
          return null;
        }
        await manager.query(`UPDATE app_user SET failed_logins = 0, lockouts = 0, locked_until = NULL WHERE id = $1`, [
          user.id,
        ]);
        await this.accessLog.record(
          { caller, action: 'auth.login', subjectType: 'user', subjectIds: [user.id], outcome: 'allowed', requestId },
          manager,
        );
        return this.secondFactor.afterFirstFactor(manager, user.id, { method: 'password', providerChecked: false });
      })
      .then((tokens) => {
        if (!tokens) throw new UnauthorizedException(LOGIN_FAILED);
        return tokens;
      });
  }

  private async countFailure(manager: EntityManager, user: { id: string; failed_logins: number; lockouts: number }) {
    const failures = user.failed_logins + 1;
    if (failures < MAX_FAILED_LOGINS) {
      await manager.query(`UPDATE app_user SET failed_logins = $2 WHERE id = $1`, [user.id, failures]);
      return;
    }
    // 1 minute, then 2, 4, 8 … up to a day: a growing period, reset by a successful login.
    const seconds = Math.min(FIRST_LOCK_SECONDS * 2 ** user.lockouts, MAX_LOCK_SECONDS);
    await manager.query(
      `UPDATE app_user SET failed_logins = 0, lockouts = lockouts + 1, locked_until = now() + make_interval(secs => $2) WHERE id = $1`,
      [user.id, seconds],
    );
  }

  /**
   * Rotates a refresh token. Presenting one that was already used means it was copied: the
   * whole family (that login, on every device that shares it) is revoked.
   */
  async refresh(refreshToken: string, requestId?: string): Promise<TokenPairDto> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const [token] = await manager.query(
        `SELECT t.id, t.user_id, t.family_id, t.expires_at, t.used_at, t.revoked_at, u.active, a.id AS agency_id, a.organisation_id
           FROM refresh_token t JOIN app_user u ON u.id = t.user_id JOIN agency a ON a.id = u.agency_id
          WHERE t.token_hash = $1 FOR UPDATE OF t`,
        [sha256(refreshToken)],
      );
      if (!token) return null;
      const caller = { userId: token.user_id, agencyId: token.agency_id, organisationId: token.organisation_id };
      if (token.revoked_at) return null;
      if (token.used_at) {
        await manager.query(`UPDATE refresh_token SET revoked_at = coalesce(revoked_at, now()) WHERE family_id = $1`, [
          token.family_id,
        ]);
        await this.accessLog.record(
          {
            caller,
            action: 'auth.refresh.reuse',
            subjectType: 'user',
            subjectIds: [token.user_id],
            outcome: 'denied',
            requestId,
          },
          manager,
        );
        return null;
      }
      if (!token.active || new Date(token.expires_at) <= new Date()) return null;
      await manager.query(`UPDATE refresh_token SET used_at = now() WHERE id = $1`, [token.id]);
      return this.sessions.issue(manager, token.user_id, token.family_id);
    });
    if (!outcome) throw new UnauthorizedException('The refresh token is not valid.');
    return outcome;
  }

  /** Ends the login the access token belongs to: its refresh tokens and the access token itself. */
  async logout(caller: Caller): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE refresh_token SET revoked_at = coalesce(revoked_at, now()) WHERE family_id = $1`, [
        caller.sessionId,
      ]);
      await this.accessLog.record(
        {
          caller,
          action: 'auth.logout',
          subjectType: 'user',
          subjectIds: [caller.userId],
          outcome: 'allowed',
          requestId: caller.requestId,
        },
        manager,
      );
    });
  }

  /**
   * Resolves an access token's caller from the database on every request, so that a
   * deactivated user or a logged-out session stops working at once, not at token expiry.
   */
  async callerFor(payload: AccessTokenPayload): Promise<Caller | null> {
    if (payload.typ !== 'access' || !payload.sub || !payload.sid) return null;
    const [row] = await preparedRows<CallerRow>(
      this.dataSource.manager,
      `SELECT u.id, u.username, u.display_name, u.roles, a.id AS agency_id, a.type AS agency_type, a.name AS agency_name, a.organisation_id
         FROM app_user u JOIN agency a ON a.id = u.agency_id
        WHERE u.id = $1 AND u.active
          AND EXISTS (SELECT 1 FROM refresh_token t WHERE t.family_id = $2 AND t.user_id = u.id AND t.revoked_at IS NULL)`,
      [payload.sub, payload.sid],
    );
    if (!row) return null;
    return {
      userId: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles,
      permissions: permissionsFor(row.roles),
      agencyId: row.agency_id,
      agencyType: row.agency_type,
      agencyName: row.agency_name,
      organisationId: row.organisation_id,
      sessionId: payload.sid,
    };
  }
}
