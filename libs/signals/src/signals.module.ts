import { Module } from '@nestjs/common';
import { AttendanceModule } from '@app/attendance';
import { StudentsModule } from '@app/students';

/** Absence rules, the watch list, flags to elevhälsa, absence investigations and guardian notices. */
@Module({
  imports: [StudentsModule, AttendanceModule],
})
export class SignalsModule {}
