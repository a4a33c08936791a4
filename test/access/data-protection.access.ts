import { demoId } from '@app/demo';
import { AccessGroup, only } from '../support/access-table';

/**
 * Data protection (issue 21): the register extract is the principal's, of the pupil's own school.
 * Everyone else lacks the permission (403); a principal of another school is refused in
 * test/register-extract.e2e-spec.ts (the demo has no principal at Parkskolan).
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
  ],
  permissions: [
    'GET /students/:id/register-extract → student.registerExtract',
    'GET /students/:id/register-extract.html → student.registerExtract',
  ],
};
