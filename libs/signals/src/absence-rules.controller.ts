import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems } from '@app/http';
import { AbsenceRuleDto, AbsenceRuleListDto, ParamBoundsDto, UpdateAbsenceRuleDto } from './absence-rules.dto';
import { AbsenceRulesService } from './absence-rules.service';

@ApiTags('signals')
@ApiExtraModels(ParamBoundsDto)
@Controller('absence-rules')
export class AbsenceRulesController {
  constructor(private readonly rules: AbsenceRulesService) {}

  @Get()
  @RequirePermission('absenceRule.read')
  @ApiOperation({
    summary: "Your organisation's absence rules (frånvarosignaler) as they apply",
    description:
      'The four rules that put a pupil on the watch list: `absence_share` (default ≥ 10 % absence over the last 4 weeks), ' +
      '`invalid_streak` (≥ 3 consecutive school days with invalid absence), `weekday_pattern` (the same weekday missed ' +
      'in ≥ 3 of the last 4 weeks) and `rising_trend` (absence rising 3 complete weeks in a row). Each shows the default, ' +
      'the bounds, and whether your organisation overrides it.',
  })
  @ApiOkResponse({ type: AbsenceRuleListDto })
  async list(@CurrentCaller() caller: Caller): Promise<AbsenceRuleListDto> {
    return { items: await this.rules.list(caller) };
  }

  @Put(':kind')
  @RequirePermission('absenceRule.update')
  @ApiOperation({
    summary: 'Change one rule for your organisation (principal, within bounds)',
    description:
      'Stores an override of the default for every school of your organisation and logs the change. ' +
      'Parameters outside the bounds are a 400 naming the field (`params.percent`); an unknown kind is a 404.',
  })
  @ApiOkResponse({ type: AbsenceRuleDto })
  @ApiProblems(400, 404)
  update(
    @CurrentCaller() caller: Caller,
    @Param('kind') kind: string,
    @Body() dto: UpdateAbsenceRuleDto,
  ): Promise<AbsenceRuleDto> {
    return this.rules.update(caller, kind, dto);
  }
}
