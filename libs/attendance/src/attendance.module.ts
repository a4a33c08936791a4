import { Module } from '@nestjs/common';
import { StudentsModule } from '@app/students';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { AttendanceImportModule } from './import/import.module';

/** Lesson attendance, the per-day aggregate, absence figures and bulk imports. */
@Module({
  imports: [StudentsModule, AttendanceImportModule],
  controllers: [AttendanceController],
  providers: [AttendanceService],
  exports: [AttendanceService],
})
export class AttendanceModule {}
