import { consentInForce, ConsentFacts, decide, scopeCondition } from './access-policy';
import type { AgencyType, Caller } from './caller';
import { permissionsFor, Role } from './permissions';

const SCHOOL_A = 'school-a';
const SCHOOL_B = 'school-b';
const SOC = 'soc';
const BUP = 'bup';

function caller(roles: Role[], agencyId: string, agencyType: AgencyType, organisationId = 'municipality'): Caller {
  return {
    userId: `${roles[0]}@${agencyId}`,
    username: 'u',
    displayName: 'U',
    roles,
    permissions: permissionsFor(roles),
    agencyId,
    agencyType,
    agencyName: agencyId,
    organisationId,
    sessionId: 's',
  };
}

const now = new Date('2026-11-23T12:00:00Z');
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const consent = (agencyId: string, extra: Partial<ConsentFacts> = {}): ConsentFacts => ({
  agencyId,
  scope: ['case_summary'],
  givenAt: '2026-11-01',
  validUntil: null,
  withdrawnAt: null,
  ...extra,
});

describe('decide: pupils (rule 1)', () => {
  it.each([
    [caller(['school_staff'], SCHOOL_A, 'school'), 'allow'],
    [caller(['principal'], SCHOOL_A, 'school'), 'allow'],
    [caller(['elevhalsa'], SCHOOL_A, 'school'), 'allow'],
    [caller(['school_staff'], SCHOOL_B, 'school'), 'hidden'],
    [caller(['agency_worker'], SOC, 'social_services'), 'hidden'],
    [caller(['admin'], SCHOOL_A, 'school'), 'hidden'],
    [caller(['auditor'], SCHOOL_A, 'school'), 'hidden'],
  ])('%#: a pupil of school A is %s', (who, decision) => {
    expect(decide(who, 'read', { type: 'student', schoolId: SCHOOL_A })).toBe(decision);
  });
});

describe('decide: cases (rules 2, 3, 4)', () => {
  const kase = (mobilised: string[], consents: ConsentFacts[], closed = false, followUpAgencyIds: string[] = []) => ({
    type: 'case' as const,
    schoolId: SCHOOL_A,
    mobilisedAgencyIds: mobilised,
    consents,
    closed,
    followUpAgencyIds,
  });

  it("lets the school's elevhälsa and principal in, and tells a mentor no (403) rather than pretending", () => {
    expect(decide(caller(['elevhalsa'], SCHOOL_A, 'school'), 'write', kase([], []), now)).toBe('allow');
    expect(decide(caller(['principal'], SCHOOL_A, 'school'), 'read', kase([], []), now)).toBe('allow');
    expect(decide(caller(['school_staff'], SCHOOL_A, 'school'), 'read', kase([], []), now)).toBe('forbidden');
    expect(decide(caller(['elevhalsa'], SCHOOL_B, 'school'), 'read', kase([], []), now)).toBe('hidden');
  });

  it('lets an outside agency read only while mobilised AND consent for it is in force', () => {
    const soc = caller(['agency_worker'], SOC, 'social_services');
    expect(decide(soc, 'read', kase([SOC], [consent(SOC)]), now)).toBe('allow');
    expect(decide(soc, 'read', kase([SOC], []), now)).toBe('hidden');
    expect(decide(soc, 'read', kase([], [consent(SOC)]), now)).toBe('hidden');
    expect(decide(soc, 'read', kase([SOC], [consent(BUP)]), now)).toBe('hidden');
    expect(decide(soc, 'read', kase([SOC], [consent(SOC, { withdrawnAt: day('2026-11-20') })]), now)).toBe('hidden');
    expect(decide(soc, 'read', kase([SOC], [consent(SOC, { validUntil: '2026-11-22' })]), now)).toBe('hidden');
    // It may read but not change the case itself; its own contributions are separate subjects.
    expect(decide(soc, 'write', kase([SOC], [consent(SOC)]), now)).toBe('forbidden');
  });

  it('never lets administrators or auditors read case content (rule 4)', () => {
    expect(decide(caller(['admin'], SOC, 'social_services'), 'read', kase([SOC], [consent(SOC)]), now)).toBe('hidden');
    expect(decide(caller(['auditor'], SOC, 'social_services'), 'read', kase([SOC], [consent(SOC)]), now)).toBe(
      'hidden',
    );
  });
});

