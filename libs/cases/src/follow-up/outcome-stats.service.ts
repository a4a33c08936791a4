import { Injectable } from '@nestjs/common';
import { AccessService, Caller } from '@app/access';
import { swedishDate } from '@app/calendar';
import { NotFoundError } from '@app/http';
import { OrganisationTermsService } from '@app/identity';
import { OutcomeStatsDto, OutcomeStatsQuery } from './outcome-stats.dto';
import { OutcomeStatsRepository } from './outcome-stats.repository';
import { outcomeFigures, outcomeTable } from './outcome-stats.rules';
import { statisticsSchool, statisticsTerm } from './statistics.rules';
import { ORGANISATION, suppressSmallCells } from './suppression.rules';

/**
 * Outcome statistics (resultat) for an organisation or one of its schools, in the manner of
 * the MST follow-up figures: computed by SQL aggregates for the whole organisation × its schools
 * for one term (outcome-stats.repository.ts), suppressed once (suppression.rules.ts), and the
 * caller's slice returned.
 */
@Injectable()
export class OutcomeStatsService {
  constructor(
    private readonly repository: OutcomeStatsRepository,
    private readonly access: AccessService,
    private readonly organisationTerms: OrganisationTermsService,
  ) {}

  async outcomes(caller: Caller, query: OutcomeStatsQuery): Promise<OutcomeStatsDto> {
    const dates = await this.organisationTerms.termDates(caller.organisationId);
    const { period, terms } = statisticsTerm(query.term, swedishDate(), dates);
    const schoolId = await this.resolveSchool(caller, query.schoolId);
    const organisationId = caller.organisationId;
    const { from, to } = period;
    // Every figure of the term for the organisation and each of its schools, suppressed as one table.
    const table = outcomeTable({
      schools: await this.repository.schoolIds(organisationId),
      casesByStatus: await this.repository.casesByStatus(organisationId, from, to),
      daysToPlan: await this.repository.daysToPlan(organisationId, from, to),
      leadTimes: await this.repository.leadTimes(organisationId, from, to),
      attendanceGoals: await this.repository.attendanceGoals(organisationId, from, to),
      followUps: await this.repository.followUpResults(organisationId, from, to),
    });
    const figures = outcomeFigures(table, suppressSmallCells(table), schoolId ?? ORGANISATION);

    await this.access.logList(caller, 'stats.outcomes', schoolId ? 'school' : 'organisation', [
      schoolId ?? organisationId,
    ]);
    return {
      organisationId,
      schoolId,
      term: period.term,
      from,
      to,
      terms,
      ...figures,
    };
  }

  /**
   * Whose statistics (`statisticsSchool`): another organisation's school does not exist for the
   * caller (404); another school of the same organisation is not theirs to see (403).
   */
  private async resolveSchool(caller: Caller, schoolId: string | undefined): Promise<string | null> {
    if (schoolId && !(await this.repository.isSchoolOf(caller.organisationId, schoolId))) {
      throw new NotFoundError('school');
    }
    return statisticsSchool(caller, schoolId);
  }
}
