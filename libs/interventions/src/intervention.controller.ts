import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, pageSchema } from '@app/http';
import {
  CreateInterventionDto,
  InterventionDto,
  InterventionListQuery,
  UpdateInterventionDto,
} from './intervention.dto';
import { InterventionService } from './intervention.service';

@ApiTags('interventions')
@Controller('interventions')
export class InterventionController {
  constructor(private readonly interventions: InterventionService) {}

  @Get()
  @RequirePermission('intervention.read')
  @ApiOperation({
    summary:
      "Your organisation's intervention catalogue (insatskatalog), by name; retired ones included unless filtered",
  })
  @ApiOkResponse({ type: pageSchema(InterventionDto) })
  @ApiProblems(400)
  list(@CurrentCaller() caller: Caller, @Query() query: InterventionListQuery): Promise<Page<InterventionDto>> {
    return this.interventions.list(caller, query);
  }

  @Post()
  @RequirePermission('intervention.manage')
  @ApiOperation({ summary: 'Add an intervention (insats) to your organisation’s catalogue (admin)' })
  @ApiCreatedResponse({ type: InterventionDto })
  @ApiProblems(400, 409)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateInterventionDto): Promise<InterventionDto> {
    return this.interventions.create(caller, dto);
  }

  @Patch(':id')
  @RequirePermission('intervention.manage')
  @ApiOperation({
    summary:
      'Change an intervention of your organisation’s catalogue (admin); `active: false` retires it, kept for history',
  })
  @ApiOkResponse({ type: InterventionDto })
  @ApiProblems(400, 404, 409)
  update(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateInterventionDto,
  ): Promise<InterventionDto> {
    return this.interventions.update(caller, id, dto);
  }
}
