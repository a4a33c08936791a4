import { Injectable, UnauthorizedException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessLogService, AccessService, Caller } from '@app/access';
import { Notifier } from '@app/notifications';
import { SessionsRepository } from '../auth/sessions.repository';
import { hashPassword } from '../passwords';
import { UsersRepository } from '../users/users.repository';
import { hashSetupCode, matchingCode, newSetupCode, SETUP_CODE_TTL_HOURS } from './setup-code.rules';
import { SetupCodesRepository } from './setup-codes.repository';
import { SetupCodeDto, SetupDto } from './setup.dto';

/** One answer for an unknown user, a wrong, expired or used code and a deactivated account. */
const SETUP_FAILED = 'The username or the setup code is wrong, or the code has expired or been used.';

const swedishTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'long',
  timeStyle: 'short',
});

/**
 * One-time setup codes: the way a user chooses their own password, so that no administrator
 * ever knows a password a user keeps. A code works once, for 72 hours, and a newer code for the
 * same user voids the older ones. Only its SHA-256 is stored.
 */
@Injectable()
export class SetupCodes {
  constructor(
    private readonly codes: SetupCodesRepository,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly access: AccessService,
    private readonly accessLog: AccessLogService,
    private readonly notifier: Notifier,
  ) {}

  /** Issues a code for the user in the caller's transaction: mailed when mail is on, otherwise returned once. */
  async issue(tx: EntityManager, caller: Caller, userId: string): Promise<SetupCodeDto> {
    await this.codes.voidOpen(tx, userId);
    const code = newSetupCode();
    const row = await this.codes.insert(tx, {
      userId,
      codeHash: hashSetupCode(code),
      issuedBy: caller.userId,
      ttlHours: SETUP_CODE_TTL_HOURS,
    });
    await this.access.logChange(caller, 'user.setup-code.issue', 'user', [userId], tx);
    const expiresAt = row.expires_at.toISOString();
    if (this.notifier.mailEnabled) {
      await this.notifier.mailSetupCode(tx, {
        setupCodeId: row.id,
        userId,
        code,
        expiresAt: swedishTime.format(row.expires_at),
      });
      return { delivered: 'email', expiresAt };
    }
    return { delivered: 'shown', setupCode: code, expiresAt };
  }

  /** Voids the user's open codes (deactivation). */
  async voidOpen(tx: EntityManager, userId: string): Promise<void> {
    await this.codes.voidOpen(tx, userId);
  }

  /**
   * Redeems a code: the user's new password is set, the code used, the user's sessions ended and
   * the lockout cleared. Every failure is the same 401, and is logged.
   */
  async redeem(dto: SetupDto, requestId?: string): Promise<void> {
    const redeemed = await this.codes.transaction(async (tx) => {
      // Locking the user serialises two redemptions of one code: the second sees it used.
      const user = await this.users.setupUser(tx, dto.username.trim());
      const open = user ? await this.codes.open(tx, user.id) : [];
      const matched = matchingCode(open, hashSetupCode(dto.code));
      const caller = user ? { userId: user.id, agencyId: user.agency_id, organisationId: user.organisation_id } : null;
      const log = (outcome: 'allowed' | 'denied') =>
        this.accessLog.record(
          { caller, action: 'auth.setup', subjectType: 'user', subjectIds: user ? [user.id] : [], outcome, requestId },
          tx,
        );
      if (!matched || !user || !user.active) {
        await log('denied');
        return false;
      }
      const passwordHash = await hashPassword(dto.newPassword);
      await this.codes.markUsed(tx, matched);
      await this.users.setPassword(tx, user.id, passwordHash);
      // Whoever was signed in as this user before the new password is signed out.
      await this.sessions.revokeAllOf(tx, user.id);
      await log('allowed');
      return true;
    });
    if (!redeemed) throw new UnauthorizedException(SETUP_FAILED);
  }
}
