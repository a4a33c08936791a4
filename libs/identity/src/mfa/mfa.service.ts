import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessLogService, AccessService, Caller } from '@app/access';
import { APP_CONFIG, AppConfig } from '@app/config';
import { DomainError } from '@app/http';
import { SignInResult, TokenPairDto } from '../auth/auth.dto';
import { sha256, Sessions } from '../auth/sessions';
import { randomToken } from '../oidc/oidc.rules';
import { MfaClock } from './mfa-clock';
import { RecoveryCodesDto, TotpEnrolmentDto } from './mfa.dto';
import { MfaRepository, MfaUserRow } from './mfa.repository';
import {
  acceptedStep,
  asTotpCode,
  ENROLMENT_TTL_SECONDS,
  hashRecoveryCode,
  MAX_MFA_FAILURES,
  MFA_CHALLENGE_TTL_SECONDS,
  mfaRequiredFor,
  newRecoveryCodes,
  newTotpSecret,
  openSecret,
  otpauthUri,
  sealingKey,
  sealSecret,
} from './totp.rules';

/** Who enrols: a signed-in user, or one holding an enrolment token (`challengeId`). */
export interface EnrolmentSubject {
  user: MfaUserRow;
  challengeId: string | null;
  requestId?: string;
}

type LogCaller = { userId: string; agencyId: string; organisationId: string };
const logCaller = (user: MfaUserRow): LogCaller => ({
  userId: user.id,
  agencyId: user.agency_id,
  organisationId: user.organisation_id,
});

const tokenInvalid = () =>
  new DomainError(
    'mfa-token-invalid',
    401,
    'Unauthorized',
    'The sign-in step has expired or ended. Please log in again.',
  );

/**
 * The second factor (TOTP, RFC 6238) for local accounts, and the policy of who needs one
 * (`MFA_REQUIRED_ROLES`). After the first factor (password, or a provider that did not check a
 * second one) a user with a factor gets an `mfaToken` for POST /auth/mfa/verify; a user whose role
 * requires one and who has none gets an `enrolmentToken`, good only for enrolling. A code is
 * accepted once (the last time step is kept); five wrong codes void the token; none of it counts
 * toward the password lockout. Everything is logged (`auth.mfa.*`, `user.mfa.reset`).
 */
