import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, PageQuery, pageSchema } from '@app/http';
import { AgencyDto, CreateAgencyDto } from './agencies.dto';
import { AgenciesService } from './agencies.service';

@ApiTags('agencies')
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @RequirePermission('agency.list')
  @ApiOperation({ summary: 'Agencies (enheter) of your own organisation.' })
  @ApiOkResponse({ type: pageSchema(AgencyDto) })
  @ApiProblems(400)
  list(@CurrentCaller() caller: Caller, @Query() query: PageQuery): Promise<Page<AgencyDto>> {
    return this.agencies.listOwn(caller, query);
  }

  @Post()
  @RequirePermission('agency.create')
  @ApiOperation({ summary: 'Create an agency in your own organisation.' })
  @ApiCreatedResponse({ type: AgencyDto })
  @ApiProblems(400, 409, 422)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateAgencyDto): Promise<AgencyDto> {
    return this.agencies.create(caller, dto);
  }
}