describe('decide: closed cases and their follow-ups', () => {
  const soc = caller(['agency_worker'], SOC, 'social_services');
  const closedCase = (followUpAgencyIds: string[], consents = [consent(SOC)]) => ({
    type: 'case' as const,
    schoolId: SCHOOL_A,
    mobilisedAgencyIds: [SOC],
    consents,
    closed: true,
    followUpAgencyIds,
  });

  it('ends every outside agency’s access when the case closes, consent or not; the school keeps it', () => {
    expect(decide(soc, 'read', closedCase([SOC]), now)).toBe('hidden');
    expect(decide(caller(['principal'], SCHOOL_A, 'school'), 'read', closedCase([]), now)).toBe('allow');
  });

  it('opens the follow-ups of a closed case only to an agency one names, with consent in force', () => {
    const followUps = (c: ReturnType<typeof closedCase>) => ({ type: 'case-follow-ups' as const, case: c });
    expect(decide(soc, 'read', followUps(closedCase([SOC])), now)).toBe('allow');
    expect(decide(soc, 'read', followUps(closedCase([BUP])), now)).toBe('hidden');
    expect(decide(soc, 'read', followUps(closedCase([SOC], [consent(SOC, { withdrawnAt: now })])), now)).toBe('hidden');
    expect(decide(soc, 'write', followUps(closedCase([SOC])), now)).toBe('hidden');
    expect(decide(caller(['admin'], SOC, 'social_services'), 'read', followUps(closedCase([SOC])), now)).toBe('hidden');
    expect(decide(caller(['elevhalsa'], SCHOOL_A, 'school'), 'read', followUps(closedCase([])), now)).toBe('allow');
  });
});

describe('consentInForce', () => {
  it('runs from the day given until expiry or withdrawal', () => {
    expect(consentInForce(consent(SOC), now)).toBe(true);
    expect(consentInForce(consent(SOC, { givenAt: '2026-12-01' }), now)).toBe(false);
    expect(consentInForce(consent(SOC, { validUntil: '2026-11-30' }), now)).toBe(true);
    expect(consentInForce(consent(SOC, { validUntil: '2026-11-23' }), now)).toBe(true); // the last valid day counts
    expect(consentInForce(consent(SOC, { validUntil: '2026-11-22' }), now)).toBe(false);
    expect(consentInForce(consent(SOC, { withdrawnAt: now }), now)).toBe(false);
  });
});

describe('decide: organisation members', () => {
  it('lets an admin manage their own organisation only', () => {
    expect(
      decide(caller(['admin'], SOC, 'social_services', 'municipality'), 'write', {
        type: 'organisation-member',
        organisationId: 'municipality',
      }),
    ).toBe('allow');
    expect(
      decide(caller(['admin'], BUP, 'bup', 'region'), 'read', {
        type: 'organisation-member',
        organisationId: 'municipality',
      }),
    ).toBe('hidden');
    expect(
      decide(caller(['auditor'], SOC, 'social_services', 'municipality'), 'read', {
        type: 'organisation-member',
        organisationId: 'municipality',
      }),
    ).toBe('hidden');
  });
});

describe('scopeCondition', () => {
  it("limits school staff's pupil lists to their own school, and everyone else's to nothing", () => {
    expect(scopeCondition(caller(['school_staff'], SCHOOL_A, 'school'), 'student', 's.school_id', 3)).toEqual({
      sql: 's.school_id = $3',
      params: [SCHOOL_A],
    });
    expect(scopeCondition(caller(['agency_worker'], SOC, 'social_services'), 'student', 's.school_id')).toEqual({
      sql: 'false',
      params: [],
    });
    expect(
      scopeCondition(caller(['admin'], SOC, 'social_services', 'region'), 'organisation-member', 'a.organisation_id'),
    ).toEqual({ sql: 'a.organisation_id = $1', params: ['region'] });
  });
});
