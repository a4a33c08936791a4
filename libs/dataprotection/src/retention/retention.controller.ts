import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, PageQuery, pageSchema } from '@app/http';
import {
  RetentionPreviewDto,
  RetentionRuleDto,
  RetentionRuleListDto,
  RetentionRunDto,
  UpdateRetentionRuleDto,
} from './retention.dto';
import { RetentionService } from './retention.service';

@ApiTags('retention')
@Controller('retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get('rules')
  @RequirePermission('retention.manage')
  @ApiOperation({
    summary: "Your organisation's retention rules (gallringsregler)",
    description:
      'One rule per data class: its legal basis, period and the bounds within which the organisation may set it ' +
      '(docs/DATA-PROTECTION.md gives the defaults).',
  })
  @ApiOkResponse({ type: RetentionRuleListDto })
  rules(@CurrentCaller() caller: Caller): Promise<RetentionRuleListDto> {
    return this.retention.rules(caller);
  }

  @Patch('rules/:dataClass')
  @RequirePermission('retention.manage')
  @ApiOperation({
    summary: "Set the period of one of your organisation's retention rules",
    description:
      'Within the data class\'s bounds, else 422 with `errors: [{ field: "period", code: "out-of-bounds" }]`. Logged.',
  })
  @ApiOkResponse({ type: RetentionRuleDto })
  @ApiProblems(400, 404, 422)
  update(
    @CurrentCaller() caller: Caller,
    @Param('dataClass') dataClass: string,
    @Body() dto: UpdateRetentionRuleDto,
  ): Promise<RetentionRuleDto> {
    return this.retention.updateRule(caller, dataClass, dto);
  }

  @Get('preview')
  @RequirePermission('retention.manage')
  @ApiOperation({
    summary: 'What a gallring run would erase now, per data class, and the cases kept under a legal hold',
    description: "Your organisation's data only; counts, and for held cases the reference and the reason.",
  })
  @ApiOkResponse({ type: RetentionPreviewDto })
  preview(@CurrentCaller() caller: Caller): Promise<RetentionPreviewDto> {
    return this.retention.preview(caller);
  }

  @Get('runs')
  @RequirePermission('retentionRun.read')
  @ApiOperation({
    summary:
      "The gallring log: the runs that covered your organisation (every nightly run, your admins' manual runs), " +
      'newest first, with what they erased of your organisation (counts only)',
  })
  @ApiOkResponse({ type: pageSchema(RetentionRunDto) })
  @ApiProblems(400)
  runs(@CurrentCaller() caller: Caller, @Query() query: PageQuery): Promise<Page<RetentionRunDto>> {
    return this.retention.runs(caller, query);
  }

  @Post('runs')
  @HttpCode(202)
  @RequirePermission('retention.manage')
  @ApiOperation({
    summary: 'Start a gallring run now',
    description:
      "Answers at once with the run (`running`); it erases what your organisation's rules make due in your " +
      "organisation's data only (other organisations' data waits for the nightly run, as does the access log, " +
      'which is shared and dropped by whole months). 409 while another run is going on. Logged.',
  })
  @ApiAcceptedResponse({ type: RetentionRunDto })
  @ApiProblems(409)
  start(@CurrentCaller() caller: Caller): Promise<RetentionRunDto> {
    return this.retention.start(caller);
  }
}
