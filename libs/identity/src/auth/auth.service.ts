import { Injectable, UnauthorizedException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessLogService, Caller, permissionsFor } from '@app/access';
import { decoyHash, verifyPassword } from '../passwords';
import { MfaService } from '../mfa/mfa.service';
import { SignInUserRow, UsersRepository } from '../users/users.repository';
import { SignInResult, TokenPairDto } from './auth.dto';
import { afterFailedLogin, passwordUsable } from './auth.rules';
import { AccessTokenPayload, sha256, Sessions } from './sessions';
import { SessionsRepository } from './sessions.repository';

export { MAX_FAILED_LOGINS } from './auth.rules';

/** The same answer for an unknown user, a wrong password and a locked account. */
const LOGIN_FAILED = 'Wrong username or password, or the account is temporarily locked after repeated failures.';

export type { AccessTokenPayload } from './sessions';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: SessionsRepository,
    private readonly accessLog: AccessLogService,
    private readonly sessions: Sessions,
    private readonly secondFactor: MfaService,
  ) {}

  /** Checks the password, counts failures and locks the account for a growing period. */
  async login(username: string, password: string, requestId?: string): Promise<SignInResult> {
    return this.users
      .transaction(async (tx) => {
        const user = await this.users.signInUser(tx, username);
        // No password yet (a new user who has not used a setup code) cannot log in.
        const usable = passwordUsable(user, new Date());
        const ok = await verifyPassword(usable ? user.password_hash : await decoyHash(), password);
        const caller = user
          ? { userId: user.id, agencyId: user.agency_id, organisationId: user.organisation_id }
          : null;
        if (!usable || !ok) {
          if (user && usable) await this.countFailure(tx, user);
          await this.accessLog.record(
            {
              caller,
              action: 'auth.login',
              subjectType: 'user',
              subjectIds: user ? [user.id] : [],
              outcome: 'denied',
              requestId,
            },
            tx,
          );
          // The failure count must survive the refusal, so it is committed, not rolled back.
          return null;
        }
        await this.users.clearFailedLogins(tx, user.id);
        await this.accessLog.record(
          { caller, action: 'auth.login', subjectType: 'user', subjectIds: [user.id], outcome: 'allowed', requestId },
          tx,
        );
        return this.secondFactor.afterFirstFactor(tx, user.id, { method: 'password', providerChecked: false });
      })
      .then((tokens) => {
        if (!tokens) throw new UnauthorizedException(LOGIN_FAILED);
        return tokens;
      });
  }

  private async countFailure(tx: EntityManager, user: SignInUserRow) {
    const failed = afterFailedLogin(user);
    if ('count' in failed) await this.users.setFailedLogins(tx, user.id, failed.count);
    else await this.users.lockOut(tx, user.id, failed.lockSeconds);
  }

  /**
   * Rotates a refresh token. Presenting one that was already used means it was copied: the
   * whole family (that login, on every device that shares it) is revoked.
   */
  async refresh(refreshToken: string, requestId?: string): Promise<TokenPairDto> {
    const outcome = await this.tokens.transaction(async (tx) => {
      const token = await this.tokens.presented(tx, sha256(refreshToken));
      if (!token) return null;
      const caller = { userId: token.user_id, agencyId: token.agency_id, organisationId: token.organisation_id };
      if (token.revoked_at) return null;
      if (token.used_at) {
        await this.tokens.revokeFamily(tx, token.family_id);
        await this.accessLog.record(
          {
            caller,
            action: 'auth.refresh.reuse',
            subjectType: 'user',
            subjectIds: [token.user_id],
            outcome: 'denied',
            requestId,
          },
          tx,
        );
        return null;
      }
      if (!token.active || new Date(token.expires_at) <= new Date()) return null;
      await this.tokens.markUsed(tx, token.id);
      return this.sessions.issue(tx, token.user_id, token.family_id);
    });
    if (!outcome) throw new UnauthorizedException('The refresh token is not valid.');
    return outcome;
  }

  /** Ends the login the access token belongs to: its refresh tokens and the access token itself. */
  async logout(caller: Caller): Promise<void> {
    await this.tokens.transaction(async (tx) => {
      await this.tokens.revokeFamily(tx, caller.sessionId);
      await this.accessLog.record(
        {
          caller,
          action: 'auth.logout',
          subjectType: 'user',
          subjectIds: [caller.userId],
          outcome: 'allowed',
          requestId: caller.requestId,
        },
        tx,
      );
    });
  }

  /**
   * Resolves an access token's caller from the database on every request, so that a
   * deactivated user or a logged-out session stops working at once, not at token expiry.
   */
  async callerFor(payload: AccessTokenPayload): Promise<Caller | null> {
    if (payload.typ !== 'access' || !payload.sub || !payload.sid) return null;
    const row = await this.users.callerOfSession(payload.sub, payload.sid);
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
