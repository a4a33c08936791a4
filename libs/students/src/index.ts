export * from './personnummer';
export * from './student.dto';
export * from './students.module';
export * from './students.service';
