import { Module } from '@nestjs/common';
import { StudentsController } from './students.controller';
import { StudentsService } from './students.service';
import { StudentRepository } from './student.repository';
import { StudentUpdateService } from './student-update.service';

/** The pupil register: pupils, guardians, look-up by personnummer. */
@Module({
  controllers: [StudentsController],
  providers: [StudentsService, StudentUpdateService, StudentRepository],
  exports: [StudentsService, StudentRepository],
})
export class StudentsModule {}
