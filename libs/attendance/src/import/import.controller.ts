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
import type { FastifyRequest } from 'fastify';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, PageQuery, pageSchema, UnsupportedMediaTypeError } from '@app/http';
import { CSV_COLUMNS } from './csv-reader';
import { ImportDto, ImportErrorDto, ImportQuery } from './import.dto';
import { AttendanceImportService, ImportOptions } from './import.service';
import { encodingFromCharset } from './text-decoder';

/** The request path the JSON body parser leaves alone (apps/api/src/bootstrap.ts): the body streams. */
export const IMPORT_PATH = 'attendance/imports';

/** A `/calendarEvents?expand=attendance` page of SS 12000 v2.1.0, as a school system returns it. */
const SS12000_EXAMPLE = {
  data: [
    {
      id: 'c41e7d0a-3f52-4b8e-8d6e-000000000001',
      meta: { created: '2026-02-09T07:00:00+01:00', modified: '2026-02-09T16:05:00+01:00' },
      activity: { id: '0d6f1f7e-2b8c-4f3e-9a41-7c5e2b1d9f10' },
      startTime: '2026-02-09T08:10:00+01:00',
      endTime: '2026-02-09T09:10:00+01:00',
      cancelled: false,
      teachingLengthStudent: 50,
      _embedded: {
        attendance: [
          {
            id: 'a77d2b90-9c1f-4e3a-b5d4-000000000002',
            meta: { created: '2026-02-09T07:00:00+01:00', modified: '2026-02-09T16:05:00+01:00' },
            calendarEvent: { id: 'c41e7d0a-3f52-4b8e-8d6e-000000000001' },
            student: { id: '5b0f3c36-1c1e-4c7a-9b1a-000000000002' },
            isReported: true,
            attendanceMinutes: 30,
            validAbsenceMinutes: 0,
            invalidAbsenceMinutes: 20,
            absenceReason: 'Försov sig',
          },
        ],
      },
    },
  ],
  pageToken: null,
};

const REF = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } };
const META = {
  type: 'object',
  required: ['created', 'modified'],
  properties: { created: { type: 'string', format: 'date-time' }, modified: { type: 'string', format: 'date-time' } },
};
/** SS 12000 v2.1.0 `Attendance`: it names its lesson (`calendarEvent`) by id only. */
const ATTENDANCE_SCHEMA = {
  type: 'object',
  title: 'Attendance',
  required: ['id', 'meta', 'calendarEvent', 'student', 'isReported'],
  properties: {
    id: { type: 'string', format: 'uuid', description: 'Stored as the lesson’s external id.' },
    meta: META,
    calendarEvent: { ...REF, description: 'The lesson: its times come from the CalendarEvent.' },
    student: { ...REF, description: "The pupil's externalId." },
    isReported: { type: 'boolean', description: 'false: not yet reported, left out of every figure.' },
    attendanceMinutes: { type: 'integer', description: 'Optional: absent means offered − absence.' },
    validAbsenceMinutes: { type: 'integer' },
    invalidAbsenceMinutes: { type: 'integer' },
    otherAttendanceMinutes: { type: 'integer', description: 'Present elsewhere (counts as present).' },
    absenceReason: { type: 'string' },
    reportedTimestamp: { type: 'string', format: 'date-time' },
  },
};
/** SS 12000 v2.1.0 `CalendarEvent` with `expand=attendance`. */
const CALENDAR_EVENT_SCHEMA = {
  type: 'object',
  title: 'CalendarEvent (expand=attendance)',
  required: ['id', 'meta', 'activity', 'startTime', 'endTime'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    meta: META,
    activity: REF,
    startTime: { type: 'string', format: 'date-time', description: 'Lesson date and start, in Europe/Stockholm.' },
    endTime: { type: 'string', format: 'date-time' },
    cancelled: { type: 'boolean', description: 'true removes every lesson of the event.' },
    teachingLengthStudent: { type: 'integer', description: 'Offered minutes; else end − start.' },
    studentExceptions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          student: REF,
          participates: { type: 'boolean' },
          startTime: { type: 'string', format: 'date-time' },
          endTime: { type: 'string', format: 'date-time' },
          teachingLength: { type: 'integer' },
        },
      },
    },
    _embedded: { type: 'object', properties: { attendance: { type: 'array', items: ATTENDANCE_SCHEMA } } },
  },
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
      '**SS 12000 v2.1.0** (`application/json`): a response page as the school system returns it, ' +
      '`{"data": [...], "pageToken": …}`, of `/calendarEvents?expand=attendance` (each CalendarEvent with its ' +
      '`_embedded.attendance`; date and start from `startTime` in Europe/Stockholm, offered minutes from ' +
      '`teachingLengthStudent` or end − start, `studentExceptions`, `cancelled` removes the lessons) or of ' +
      '`/attendances` (each Attendance names its lesson by `calendarEvent.id` only; the event must be known from an ' +
      'earlier page). Pupils are matched by `student.id` = their externalId. `attendanceMinutes` may be absent, ' +
      '`otherAttendanceMinutes` count as present, `isReported: false` is a lesson not yet reported (left out of ' +
      'the figures). A moved lesson is updated, never counted twice.\n\n' +
      'A lesson is identified by pupil, date and start time: importing the same file again changes nothing. ' +
      'By default any invalid row rejects the whole file (422 with the report: line, field, reason, the first ' +
      '100); `?mode=partial` writes the valid rows and reports the rest. A pupil who is not at your school is ' +
      'reported exactly like an unknown one. Nothing is written unless the whole import commits.',
  })
  @ApiConsumes('text/csv', 'application/json')
  @ApiExtraModels(ImportErrorDto)
  @ApiBody({
    required: true,
    description:
      'text/csv: the CSV file as it stands. application/json: an SS 12000 v2.1.0 `/calendarEvents?expand=attendance` ' +
      'or `/attendances` page.',
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
          title: 'SS 12000 v2.1.0 page',
          required: ['data'],
          example: SS12000_EXAMPLE,
          properties: {
            data: { type: 'array', items: { oneOf: [CALENDAR_EVENT_SCHEMA, ATTENDANCE_SCHEMA] } },
            pageToken: { type: 'string', nullable: true },
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
    @Req() request: FastifyRequest,
    @Query() query: ImportQuery,
    @Headers('content-type') contentType?: string,
  ): Promise<ImportDto> {
    const options = importOptions(contentType, query);
    // The body is untouched: bootstrap.ts's parser leaves this route's stream to the import.
    return this.imports.import(caller, request.raw, options);
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
