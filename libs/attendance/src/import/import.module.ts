import { Module } from '@nestjs/common';

/** Bulk attendance imports (CSV and SS 12000 JSON). */
@Module({})
export class AttendanceImportModule {}
