export * from './absence-figures';
export * from './attendance-days';
export * from './attendance.module';
export * from './attendance.service';
export * from './lesson-rules';
