import { Module } from '@nestjs/common';
import { AccessLogSearchController } from './access-log-search/access-log-search.controller';
import { AccessLogSearchRepository } from './access-log-search/access-log-search.repository';
import { AccessLogSearchService } from './access-log-search/access-log-search.service';
import { StudentsController } from './students.controller';
import { StudentsService } from './students.service';
import { StudentRepository } from './student.repository';
import { StudentUpdateService } from './student-update.service';

/** The pupil register: pupils, guardians, look-up by personnummer (also the access-log search by pupil). */
@Module({
  controllers: [StudentsController, AccessLogSearchController],
  providers: [
    StudentsService,
    StudentUpdateService,
    StudentRepository,
    AccessLogSearchService,
    AccessLogSearchRepository,
  ],
  exports: [StudentsService, StudentRepository],
})
export class StudentsModule {}
