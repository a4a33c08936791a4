import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems } from '@app/http';
import { RegisterExtractDto, RegisterExtractQuery } from './register-extract.dto';
import { RegisterExtractService } from './register-extract.service';

@ApiTags('data protection')
@Controller('students')
export class RegisterExtractController {
  constructor(private readonly extracts: RegisterExtractService) {}

  @Get(':id/register-extract')
  @RequirePermission('student.registerExtract')
  @ApiOperation({
    summary: "A pupil's register extract (registerutdrag, GDPR art. 15): the principal of the pupil's school",
    description:
      "Everything kept about the pupil and the guardians: the pupil's data and its corrections, attendance per " +
      'week (every lesson with `?lessons=true`), flags, investigations, guardian notices, cases with their ' +
      'timeline, consents, invitations, meetings, mapping, plans with every version, reviews and follow-ups — ' +
      "and who has read or changed the pupil's data (user, agency, organisation, when, what). Producing it is " +
      'logged as `student.register_extract`.',
  })
  @ApiOkResponse({ type: RegisterExtractDto })
  @ApiProblems(400, 404)
  extract(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: RegisterExtractQuery,
  ): Promise<RegisterExtractDto> {
    return this.extracts.extract(caller, id, query.lessons ?? false);
  }
}
