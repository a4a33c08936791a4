export * from './personnummer';
export * from './student.dto';
export * from './students.module';
export * from './students.service';
export * from './student.repository';
export * from './student-update.dto';
export * from './student-update.rules';
