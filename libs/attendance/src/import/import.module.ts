import { Module } from '@nestjs/common';
import { AttendanceImportController } from './import.controller';
import { AttendanceImportService } from './import.service';

/** Bulk attendance imports (CSV and SS 12000 JSON), streamed through COPY into one transaction. */
@Module({
  controllers: [AttendanceImportController],
  providers: [AttendanceImportService],
  exports: [AttendanceImportService],
})
export class AttendanceImportModule {}
