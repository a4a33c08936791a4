import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, pageSchema } from '@app/http';
import { AbsenceFigures } from './absence-figures';
import { DateRangeQuery, LessonDto, LessonListQuery, RecordLessonDto } from './attendance.dto';
import { AttendanceService } from './attendance.service';

@ApiTags('attendance')
@Controller()
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Post('students/:id/attendance')
  @RequirePermission('attendance.write')
  @ApiOperation({ summary: "Record (or correct) one lesson's attendance for a pupil" })
  @ApiCreatedResponse({ type: LessonDto })
  @ApiProblems(400, 403, 404)
  record(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RecordLessonDto,
  ): Promise<LessonDto> {
    return this.attendance.record(caller, id, dto);
  }

  @Get('students/:id/attendance')
  @RequirePermission('student.read')
  @ApiOperation({ summary: "A pupil's lessons, newest first" })
  @ApiOkResponse({ type: pageSchema(LessonDto) })
  @ApiProblems(400, 403, 404)
  lessons(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: LessonListQuery,
  ): Promise<Page<LessonDto>> {
    return this.attendance.lessons(caller, id, query);
  }

  @Get('students/:id/absence')
  @RequirePermission('student.read')
  @ApiOperation({ summary: "A pupil's absence between two dates, in total and per week" })
  @ApiOkResponse({ type: AbsenceFigures })
  @ApiProblems(400, 404)
  studentAbsence(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: DateRangeQuery,
  ): Promise<AbsenceFigures> {
    return this.attendance.studentAbsence(caller, id, query);
  }

  @Get('schools/:id/classes/:className/absence')
  @RequirePermission('student.read')
  @ApiOperation({ summary: "A class's absence between two dates, in total and per week" })
  @ApiOkResponse({ type: AbsenceFigures })
  @ApiProblems(400, 404)
  classAbsence(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('className') className: string,
    @Query() query: DateRangeQuery,
  ): Promise<AbsenceFigures> {
    return this.attendance.classAbsence(caller, id, className, query);
  }
}
