import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, PageQuery, pageSchema } from '@app/http';
import { SchoolAccountDto } from './school-accounts.dto';
import { SchoolAccountsService } from './school-accounts.service';

@ApiTags('users')
@Controller('schools')
export class SchoolAccountsController {
  constructor(private readonly accounts: SchoolAccountsService) {}

  @Get(':id/accounts')
  @RequirePermission('schoolAccounts.read')
  @ApiOperation({
    summary: "The school's accounts (skolans konton): roles, active, and who gave each its latest role and when.",
    description: 'The principal of the school only; another school answers 404.',
  })
  @ApiOkResponse({ type: pageSchema(SchoolAccountDto) })
  @ApiProblems(400, 404)
  list(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<SchoolAccountDto>> {
    return this.accounts.list(caller, id, query);
  }
}
