import { demoId } from '@app/demo';
import { AccessGroup, only } from '../support/access-table';

/**
 * Data protection (issue 21): the register extract and erasure are the principal's, of the pupil's
 * own school. Everyone else lacks the permission (403); a principal of another school or
 * organisation is refused in test/register-extract.e2e-spec.ts and test/student-erasure.e2e-spec.ts
 * (the demo has no principal at Parkskolan). Erasure is tried on pupil 128, who has a case: the
 * principal gets 409 and nothing is erased.
 */
export const dataProtectionAccess: AccessGroup<{ pupil: string }> = {
  name: 'data protection',
  async setup() {
    return { pupil: demoId('pupil:128') };
  },
  rows: [
    {
      route: 'GET /students/:id/register-extract',
      request: (c) => ({ path: `/students/${c.pupil}/register-extract` }),
      expect: only(['rektor@storsjo.demo'], 200),
    },
    {
      route: 'GET /students/:id/register-extract.html',
      request: (c) => ({ path: `/students/${c.pupil}/register-extract.html` }),
      expect: only(['rektor@storsjo.demo'], 200),
    },
    {
      route: 'DELETE /students/:id',
      request: (c) => ({ path: `/students/${c.pupil}` }),
      expect: only(['rektor@storsjo.demo'], 409),
    },
  ],
  permissions: [
    'GET /students/:id/register-extract → student.registerExtract',
    'GET /students/:id/register-extract.html → student.registerExtract',
    'DELETE /students/:id → student.erase',
  ],
};
