import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems } from '@app/http';
import { AddContributionDto, ContributionDto, EditContributionDto, MappingDto } from './mapping.dto';
import { MappingService } from './mapping.service';

@ApiTags('mapping')
@Controller('cases/:id/mapping')
export class MappingController {
  constructor(private readonly mapping: MappingService) {}

  @Get()
  @RequirePermission('case.read')
  @ApiOperation({
    summary: 'The mapping (kartläggning), section by section',
    description:
      'Outside agencies need consent scope `mapping`; the `health` section also needs `health_notes`. Own contributions are always shown.',
  })
  @ApiOkResponse({ type: MappingDto })
  @ApiProblems(400, 404)
  get(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<MappingDto> {
    return this.mapping.get(caller, id);
  }

  @Post()
  @RequirePermission('mapping.write')
  @ApiOperation({ summary: "Add your agency's contribution to a section, signed with you and your agency" })
  @ApiCreatedResponse({ type: ContributionDto })
  @ApiProblems(400, 404, 409, 422)
  add(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: AddContributionDto,
  ): Promise<ContributionDto> {
    return this.mapping.add(caller, id, dto);
  }

  @Patch(':contributionId')
  @RequirePermission('mapping.write')
  @ApiOperation({ summary: "Edit a contribution: only its own agency's" })
  @ApiOkResponse({ type: ContributionDto })
  @ApiProblems(400, 404, 409, 422)
  edit(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('contributionId', new ParseUUIDPipe()) contributionId: string,
    @Body() dto: EditContributionDto,
  ): Promise<ContributionDto> {
    return this.mapping.edit(caller, id, contributionId, dto);
  }
}
