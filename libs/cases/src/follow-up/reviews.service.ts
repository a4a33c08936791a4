import { Injectable } from '@nestjs/common';
import { AccessService, Caller } from '@app/access';
import { swedishDate } from '@app/calendar';
import { CaseAccess, requireActive } from '../case-access';
import { recordEvent } from '../timeline';
import { attendancePercent, toNumber } from './attendance-percent';
import { RecordReviewDto, ReviewDto } from './reviews.dto';
import { ReviewRow, ReviewsRepository } from './reviews.repository';
import { DEFAULT_REVIEW_PERIOD_WEEKS, requireReviewable, reviewPeriods } from './reviews.rules';

const toDto = (r: ReviewRow): ReviewDto => ({
  id: r.id,
  caseId: r.case_id,
  reviewedOn: r.reviewed_on,
  before: {
    from: r.period_before_from,
    to: r.period_before_to,
    attendancePercent: toNumber(r.attendance_before_percent),
  },
  after: { from: r.period_after_from, to: r.period_after_to, attendancePercent: toNumber(r.attendance_after_percent) },
  goalReached: r.goal_reached,
  decisions: r.decisions,
  recordedBy: { id: r.recorded_by, displayName: r.recorded_by_name },
  createdAt: r.created_at.toISOString(),
});

/**
 * Reviews (uppföljning vid avstämning): attendance before the plan and up to the review, both
 * computed from the attendance data, the goal reached or not, and the decisions.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly repository: ReviewsRepository,
    private readonly cases: CaseAccess,
    private readonly access: AccessService,
  ) {}

  async list(caller: Caller, caseId: string): Promise<ReviewDto[]> {
    // The plan and what follows from it: an outside agency needs consent scope `plan`, and `attendance` for figures.
    const facts = await this.cases.require(caller, caseId, { action: 'read', log: 'plan.review.list' });
    await this.cases.requireScope(caller, facts, 'plan', 'plan.review.list');
    const figures = facts.scopes.has('attendance');
    const rows = await this.repository.listForCase(caseId);
    return rows
      .map(toDto)
      .map((r) =>
        figures
          ? r
          : { ...r, before: { ...r.before, attendancePercent: null }, after: { ...r.after, attendancePercent: null } },
      );
  }

  /** `reviewedOn` is a real date (the DTO's `@IsCalendarDate()`). */
  async record(caller: Caller, caseId: string, dto: RecordReviewDto): Promise<ReviewDto> {
    const weeks = dto.periodWeeks ?? DEFAULT_REVIEW_PERIOD_WEEKS;
    return this.repository.transaction(async (tx) => {
      const facts = await this.cases.requireCoordination(caller, caseId, { log: 'plan.review', tx });
      requireActive(facts);
      // The day the plan started, a Swedish calendar day.
      const started = swedishDate(await this.repository.planStartedAt(tx, caseId));
      requireReviewable(dto.reviewedOn, swedishDate(), started);
      const { before, after } = reviewPeriods(started, dto.reviewedOn, weeks);
      const id = await this.repository.insert(tx, {
        caseId,
        reviewedOn: dto.reviewedOn,
        before: { ...before, attendancePercent: await attendancePercent(tx, facts.studentId, before.from, before.to) },
        after: { ...after, attendancePercent: await attendancePercent(tx, facts.studentId, after.from, after.to) },
        goalReached: dto.goalReached,
        decisions: dto.decisions?.trim() ?? null,
        recordedBy: caller.userId,
      });
      await recordEvent(tx, caseId, caller, 'plan.reviewed', { reviewId: id, goalReached: dto.goalReached });
      await this.access.logChange(caller, 'plan.review', 'plan_review', [id], tx);
      return toDto(await this.repository.find(tx, id));
    });
  }
}
