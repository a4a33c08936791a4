import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { ConflictError, NotFoundError } from '@app/http';
import { StudentsService } from '@app/students';
import { ERASURE_REFUSAL_REASONS } from './erasure.dto';
import { ErasureRepository } from './erasure.repository';

/**
 * Erasure on request (GDPR art. 17) of a pupil registered by mistake. Only the database function
 * `erase_student` (owner's, SECURITY DEFINER; migration StudentErasure1795004100000) removes
 * anything (ErasureRepository.eraseStudent, one statement): it locks the pupil, refuses when a
 * statutory duty keeps data (art. 17(3)) and otherwise erases the pupil, guardians, lessons,
 * aggregates and history in this transaction.
 * The access log keeps its rows about the pupil (ids only).
 */
@Injectable()
export class ErasureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly students: StudentsService,
    private readonly access: AccessService,
    private readonly repository: ErasureRepository,
  ) {}

  async erase(caller: Caller, studentId: string): Promise<void> {
    const kept = await this.dataSource.transaction(async (manager) => {
      // The check is logged as `student.erase` in this transaction: it commits with the erasure.
      await this.students.requireStudent(caller, studentId, 'student.erase', 'write', manager);
      const kept = await this.repository.eraseStudent(manager, studentId);
      if (kept === null) throw new NotFoundError('student');
      // A refusal changes nothing; it is logged with its reasons (codes only) and committed.
      if (kept.length) {
        await this.access.logChange(caller, 'student.erase_refused', 'student', [studentId], manager, {
          reasons: kept,
        });
      }
      return kept;
    });
    if (kept.length) {
      throw new ConflictError('The pupil’s data is kept by a statutory duty (GDPR art. 17(3)); nothing was erased.', {
        code: 'erasure-refused',
        reasons: kept.map((code) => ({ code, message: ERASURE_REFUSAL_REASONS[code] })),
      });
    }
  }
}
