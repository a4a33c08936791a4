import { Inject, Injectable } from '@nestjs/common';
import { AccessService, Caller, consentInForce } from '@app/access';
import { swedishDate } from '@app/calendar';
import { APP_CONFIG, AppConfig } from '@app/config';
import { ConflictError, NotFoundError, UnprocessableError } from '@app/http';
import { Notifier } from '@app/notifications';
import { CaseAccess, namesVisible, NamesVisible, requireActive } from './case-access';
import { CasesRepository } from './cases.repository';
import { consentAgencyProblems, consentValidityProblems, consentValidUntil } from './consent.rules';
import { ConsentDto, GiveConsentDto } from './consents.dto';
import { ConsentRow, ConsentsRepository } from './consents.repository';

const ALL_NAMES: NamesVisible = { pupil: true, guardians: true };

const toDto = (r: ConsentRow, names = ALL_NAMES, now = new Date()): ConsentDto => ({
  id: r.id,
  agencyId: r.agency_id,
  agencyName: r.agency_name,
  givenBy: r.given_by,
  givenByName: (r.given_by === 'pupil' ? names.pupil : names.guardians) ? r.given_by_name : null,
  scope: r.scope,
  givenAt: r.given_at,
  validUntil: r.valid_until,
  documentReference: r.document_reference,
  withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
  inForce: consentInForce(
    {
      agencyId: r.agency_id,
      scope: r.scope,
      givenAt: r.given_at,
      validUntil: r.valid_until,
      withdrawnAt: r.withdrawn_at,
    },
    now,
  ),
});

/**
 * Guardians' (or the pupil's) consent per agency. The case's coordinator records and withdraws
 * it (withdrawal in any status, a closed case included); the access layer reads it on every
 * request, so a withdrawal cuts access on the next one. Every consent ends: without a
 * `validUntil` it gets the configured default validity, and none may run past the maximum.
 */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly repository: ConsentsRepository,
    private readonly caseRepository: CasesRepository,
    private readonly cases: CaseAccess,
    private readonly access: AccessService,
    private readonly notifier: Notifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(caller: Caller, caseId: string): Promise<ConsentDto[]> {
    const facts = await this.cases.require(caller, caseId, { action: 'read', log: 'consent.list' });
    // An outside agency sees the consents that concern it; the school sees them all.
    const own = caller.agencyId !== facts.schoolId;
    const rows = await this.repository.listForCase(this.repository.manager, caseId, own ? caller.agencyId : null);
    const names = namesVisible(caller, facts);
    return rows.map((r) => toDto(r, names));
  }

  async give(caller: Caller, caseId: string, dto: GiveConsentDto): Promise<ConsentDto> {
    const today = swedishDate();
    return this.repository.transaction(async (manager) => {
      const facts = await this.cases.requireCoordinator(caller, caseId, { log: 'consent.give', tx: manager });
      requireActive(facts);
      const { defaultValidityMonths, maxValidityMonths } = this.config.consent;
      const validUntil = consentValidUntil(dto.givenAt, dto.validUntil, defaultValidityMonths);
      const problems = [
        ...consentValidityProblems(dto.givenAt, validUntil, today, maxValidityMonths),
        ...consentAgencyProblems(
          await this.repository.agencyExists(manager, dto.agencyId),
          dto.agencyId,
          facts.schoolId,
        ),
      ];
      if (problems.length)
        throw new UnprocessableError('The consent cannot be recorded as given.', { errors: problems });
      const id = await this.repository.insert(manager, {
        caseId,
        agencyId: dto.agencyId,
        givenBy: dto.givenBy,
        givenByName: dto.givenByName.trim(),
        scope: dto.scope,
        givenAt: dto.givenAt,
        validUntil,
        documentReference: dto.documentReference?.trim() ?? null,
        recordedBy: caller.userId,
      });
      await this.caseRepository.recordEvent(manager, caseId, caller, 'consent.given', {
        consentId: id,
        agencyId: dto.agencyId,
        givenBy: dto.givenBy,
        scope: dto.scope,
        validUntil,
      });
      await this.access.logChange(caller, 'consent.give', 'consent', [id], manager);
      return toDto((await this.repository.find(manager, id))!);
    });
  }

  /** Withdrawal takes effect now, whatever the case's status: a guardian may always take consent back. */
  async withdraw(caller: Caller, caseId: string, consentId: string): Promise<ConsentDto> {
    return this.repository.transaction(async (manager) => {
      await this.cases.requireCoordinator(caller, caseId, { log: 'consent.withdraw', tx: manager });
      const existing = await this.repository.findForWithdrawal(manager, caseId, consentId);
      if (!existing) throw new NotFoundError('consent');
      if (existing.withdrawn_at) throw new ConflictError('The consent is already withdrawn.');
      await this.repository.withdraw(manager, consentId);
      const row = (await this.repository.find(manager, consentId))!;
      await this.caseRepository.recordEvent(manager, caseId, caller, 'consent.withdrawn', {
        consentId,
        agencyId: row.agency_id,
      });
      // Told to the agency whose consent it was (its access ends with it), not to the others.
      await this.notifier.notify(
        manager,
        'consent.withdrawn',
        { key: consentId, caseId, agencyId: row.agency_id },
        caller.userId,
      );
      await this.access.logChange(caller, 'consent.withdraw', 'consent', [consentId], manager);
      return toDto(row);
    });
  }
}
