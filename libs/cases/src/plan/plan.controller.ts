import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply as Response } from 'fastify';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, DomainError, Page, PageQuery, pageSchema } from '@app/http';
import { etagOf } from './etag';
import {
  AgreePlanDto,
  PatchActionDto,
  PlanDto,
  PlanVersionDto,
  PlanVersionSummaryDto,
  PutPlanDto,
  WorkListItemDto,
  WorkListQuery,
} from './plan.dto';
import { PlanActionsService } from './plan-actions.service';
import { PlanService } from './plan.service';

const IF_MATCH = {
  name: 'If-Match',
  description: 'The ETag of the plan as you read it (`"7"`); `*` is refused. A stale one gets 412.',
};

/** A 412 also says, in its ETag header, which version is current. */
async function withEtag<T extends { version: number }>(res: Response, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    res.header('ETag', etagOf(result.version));
    return result;
  } catch (error) {
    const current = (error as DomainError)?.extensions?.currentVersion;
    if (error instanceof DomainError && error.status === 412 && typeof current === 'number') {
      res.header('ETag', etagOf(current));
    }
    throw error;
  }
}

/** PATCH of an action: the ETag header is the action's own (also on its 412). */
async function withActionEtag(res: Response, actionId: string, work: () => Promise<PlanDto>): Promise<PlanDto> {
  try {
    const plan = await work();
    const action = plan.actions.find((a) => a.id === actionId);
    if (action) res.header('ETag', action.etag);
    return plan;
  } catch (error) {
    const current = (error as DomainError)?.extensions?.currentEtag;
    if (error instanceof DomainError && error.status === 412 && typeof current === 'string') {
      res.header('ETag', current);
    }
    throw error;
  }
}

@ApiTags('plan')
@Controller('cases/:id/plan')
export class PlanController {
  constructor(
    private readonly plans: PlanService,
    private readonly actions: PlanActionsService,
  ) {}

  @Get()
  @RequirePermission('case.read')
  @ApiOperation({
    summary: 'The shared action plan (SIP): goals, actions, views, review dates, agreement',
    description: 'Returns the `ETag` to send as `If-Match` with a change. Outside agencies need consent scope `plan`.',
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiProblems(400, 404)
  get(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanDto> {
    return withEtag(res, () => this.plans.get(caller, id));
  }

  @Put()
  @RequirePermission('plan.write')
  @ApiOperation({
    summary: 'Create (201, no If-Match) or replace (200, If-Match required) the plan: the coordinator only',
    description:
      'Goals and actions are matched by `id`; one left out is removed (its id stays in older versions). ' +
      'Actions belong to the school or an agency mobilised into the case. An `If-Match` that is stale only by ' +
      "agencies' updates of their own actions still passes: those actions must come back as read (their " +
      "agency's status is kept); changing or removing one of them is 412 with `conflictingActions`.",
  })
  @ApiHeader({ ...IF_MATCH, required: false })
  @ApiCreatedResponse({ type: PlanDto, description: 'The plan was created.' })
  @ApiOkResponse({ type: PlanDto, description: 'The plan was replaced.' })
  @ApiProblems(400, 404, 409, 412, 422, 428)
  async put(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: PutPlanDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    // Not passthrough: the status (201 or 200) depends on whether the plan existed.
    const { plan, created } = await withEtag(res, async () => {
      const result = await this.plans.put(caller, id, dto, ifMatch);
      return { ...result, version: result.plan.version };
    });
    void res.code(created ? 201 : 200).send(plan);
  }

  @Patch('actions/:actionId')
  @RequirePermission('planAction.update')
  @ApiOperation({
    summary: "Update the status or add a progress note to one of your agency's actions",
    description:
      'Nothing else of an action changes here; the coordinator edits actions with PUT. `If-Match` is the ' +
      'action\'s own ETag (`etag` in the plan, `"a3"`): changes elsewhere in the plan do not make it stale, ' +
      'a change of this action does (412, with the current one in `ETag` and `currentEtag`). The answer is the ' +
      "plan, with the action's new ETag in the `ETag` header. The coordinator's plan ETag stays usable for a PUT.",
  })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The ETag of the action as you read it (`"a3"`); `*` is refused. A stale one gets 412.',
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiProblems(400, 404, 409, 412, 422, 428)
  updateAction(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('actionId', new ParseUUIDPipe()) actionId: string,
    @Body() dto: PatchActionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanDto> {
    return withActionEtag(res, actionId, () => this.actions.updateAction(caller, id, actionId, dto, ifMatch));
  }

  @Post('agreements')
  @RequirePermission('plan.write')
  @ApiOperation({
    summary: 'Record who agreed to the plan version named in If-Match (pupil, guardians, agencies)',
    description: 'The first agreement sets the case’s “plan agreed” time, where its lead time ends.',
  })
  @ApiHeader({ ...IF_MATCH, required: true })
  @ApiCreatedResponse({ type: PlanDto })
  @ApiProblems(400, 404, 409, 412, 422, 428)
  agree(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: AgreePlanDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanDto> {
    return withEtag(res, () => this.plans.agree(caller, id, dto, ifMatch));
  }

  @Get('versions')
  @RequirePermission('case.read')
  @ApiOperation({ summary: 'Every version of the plan, newest first: who changed what kind of thing, when' })
  @ApiOkResponse({ type: pageSchema(PlanVersionSummaryDto) })
  @ApiProblems(400, 404)
  async versions(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PageQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Page<PlanVersionSummaryDto>> {
    const { page, current } = await this.plans.versions(caller, id, query);
    res.header('ETag', etagOf(current));
    return page;
  }

  @Get('versions/:n')
  @RequirePermission('case.read')
  @ApiOperation({ summary: 'One version of the plan as it was' })
  @ApiOkResponse({ type: PlanVersionDto })
  @ApiProblems(400, 404)
  version(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('n', new ParseIntPipe()) n: number,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PlanVersionDto> {
    return withEtag(res, () => this.plans.version(caller, id, n));
  }
}

@ApiTags('plan')
@Controller('actions')
export class ActionsController {
  constructor(private readonly actions: PlanActionsService) {}

  @Get()
  @RequirePermission('actions.read')
  @ApiOperation({
    summary: 'Work list: the plan actions assigned to you (mine=true) or your agency (agency=true), by due date',
    description:
      'Across the open cases you may see (outside agencies: consent in force covering `plan`). ' +
      '`due`: due today or within 7 days; `overdue`: past its due date; both only while not done or cancelled.',
  })
  @ApiOkResponse({ type: pageSchema(WorkListItemDto) })
  @ApiProblems(400)
  list(@CurrentCaller() caller: Caller, @Query() query: WorkListQuery): Promise<Page<WorkListItemDto>> {
    return this.actions.workList(caller, query);
  }
}
