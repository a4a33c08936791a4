import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems } from '@app/http';
import { PlanPrintService } from './plan-print.service';

@ApiTags('plan')
@Controller('cases/:id')
export class PlanPrintController {
  constructor(private readonly print: PlanPrintService) {}

  @Get('plan.html')
  @RequirePermission('case.read')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/html')
  @ApiOperation({
    summary:
      'The plan as a printable page in Swedish (Samordnad plan) for the family; outside agencies need consent scope plan',
  })
  @ApiOkResponse({ content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiProblems(400, 403, 404)
  html(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<string> {
    return this.print.html(caller, id);
  }
}
