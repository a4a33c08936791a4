import { Controller, Delete, HttpCode, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiExtraModels, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems } from '@app/http';
import { ErasureRefusalDto } from './erasure.dto';
import { ErasureService } from './erasure.service';

@ApiTags('data protection')
@Controller('students')
export class ErasureController {
  constructor(private readonly erasure: ErasureService) {}

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('student.erase')
  @ApiExtraModels(ErasureRefusalDto)
  @ApiOperation({
    summary: 'Erase a pupil registered by mistake (GDPR art. 17): the principal of the pupil’s school',
    description:
      'Erases the pupil, guardians, lessons, per-day figures and the history of changes in one transaction; ' +
      'the access log keeps its rows about the pupil (ids only). When a statutory duty keeps data (a case, a ' +
      'flag, an absence investigation, a guardian notice) nothing is erased and the answer is 409 with ' +
      '`code` `erasure-refused` and `reasons` (`ErasureRefusalDto`: `kept-case`, `kept-flag`, ' +
      '`kept-investigation`, `kept-guardian-notice`), art. 17(3). Logged as `student.erase` ' +
      '(and `student.erase_refused` with the reason codes).',
  })
  @ApiNoContentResponse({ description: 'Erased.' })
  @ApiProblems(400, 404, 409)
  erase(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.erasure.erase(caller, id);
  }
}
