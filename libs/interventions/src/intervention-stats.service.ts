import { Injectable } from '@nestjs/common';
import { AccessService, Caller } from '@app/access';
import { swedishDate } from '@app/calendar';
import { ORGANISATION, statisticsSchool, statisticsTerm, suppressSmallCells } from '@app/cases';
import { NotFoundError } from '@app/http';
import { OrganisationTermsService } from '@app/identity';
import {
  CountShareDto,
  InterventionResultDto,
  InterventionStatsDto,
  InterventionStatsQuery,
} from './intervention-stats.dto';
import { InterventionStatsRepository } from './intervention-stats.repository';
import { cell, interventionTable, REPORTED_END_REASONS } from './intervention-stats.rules';
import { BEHAVIOURS, COURSE_FOLLOW_UP_MONTHS } from './intervention.rules';

/**
 * Results per intervention (MST Sweden's figures) for an organisation or one of its schools and a
 * term: the courses that ended in the term, computed for the whole organisation × its schools,
 * suppressed once with the outcome statistics' rule (`suppressSmallCells`), the caller's slice returned.
 */
@Injectable()
export class InterventionStatsService {
  constructor(
    private readonly repository: InterventionStatsRepository,
    private readonly organisationTerms: OrganisationTermsService,
    private readonly access: AccessService,
  ) {}

  async results(
    caller: Caller,
    query: InterventionStatsQuery,
    onlyIntervention?: string,
    includeRetired = false,
  ): Promise<InterventionStatsDto> {
    const dates = await this.organisationTerms.termDates(caller.organisationId);
    const today = swedishDate();
    // The term and the terms to choose from, as the outcome statistics (@app/cases).
    const { period, terms } = statisticsTerm(query.term, today, dates);
    const schoolId = await this.resolveSchool(caller, query.schoolId);
    if (onlyIntervention && !(await this.repository.intervention(caller.organisationId, onlyIntervention))) {
      await this.access.logDenied(caller, 'stats.interventions', 'intervention', onlyIntervention);
      throw new NotFoundError('intervention');
    }
    const [schools, interventions, courses] = [
      await this.repository.schoolIds(caller.organisationId),
      await this.repository.interventions(caller.organisationId, period.from, period.to, includeRetired),
      await this.repository.endedCourses(caller.organisationId, period.from, period.to),
    ];
    // The whole table is suppressed, whichever intervention or school is asked for: every caller sees the same cells.
    const table = interventionTable(
      interventions.map((i) => i.id),
      schools,
      courses,
      today,
    );
    const suppression = suppressSmallCells(table);
    const unit = schoolId ?? ORGANISATION;
    const value = (id: string, figure: string): number | null =>
      suppression.isSuppressed(unit, cell(id, figure)) ? null : (table.values.get(cell(id, figure))?.[unit] ?? null);
    const countShare = (id: string, figure: string): CountShareDto => ({
      count: value(id, figure),
      share: value(id, `${figure}.share`),
    });

    const shown = interventions.filter((i) => !onlyIntervention || i.id === onlyIntervention);
    const results = shown.map((i): InterventionResultDto => ({
      intervention: {
        id: i.id,
        name: i.name,
        providerAgencyType: i.provider_agency_type,
        evidenceBased: i.evidence_based,
        active: i.active,
      },
      coursesEnded: value(i.id, 'ended'),
      endReasons: Object.fromEntries(REPORTED_END_REASONS.map((r) => [r, countShare(i.id, `endReason.${r}`)])),
      followUps: Object.fromEntries(
        COURSE_FOLLOW_UP_MONTHS.map((m) => [
          String(m),
          {
            due: value(i.id, `followUps.${m}.due`),
            followedUp: countShare(i.id, `followUps.${m}.recorded`),
            schoolOrWork20h: countShare(i.id, `followUps.${m}.schoolOrWork20h`),
          },
        ]),
      ),
      behaviours: Object.fromEntries(
        BEHAVIOURS.map((b) => [
          b,
          {
            atStart: countShare(i.id, `behaviours.${b}.atStart`),
            newIntervention: Object.fromEntries(
              COURSE_FOLLOW_UP_MONTHS.map((m) => [String(m), countShare(i.id, `behaviours.${b}.newIntervention.${m}`)]),
            ),
          },
        ]),
      ),
      medianAttendanceBeforeStart: value(i.id, 'medianAttendanceBeforeStart'),
      medianAttendanceBeforeEnd: value(i.id, 'medianAttendanceBeforeEnd'),
    }));
    const shownIds = new Set(shown.map((i) => i.id));
    await this.access.logList(caller, 'stats.interventions', schoolId ? 'school' : 'organisation', [
      schoolId ?? caller.organisationId,
    ]);
    return {
      organisationId: caller.organisationId,
      schoolId,
      term: period.term,
      from: period.from,
      to: period.to,
      terms,
      interventions: results,
      suppressed: suppression.of(unit).filter((name) => shownIds.has(name.split('.')[0])),
    };
  }

  /** One intervention's results and the name of the unit they are for, for the board's report. */
  async report(
    caller: Caller,
    interventionId: string,
    query: InterventionStatsQuery,
  ): Promise<{ stats: InterventionStatsDto; result: InterventionResultDto; unitName: string }> {
    const stats = await this.results(caller, query, interventionId);
    const [result] = stats.interventions.length
      ? stats.interventions
      : (await this.results(caller, query, interventionId, true)).interventions;
    return { stats, result, unitName: await this.repository.unitName(caller.organisationId, stats.schoolId) };
  }

  /**
   * Whose statistics, as the outcome statistics (`statisticsSchool`): another organisation's
   * school is 404, another school of the same organisation 403.
   */
  private async resolveSchool(caller: Caller, schoolId: string | undefined): Promise<string | null> {
    if (schoolId && !(await this.repository.isSchoolOf(caller.organisationId, schoolId))) {
      throw new NotFoundError('school');
    }
    return statisticsSchool(caller, schoolId);
  }
}