@Injectable()
export class MfaService {
  private readonly key: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: MfaRepository,
    private readonly sessions: Sessions,
    private readonly accessLog: AccessLogService,
    private readonly access: AccessService,
    private readonly clock: MfaClock,
  ) {
    this.key = sealingKey(config.jwt.secret);
  }

  /** After the first factor, in its transaction: the tokens, or the step that must follow. */
  async afterFirstFactor(
    manager: EntityManager,
    userId: string,
    first: { method: 'password' | 'oidc'; providerChecked: boolean },
  ): Promise<SignInResult> {
    if (first.providerChecked) return this.sessions.start(manager, userId);
    if (await this.repository.hasConfirmedTotp(manager, userId)) {
      const mfaToken = randomToken();
      await this.repository.openChallenge(
        manager,
        { userId, tokenHash: sha256(mfaToken), purpose: 'verify', method: first.method },
        MFA_CHALLENGE_TTL_SECONDS,
      );
      return { mfaRequired: true, mfaToken, expiresIn: MFA_CHALLENGE_TTL_SECONDS };
    }
    const user = await this.repository.user(manager, userId);
    if (user && mfaRequiredFor(user.roles, this.config.mfa.requiredRoles)) {
      const enrolmentToken = randomToken();
      await this.repository.openChallenge(
        manager,
        { userId, tokenHash: sha256(enrolmentToken), purpose: 'enrol', method: first.method },
        ENROLMENT_TTL_SECONDS,
      );
      return { mfaEnrolmentRequired: true, enrolmentToken, expiresIn: ENROLMENT_TTL_SECONDS };
    }
    return this.sessions.start(manager, userId);
  }

  /** The user behind an enrolment token, or null. */
  async enrolmentSubject(enrolmentToken: string): Promise<Omit<EnrolmentSubject, 'requestId'> | null> {
    const manager = this.dataSource.manager;
    const challenge = await this.repository.challenge(manager, sha256(enrolmentToken));
    if (!challenge || challenge.purpose !== 'enrol' || challenge.closed || challenge.expired) return null;
    const user = await this.repository.user(manager, challenge.user_id);
    return user?.active ? { user, challengeId: challenge.id } : null;
  }

  async userSubject(userId: string): Promise<MfaUserRow | null> {
    return this.repository.user(this.dataSource.manager, userId);
  }

  /** A new TOTP secret, unconfirmed until a code from it is shown. Refused while a factor exists. */
  async enrol(subject: EnrolmentSubject): Promise<TotpEnrolmentDto> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.repository.totp(manager, subject.user.id, true);
      if (existing?.confirmed_at) {
        throw new DomainError(
          'mfa-already-enrolled',
          409,
          'Conflict',
          'You already have a second factor. An administrator must reset it before you enrol again.',
        );
      }
      const secret = newTotpSecret();
      await this.repository.startTotp(manager, subject.user.id, sealSecret(secret, this.key));
      await this.log(subject.user, 'auth.mfa.enrol', 'allowed', subject.requestId, null, manager);
      return { secret, otpauthUri: otpauthUri(secret, subject.user.username) };
    });
  }

  /** Confirms the enrolment with a current code: ten recovery codes, shown once. */
  async confirm(subject: EnrolmentSubject, code: string): Promise<RecoveryCodesDto> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const totp = await this.repository.totp(manager, subject.user.id, true);
      if (!totp || totp.confirmed_at) {
        throw new DomainError(
          totp ? 'mfa-already-enrolled' : 'mfa-enrolment-missing',
          409,
          'Conflict',
          totp ? 'The second factor is already confirmed.' : 'Start the enrolment first (POST /auth/mfa/totp).',
        );
      }
      const typed = asTotpCode(code);
      const step = typed ? acceptedStep(openSecret(totp.secret_sealed, this.key), typed, this.clock.now(), null) : null;
      if (step === null) {
        if (subject.challengeId) await this.repository.countFailure(manager, subject.challengeId, MAX_MFA_FAILURES);
        await this.log(subject.user, 'auth.mfa.confirm', 'denied', subject.requestId, null, manager);
        // Committed: the failure count survives the refusal.
        return null;
      }
      const recoveryCodes = newRecoveryCodes();
      await this.repository.confirmTotp(manager, subject.user.id, step, recoveryCodes.map(hashRecoveryCode));
      await this.log(subject.user, 'auth.mfa.confirm', 'allowed', subject.requestId, null, manager);
      if (!subject.challengeId) return { recoveryCodes };
      await this.repository.closeChallenge(manager, subject.challengeId);
      return { recoveryCodes, session: await this.sessions.start(manager, subject.user.id) };
    });
    if (!outcome) {
      throw new DomainError(
        'mfa-code-invalid',
        422,
        'Unprocessable Entity',
        'The code is wrong or too old. Type the code the app shows now.',
        { errors: [{ field: 'code', message: 'wrong or expired code' }] },
      );
    }
    return outcome;
  }

  /** The second step of a sign-in: a TOTP code or an unused recovery code for the tokens. */
  async verify(mfaToken: string, code: string, requestId?: string): Promise<TokenPairDto> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const challenge = await this.repository.challenge(manager, sha256(mfaToken));
      if (!challenge || challenge.purpose !== 'verify' || challenge.closed || challenge.expired) {
        return { kind: 'token' as const, user: null };
      }
      const user = await this.repository.user(manager, challenge.user_id);
      const totp = user?.active ? await this.repository.totp(manager, challenge.user_id, true) : null;
      if (!user || !totp?.confirmed_at) return { kind: 'token' as const, user };
      let factor: 'totp' | 'recovery' | null = null;
      const typed = asTotpCode(code);
      if (typed) {
        const lastStep = totp.last_step === null ? null : Number(totp.last_step);
        const step = acceptedStep(openSecret(totp.secret_sealed, this.key), typed, this.clock.now(), lastStep);
        if (step !== null) {
          await this.repository.acceptStep(manager, user.id, step);
          factor = 'totp';
        }
      } else if (await this.repository.useRecoveryCode(manager, user.id, hashRecoveryCode(code))) {
        factor = 'recovery';
      }
      if (!factor) {
        const voided = await this.repository.countFailure(manager, challenge.id, MAX_MFA_FAILURES);
        await this.log(user, 'auth.mfa.verify', 'denied', requestId, { method: challenge.method, voided }, manager);
        return { kind: 'code' as const, user, voided };
      }
      await this.repository.closeChallenge(manager, challenge.id);
      await this.log(user, 'auth.mfa.verify', 'allowed', requestId, { method: challenge.method, factor }, manager);
      return { kind: 'ok' as const, tokens: await this.sessions.start(manager, user.id) };
    });
    if (outcome.kind === 'ok') return outcome.tokens;
    if (outcome.kind === 'token') {
      if (outcome.user) await this.log(outcome.user, 'auth.mfa.verify', 'denied', requestId, { reason: 'token' });
      throw tokenInvalid();
    }
    throw new DomainError(
      'mfa-code-invalid',
      401,
      'Unauthorized',
      outcome.voided
        ? 'The code is wrong. After five wrong codes this sign-in has ended: log in again.'
        : 'The code is wrong or has already been used.',
      { tokenVoid: outcome.voided },
    );
  }

  /** An administrator removes a user's second factor; the user enrols again. */
  async reset(caller: Caller, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.repository.user(manager, userId);
      await this.access.require({
        caller,
        action: 'write',
        logAction: 'user.mfa.reset',
        subject: user ? { type: 'organisation-member', organisationId: user.organisation_id } : null,
        subjectType: 'user',
        subjectId: userId,
        manager,
      });
      const removed = await this.repository.removeFactor(manager, userId);
      await this.access.logChange(caller, 'user.mfa.reset', 'user', [userId], manager, { removed });
    });
  }

  private log(
    user: MfaUserRow,
    action: string,
    outcome: 'allowed' | 'denied',
    requestId: string | undefined,
    detail: Record<string, unknown> | null,
    manager = this.dataSource.manager,
  ): Promise<void> {
    return this.accessLog.record(
      { caller: logCaller(user), action, subjectType: 'user', subjectIds: [user.id], outcome, requestId, detail },
      manager,
    );
  }
}
