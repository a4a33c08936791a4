import { Module } from '@nestjs/common';
import { StudentsModule } from '@app/students';
import { AttendanceController } from './attendance.controller';
import { AttendanceRepository } from './attendance.repository';
import { AttendanceService } from './attendance.service';
import { AttendanceImportModule } from './import/import.module';

/** Lesson attendance, the per-day aggregate, absence figures and bulk imports. */
@Module({
  imports: [StudentsModule, AttendanceImportModule],
  controllers: [AttendanceController],
  providers: [AttendanceService, AttendanceRepository],
  exports: [AttendanceService],
})
export class AttendanceModule {}
