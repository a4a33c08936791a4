import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { swedishDate, TermDates, termOf } from '@app/calendar';
import { NotFoundError, ValidationError } from '@app/http';
import { TermDatesDto, UpdateTermDatesDto } from './organisation.dto';
import { OrganisationRepository } from './organisation.repository';
import { changedTermDates, termDatesProblems } from './organisation.rules';

/**
 * The organisation's school terms (HT/VT): the one place that says where its terms begin.
 * Everything that names a term for an organisation (outcome statistics, the default start of an
 * SS 12000 sync, intervention results) asks `termDates()` and passes the answer to
 * `termBounds()`/`termOf()` of @app/calendar.
 */
@Injectable()
export class OrganisationTermsService {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly access: AccessService,
  ) {}

  /** The first days of the organisation's terms (the defaults unless it moved them). */
  async termDates(organisationId: string, manager: EntityManager = this.organisations.manager): Promise<TermDates> {
    const dates = await this.organisations.termDates(manager, organisationId);
    if (!dates) throw new NotFoundError('organisation');
    return dates;
  }

  async read(caller: Caller): Promise<TermDatesDto> {
    return this.toDto(caller.organisationId, await this.termDates(caller.organisationId));
  }

  /** Moves the first day of HT and/or VT; the pair must still make sense (isValidTermDates). */
  async update(caller: Caller, dto: UpdateTermDatesDto): Promise<TermDatesDto> {
    const errors = termDatesProblems(dto);
    if (errors.length) throw new ValidationError(errors);
    return this.organisations.transaction(async (tx) => {
      const next = changedTermDates(await this.termDates(caller.organisationId, tx), dto);
      await this.organisations.setTermDates(tx, caller.organisationId, next);
      await this.access.logChange(caller, 'organisation.terms.update', 'organisation', [caller.organisationId], tx);
      return this.toDto(caller.organisationId, next);
    });
  }

  private toDto(organisationId: string, dates: TermDates): TermDatesDto {
    return { organisationId, ...dates, currentTerm: termOf(swedishDate(), dates) };
  }
}
