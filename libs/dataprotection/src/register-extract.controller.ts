import { Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems } from '@app/http';
import { RegisterExtractDto, RegisterExtractQuery } from './register-extract.dto';
import { renderRegisterExtract } from './register-extract.html';
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
      'week (lessons with `?lessons=true`), flags, investigations, guardian notices, cases with their ' +
      'timeline, consents, invitations, meetings, mapping, plans with every version, reviews, follow-ups and ' +
      "intervention courses — and who has read or changed the pupil's data (user, agency, organisation, when, " +
      'what). The two long sections are bounded: the newest 2 000 lessons of the period `lessonsFrom`–`lessonsTo` ' +
      'and the newest 2 000 access-log rows of `accessFrom`–`accessTo`; `lessonsShown` and `accessedByShown` ' +
      'say how many there are and whether older ones were left out (ask for them with a period). Producing it ' +
      'is logged as `student.register_extract`.',
  })
  @ApiOkResponse({ type: RegisterExtractDto })
  @ApiProblems(400, 404)
  extract(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: RegisterExtractQuery,
  ): Promise<RegisterExtractDto> {
    return this.extracts.extract(caller, id, query);
  }

  @Get(':id/register-extract.html')
  @RequirePermission('student.registerExtract')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/html')
  @ApiOperation({
    summary: 'The register extract as a printable page in Swedish (Registerutdrag), for the family',
    description:
      "The same content and access as the JSON. Under protected identity the guardians' contact details are " +
      'left out of the print. Logged as `student.register_extract`.',
  })
  @ApiOkResponse({ content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiProblems(400, 404)
  async html(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: RegisterExtractQuery,
  ): Promise<string> {
    return renderRegisterExtract(await this.extracts.extract(caller, id, query));
  }
}
