import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, pageSchema } from '@app/http';
import { CreateStudentDto, LookupStudentDto, StudentDto, StudentListQuery, StudentSummaryDto } from './student.dto';
import { StudentsService } from './students.service';

@ApiTags('students')
@Controller('students')
export class StudentsController {
  constructor(private readonly students: StudentsService) {}

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
  @ApiProblems(400)
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
  get(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<StudentDto> {
    return this.students.get(caller, id);
  }
}
