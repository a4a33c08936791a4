import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, pageSchema } from '@app/http';
import { CourseDto, EndCourseDto, RecordCourseFollowUpDto, StartCourseDto } from './course.dto';
import { CourseService } from './course.service';
import { COURSE_FOLLOW_UP_MONTHS } from './intervention.rules';

@ApiTags('interventions')
@Controller('cases/:id/interventions')
export class CourseController {
  constructor(private readonly courses: CourseService) {}

  @Get()
  @RequirePermission('case.read')
  @ApiOperation({
    summary:
      "The pupil's courses of interventions in the case, oldest first, with their follow-ups; for an outside agency as the plan (consent in force with scope plan), attendance figures only with scope attendance",
  })
  @ApiOkResponse({ type: pageSchema(CourseDto) })
  @ApiProblems(400, 403, 404)
  async list(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<Page<CourseDto>> {
    return { items: await this.courses.list(caller, id), nextCursor: null };
  }

  @Post()
  @RequirePermission('case.manage')
  @ApiOperation({
    summary:
      "Record that the pupil started a course of an intervention of the catalogue (elevhälsa of the case's school; not in a closed case); attendance in the 8 weeks with lessons before the start is computed",
  })
  @ApiCreatedResponse({ type: CourseDto })
  @ApiProblems(400, 403, 404, 409, 422)
  start(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: StartCourseDto,
  ): Promise<CourseDto> {
    return this.courses.start(caller, id, dto);
  }

  @Post(':courseId/end')
  @RequirePermission('case.manage')
  @ApiOperation({
    summary:
      'Record the end of a course and why it ended (completed, placement, lack_of_engagement, moved, other); attendance in the 8 weeks with lessons up to the end is computed',
  })
  @ApiCreatedResponse({ type: CourseDto })
  @ApiProblems(400, 403, 404, 409, 422)
  end(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('courseId', new ParseUUIDPipe()) courseId: string,
    @Body() dto: EndCourseDto,
  ): Promise<CourseDto> {
    return this.courses.end(caller, id, courseId, dto);
  }

  @Post(':courseId/follow-ups/:months')
  @RequirePermission('case.manage')
  @ApiOperation({
    summary:
      "Record the follow-up 6 or 18 months after the course's end (from 14 days before it is due, once), in MST's terms: new interventions by behaviour, school or work at least 20 h/week",
  })
  @ApiParam({ name: 'months', enum: [...COURSE_FOLLOW_UP_MONTHS] })
  @ApiCreatedResponse({ type: CourseDto })
  @ApiProblems(400, 403, 404, 409, 422)
  recordFollowUp(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('courseId', new ParseUUIDPipe()) courseId: string,
    @Param('months') months: string,
    @Body() dto: RecordCourseFollowUpDto,
  ): Promise<CourseDto> {
    return this.courses.recordFollowUp(caller, id, courseId, months, dto);
  }
}
