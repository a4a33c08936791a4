import { Injectable, UnauthorizedException } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AccessLogService, AccessService, Caller } from '@app/access';
import { Notifier } from '@app/notifications';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../passwords';
import { hashSetupCode, newSetupCode, sameHash, SETUP_CODE_TTL_HOURS } from './setup-code';

export class SetupCodeDto {
  @ApiProperty({
    enum: ['email', 'shown'],
    description:
      '`email`: mailed to the user (SMTP is configured), not in this answer; `shown`: in `setupCode`, this once.',
  })
  delivered: 'email' | 'shown';

  @ApiPropertyOptional({
    example: '7K3QD-M0ZPX-2RWTA-9HFCN',
    description: 'Only when `delivered` is `shown`: give it to the user; it is never shown again.',
  })
  setupCode?: string;

  @ApiProperty({ format: 'date-time', description: `${SETUP_CODE_TTL_HOURS} hours after issue.` })
  expiresAt: string;
}

export class SetupDto {
  @ApiProperty({ example: 'kurator@storsjo.demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  username: string;

  @ApiProperty({ example: '7K3QD-M0ZPX-2RWTA-9HFCN', description: 'The one-time setup code (engångskod).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: `At least ${PASSWORD_MIN_LENGTH} characters.` })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}

/** One answer for an unknown user, a wrong, expired or used code and a deactivated account. */
const SETUP_FAILED = 'The username or the setup code is wrong, or the code has expired or been used.';
/** Compared against when there is no open code, so that every failure does the same work. */
const DECOY_HASH = hashSetupCode('no code has this value');

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly accessLog: AccessLogService,
    private readonly notifier: Notifier,
  ) {}

  /** Issues a code for the user in the caller's transaction: mailed when mail is on, otherwise returned once. */
  async issue(manager: EntityManager, caller: Caller, userId: string): Promise<SetupCodeDto> {
    await manager.query(
      `UPDATE user_setup_code SET voided_at = now() WHERE user_id = $1 AND used_at IS NULL AND voided_at IS NULL`,
      [userId],
    );
    const code = newSetupCode();
    const [row]: { id: string; expires_at: Date }[] = await manager.query(
      `INSERT INTO user_setup_code (user_id, code_hash, issued_by, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING id, expires_at`,
      [userId, hashSetupCode(code), caller.userId, SETUP_CODE_TTL_HOURS],
    );
    await this.access.logChange(caller, 'user.setup-code.issue', 'user', [userId], manager);
    const expiresAt = row.expires_at.toISOString();
    if (this.notifier.mailEnabled) {
      await this.notifier.mailSetupCode(manager, {
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
  async voidOpen(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `UPDATE user_setup_code SET voided_at = now() WHERE user_id = $1 AND used_at IS NULL AND voided_at IS NULL`,
      [userId],
    );
  }

  /**
   * Redeems a code: the user's new password is set, the code used, the user's sessions ended and
   * the lockout cleared. Every failure is the same 401, and is logged.
   */
  async redeem(dto: SetupDto, requestId?: string): Promise<void> {
    const redeemed = await this.dataSource.transaction(async (manager) => {
      // Locking the user serialises two redemptions of one code: the second sees it used.
      const [user] = await manager.query(
        `SELECT u.id, u.active, a.id AS agency_id, a.organisation_id
           FROM app_user u JOIN agency a ON a.id = u.agency_id
          WHERE lower(u.username) = lower($1) FOR UPDATE OF u`,
        [dto.username.trim()],
      );
      const open: { id: string; code_hash: string }[] = user
        ? await manager.query(
            `SELECT id, code_hash FROM user_setup_code
              WHERE user_id = $1 AND used_at IS NULL AND voided_at IS NULL AND expires_at > now()`,
            [user.id],
          )
        : [];
      const given = hashSetupCode(dto.code);
      let matched: string | null = null;
      for (const candidate of open.length ? open : [{ id: '', code_hash: DECOY_HASH }])
        if (sameHash(candidate.code_hash, given) && candidate.id) matched = candidate.id;
      const caller = user ? { userId: user.id, agencyId: user.agency_id, organisationId: user.organisation_id } : null;
      const log = (outcome: 'allowed' | 'denied') =>
        this.accessLog.record(
          { caller, action: 'auth.setup', subjectType: 'user', subjectIds: user ? [user.id] : [], outcome, requestId },
          manager,
        );
      if (!matched || !user.active) {
        await log('denied');
        return false;
      }
      const passwordHash = await hashPassword(dto.newPassword);
      await manager.query(`UPDATE user_setup_code SET used_at = now() WHERE id = $1`, [matched]);
      await manager.query(
        `UPDATE app_user SET password_hash = $2, failed_logins = 0, lockouts = 0, locked_until = NULL, updated_at = now()
          WHERE id = $1`,
        [user.id, passwordHash],
      );
      // Whoever was signed in as this user before the new password is signed out.
      await manager.query(`UPDATE refresh_token SET revoked_at = coalesce(revoked_at, now()) WHERE user_id = $1`, [
        user.id,
      ]);
      await log('allowed');
      return true;
    });
    if (!redeemed) throw new UnauthorizedException(SETUP_FAILED);
  }
}
