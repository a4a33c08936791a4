import { Injectable } from '@nestjs/common';
import { sqlRow } from '@app/database';
import { EntityManager } from 'typeorm';
import { ErasureRefusalCode } from './erasure.dto';

@Injectable()
export class ErasureRepository {
  /**
   * Erases the pupil in one statement, the database function `erase_student` (owner's, SECURITY
   * DEFINER; migration StudentErasure1795004100000): it locks the pupil, and either answers the
   * reasons a statutory duty keeps the data (nothing erased) or erases pupil, guardians, lessons,
   * aggregates and history and answers []. Null: no such pupil.
   */
  async eraseStudent(tx: EntityManager, studentId: string): Promise<ErasureRefusalCode[] | null> {
    const row = await sqlRow<{ kept: ErasureRefusalCode[] | null }>(tx, `SELECT erase_student($1) AS kept`, [
      studentId,
    ]);
    return row!.kept;
  }
}
