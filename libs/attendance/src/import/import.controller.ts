import { Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, PageQuery, pageSchema, UnsupportedMediaTypeError } from '@app/http';
import { CSV_COLUMNS } from './csv-reader';
import { ImportDto, ImportErrorDto, ImportQuery } from './import.dto';
import { AttendanceImportService, ImportOptions } from './import.service';
import { encodingFromCharset } from './text-decoder';

/** The request path the JSON body parser leaves alone (apps/api/src/bootstrap.ts): the body streams. */
export const IMPORT_PATH = 'attendance/imports';

const SS12000_EXAMPLE = {
  data: [
    {
      id: '6f1c2a0e-6a43-4f7b-9a8e-2f0b8f1f6d11',
      student: { id: 'demo-12' },
      calendarEvent: { startTime: '2026-01-12T08:10:00+01:00', endTime: '2026-01-12T09:10:00+01:00' },
      attendanceMinutes: 40,
      validAbsenceMinutes: 0,
      invalidAbsenceMinutes: 20,
      absenceReason: 'Kom sent',
    },
  ],
};

function importOptions(contentType: string | undefined, query: ImportQuery): ImportOptions {
  const [mediaType, ...params] = (contentType ?? '').split(';').map((part) => part.trim());
  const charset = params
    .map((p) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(p)?.[1])
    .find((value): value is string => !!value);
  const type = mediaType.toLowerCase();
  const format = type === 'text/csv' ? 'csv' : type === 'application/json' ? 'ss12000' : undefined;
  if (!format) {
    throw new UnsupportedMediaTypeError(
      'Send the file as text/csv (CSV with a header row) or application/json (SS 12000 {"data": [...]}).',
      { accepted: ['text/csv', 'application/json'] },
    );
  }
  const encoding = encodingFromCharset(charset);
  if (!encoding || (format === 'ss12000' && encoding !== 'utf-8' && encoding !== 'detect')) {
    throw new UnsupportedMediaTypeError(
      format === 'csv' ? 'The CSV file must be UTF-8 or Windows-1252.' : 'The JSON file must be UTF-8.',
    );
  }
  return { format, mode: query.mode ?? 'all_or_nothing', encoding: format === 'csv' ? encoding : 'utf-8' };
}

@ApiTags('attendance')
@Controller(IMPORT_PATH)
export class AttendanceImportController {
  constructor(private readonly imports: AttendanceImportService) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('attendance.import')
  @ApiOperation({
    summary: "Import lesson attendance of the caller's school (CSV or SS 12000 JSON), streamed",
    description:
      `**CSV** (\`text/csv\`): header \`${CSV_COLUMNS.join(',')}\`, comma- or semicolon-separated, quoted fields ` +
      'as in RFC 4180; UTF-8 (with or without BOM) or Windows-1252 (detected from the first 64 KiB, or named by ' +
      '`charset=`). Pupils are matched by personnummer; attended minutes = offered − valid − invalid absence.\n\n' +
      '**SS 12000** (`application/json`): `{"data": [attendance objects]}` with `id`, `student.id` (the pupil\'s ' +
      'externalId), `calendarEvent.startTime`/`endTime` (ISO 8601; the lesson date and start are taken in ' +
      "Europe/Stockholm time, offered minutes are the event's length), `attendanceMinutes`, " +
      '`validAbsenceMinutes`, `invalidAbsenceMinutes`, `absenceReason`.\n\n' +
      'A lesson is identified by pupil, date and start time: importing the same file again changes nothing. ' +
      'By default any invalid row rejects the whole file (422 with the report: line, field, reason, the first ' +
      '100); `?mode=partial` writes the valid rows and reports the rest. A pupil who is not at your school is ' +
      'reported exactly like an unknown one. Nothing is written unless the whole import commits.',
  })
  @ApiConsumes('text/csv', 'application/json')
  @ApiExtraModels(ImportErrorDto)
  @ApiBody({
    required: true,
    description: 'text/csv: the CSV file as it stands. application/json: `{"data": [SS 12000 attendance objects]}`.',
    schema: {
      oneOf: [
        {
          type: 'string',
          format: 'binary',
          title: 'CSV',
          example: `${CSV_COLUMNS.join(',')}\nabc-1,20120315-1234,2026-01-12,08:10,60,0,20,Kom sent\n`,
        },
        {
          type: 'object',
          title: 'SS 12000',
          required: ['data'],
          example: SS12000_EXAMPLE,
          properties: {
            data: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'student', 'calendarEvent', 'attendanceMinutes'],
                properties: {
                  id: { type: 'string', description: "The school system's id of the record (stored as external id)." },
                  student: {
                    type: 'object',
                    properties: { id: { type: 'string', description: "The pupil's externalId." } },
                  },
                  calendarEvent: {
                    type: 'object',
                    properties: {
                      startTime: { type: 'string', format: 'date-time' },
                      endTime: { type: 'string', format: 'date-time' },
                    },
                  },
                  attendanceMinutes: { type: 'integer' },
                  validAbsenceMinutes: { type: 'integer', default: 0 },
                  invalidAbsenceMinutes: { type: 'integer', default: 0 },
                  absenceReason: { type: 'string', nullable: true },
                },
              },
            },
          },
        },
      ],
    },
  })
  @ApiCreatedResponse({
    type: ImportDto,
    description: 'Imported (with `?mode=partial`, the rejected rows are in `errors`).',
  })
  @ApiProblems(400, 403, 415, 503)
  @ApiResponse({
    status: 422,
    description:
      'All-or-nothing rejected the file (or it is unreadable: truncated JSON, bad encoding): problem details ' +
      'with `importId`, `rowsTotal`, `rowsRejected` and `errors` [{ line, field, reason }]. Nothing was written.',
    content: {
      'application/problem+json': {
        schema: {
          type: 'object',
          properties: {
            importId: { type: 'string', format: 'uuid' },
            rowsTotal: { type: 'integer' },
            rowsRejected: { type: 'integer' },
            errors: { type: 'array', items: { $ref: getSchemaPath(ImportErrorDto) } },
          },
        },
      },
    },
  })
  create(
    @CurrentCaller() caller: Caller,
    @Req() request: Request,
    @Query() query: ImportQuery,
    @Headers('content-type') contentType?: string,
  ): Promise<ImportDto> {
    const options = importOptions(contentType, query);
    return this.imports.import(caller, request, options);
  }

  @Get()
  @RequirePermission('attendance.import')
  @ApiOperation({ summary: 'Earlier imports of your own school, newest first, with status and report' })
  @ApiOkResponse({ type: pageSchema(ImportDto) })
  @ApiProblems(400)
  list(@CurrentCaller() caller: Caller, @Query() query: PageQuery): Promise<Page<ImportDto>> {
    return this.imports.list(caller, query);
  }

  @Get(':id')
  @RequirePermission('attendance.import')
  @ApiOperation({ summary: 'Status and report of an import (staff of the same school)' })
  @ApiOkResponse({ type: ImportDto })
  @ApiProblems(400, 404)
  get(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<ImportDto> {
    return this.imports.get(caller, id);
  }
}
