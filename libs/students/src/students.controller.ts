import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply as Response } from 'fastify';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, DomainError, Page, PageQuery, pageSchema, versionEtag } from '@app/http';
import { CreateStudentDto, LookupStudentDto, StudentDto, StudentListQuery, StudentSummaryDto } from './student.dto';
import { StudentsService } from './students.service';
import { PatchStudentDto, StudentChangeDto } from './student-update.dto';
import { StudentUpdateService } from './student-update.service';

@ApiTags('students')
@Controller('students')
export class StudentsController {
  constructor(
    private readonly students: StudentsService,
    private readonly updates: StudentUpdateService,
  ) {}

  @Post()
  @RequirePermission('student.create')
  @ApiOperation({ summary: 'Register a pupil at your school (personnummer is checked and stored canonically)' })
  @ApiCreatedResponse({ type: StudentDto })
  @ApiProblems(400, 404, 409, 422)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateStudentDto): Promise<StudentDto> {
    return this.students.create(caller, dto);
  }

  @Get()
  @RequirePermission('student.read')
  @ApiOperation({ summary: "Your school's pupils, personnummer masked" })
  @ApiOkResponse({ type: pageSchema(StudentSummaryDto) })
  @ApiProblems(400, 403)
  list(@CurrentCaller() caller: Caller, @Query() query: StudentListQuery): Promise<Page<StudentSummaryDto>> {
    return this.students.list(caller, query);
  }

  @Post('lookup')
  @HttpCode(200)
  @RequirePermission('student.read')
  @ApiOperation({ summary: 'Find a pupil by personnummer (in the body, never in a URL)' })
  @ApiOkResponse({ type: StudentDto })
  @ApiProblems(400, 404)
  lookup(@CurrentCaller() caller: Caller, @Body() dto: LookupStudentDto): Promise<StudentDto> {
    return this.students.lookup(caller, dto.personnummer);
  }

  @Get(':id')
  @RequirePermission('student.read')
  @ApiOperation({ summary: 'One pupil with guardians (contact details hidden under protected identity)' })
  @ApiOkResponse({ type: StudentDto })
  @ApiProblems(400, 404)
  async get(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StudentDto> {
    const student = await this.students.get(caller, id);
    res.header('ETag', versionEtag(student.version));
    return student;
  }

  @Patch(':id')
  @RequirePermission('student.update')
  @ApiOperation({
    summary:
      'Change a pupil: class and grade (school staff); guardians, protected identity, externalId (principal, elevhälsa)',
    description:
      'Only the fields sent change; every change keeps the earlier value and who made it (`GET /students/:id/changes`). ' +
      'Send the `ETag` of `GET /students/:id` as `If-Match`: a stale one gets 412, none 428. A guardian contact ' +
      'detail left out is kept, so nobody wipes what they cannot see.',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the pupil as you read it (`"3"`).' })
  @ApiOkResponse({ type: StudentDto })
  @ApiProblems(400, 403, 404, 409, 412, 422, 428)
  async patch(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: PatchStudentDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StudentDto> {
    try {
      const student = await this.updates.patch(caller, id, dto, ifMatch);
      res.header('ETag', versionEtag(student.version));
      return student;
    } catch (error) {
      const current = (error as DomainError)?.extensions?.currentVersion;
      if (error instanceof DomainError && error.status === 412 && typeof current === 'number') {
        res.header('ETag', versionEtag(current));
      }
      throw error;
    }
  }

  @Get(':id/changes')
  @RequirePermission('student.read')
  @ApiOperation({
    summary: "A pupil's history of changes, newest first: field, earlier and new value, who (user or sync), when",
  })
  @ApiOkResponse({ type: pageSchema(StudentChangeDto) })
  @ApiProblems(400, 404)
  changes(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<StudentChangeDto>> {
    return this.updates.changes(caller, id, query);
  }
}
