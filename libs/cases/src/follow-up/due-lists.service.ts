import { Injectable } from '@nestjs/common';
import { AccessService, Caller } from '@app/access';
import { addDays, swedishDate } from '@app/calendar';
import { decodeCursor, Page, toPage } from '@app/http';
import { DueCaseDto, DueListQuery, FollowUpDueDto, ReviewDueDto } from './due-lists.dto';
import { DueListFilter, DueListsRepository, DueRow } from './due-lists.repository';
import { recordableFrom } from './follow-ups.rules';

const toCase = (r: DueRow): DueCaseDto => ({
  caseId: r.case_id,
  reference: r.reference,
  status: r.status,
  studentId: r.student_id,
  firstName: r.first_name,
  lastName: r.last_name,
  className: r.class_name,
  coordinator: r.coordinator,
});

/**
 * Elevhälsa's work lists: the plans' review dates without a review, and the follow-ups after
 * closure not yet recorded, of the cases the caller coordinates at its school. Oldest due first.
 */
@Injectable()
export class DueListsService {
  constructor(
    private readonly repository: DueListsRepository,
    private readonly access: AccessService,
  ) {}

  async reviews(caller: Caller, query: DueListQuery): Promise<Page<ReviewDueDto>> {
    const rows = await this.repository.reviewsDue(this.filter(caller, query));
    const page = toPage(
      rows,
      query.limit,
      (r) => [r.due, r.key_id],
      (r): ReviewDueDto => ({ ...toCase(r), reviewDate: r.due, lastReviewedOn: r.last_reviewed_on ?? null }),
    );
    await this.access.logList(caller, 'plan.review.due', 'case', [...new Set(page.items.map((i) => i.caseId))]);
    return page;
  }

  async followUps(caller: Caller, query: DueListQuery): Promise<Page<FollowUpDueDto>> {
    const rows = await this.repository.followUpsDue(this.filter(caller, query));
    const page = toPage(
      rows,
      query.limit,
      (r) => [r.due, r.key_id],
      (r): FollowUpDueDto => ({
        ...toCase(r),
        followUpId: r.key_id,
        months: r.months!,
        dueOn: r.due,
        recordableFrom: recordableFrom(r.due),
      }),
    );
    await this.access.logList(caller, 'followUp.due', 'case', [...new Set(page.items.map((i) => i.caseId))]);
    return page;
  }

  /** The caller's school's cases in its scope, due by the horizon, after the cursor. */
  private filter(caller: Caller, query: DueListQuery): DueListFilter {
    const after = decodeCursor(query.cursor, ['date', 'uuid']);
    return {
      scope: this.access.scope(caller, 'case', 'c.id', 1),
      // Coordination is the school's own: an outside agency's cases never appear here.
      schoolId: caller.agencyId,
      dueBy: addDays(swedishDate(), query.withinDays),
      after,
      limit: query.limit + 1,
    };
  }
}
