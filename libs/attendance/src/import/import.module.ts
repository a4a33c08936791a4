import { Module } from '@nestjs/common';
import { AttendanceImportController } from './import.controller';
import { AttendanceImportsRepository } from './import.repository';
import { AttendanceImportService } from './import.service';
import { Ss12000LessonsRepository } from './ss12000.repository';

/** Bulk attendance imports (CSV and SS 12000 JSON), streamed through COPY into one transaction. */
@Module({
  controllers: [AttendanceImportController],
  providers: [AttendanceImportService, AttendanceImportsRepository, Ss12000LessonsRepository],
  exports: [AttendanceImportService],
})
export class AttendanceImportModule {}
