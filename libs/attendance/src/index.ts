export * from './absence-figures';
export * from './attendance-days';
export * from './attendance.module';
export * from './attendance.service';
export * from './lesson-rules';
export { AttendanceImportModule } from './import/import.module';
export { AttendanceImportService } from './import/import.service';
export type { ImportActor } from './import/import.service';
export type { ImportDto } from './import/import.dto';
