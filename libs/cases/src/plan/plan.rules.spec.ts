import type { PlanDto } from './plan.dto';
import {
  actionPatchNote,
  caseAgencies,
  isAgreementInFuture,
  isWorkListModeValid,
  mergeStaleActions,
  newlyAssigned,
  participantErrors,
  PlanInput,
  planInputErrors,
  planReferenceErrors,
  PlanReferences,
  ReadAction,
  readActionOf,
  SentAction,
  versionSnapshot,
  withNames,
} from './plan.rules';

const read = (id: string, version = 1, overrides: Partial<ReadAction> = {}): ReadAction => ({
  id,
  version,
  description: 'Samtal.',
  agencyId: 'soc',
  responsibleUserId: null,
  startDate: null,
  dueDate: '2099-01-31',
  status: 'planned',
  ...overrides,
});
const sent = (id: string, overrides: Partial<SentAction> = {}): SentAction => ({
  id,
  description: 'Samtal.',
  agencyId: 'soc',
  dueDate: '2099-01-31',
  status: 'planned',
  ...overrides,
});

describe('mergeStaleActions', () => {
  it('keeps the status of an action an agency changed since, when the PUT sends it back as read', () => {
    const current = new Map([
      ['a', { version: 2, status: 'done' as const }],
      ['b', { version: 1, status: 'planned' as const }],
    ]);
    const merge = mergeStaleActions([read('a'), read('b')], current, [sent('a'), sent('b', { description: 'Nytt.' })]);
    expect(merge).toEqual({ ok: true, keepStatus: new Map([['a', 'done']]) });
  });

  it('refuses a PUT that changes or removes an action changed since', () => {
    const current = new Map([
      ['a', { version: 3, status: 'in_progress' as const }],
      ['b', { version: 2, status: 'done' as const }],
    ]);
    const merge = mergeStaleActions([read('a'), read('b')], current, [sent('a', { status: 'cancelled' })]);
    expect(merge).toEqual({ ok: false, conflicting: ['a', 'b'] });
  });

  it('compares trimmed text and absent optional fields as null', () => {
    const current = new Map([['a', { version: 2, status: 'done' as const }]]);
    expect(mergeStaleActions([read('a')], current, [sent('a', { description: ' Samtal. ' })]).ok).toBe(true);
    expect(
      mergeStaleActions([read('a', 1, { startDate: '2099-01-01' })], current, [sent('a', { startDate: undefined })]).ok,
    ).toBe(false);
  });

  it('reads an action of an old snapshot (no version) as version 1', () => {
    expect(
      readActionOf({
        id: 'a',
        description: 'x',
        agency: { id: 'soc' },
        responsible: null,
        startDate: null,
        dueDate: '2099-01-31',
        status: 'planned',
      }).version,
    ).toBe(1);
  });
});

const input = (overrides: Partial<PlanInput> = {}): PlanInput => ({
  goals: [{ text: 'Eleven är i skolan varje dag.', target: { attendancePercent: 80 } }],
  actions: [sent('a')],
  reviewDates: ['2099-02-15'],
  ...overrides,
});
const fields = (errors: { field: string; code: string }[]) => errors.map((e) => `${e.field}:${e.code}`);

describe('planInputErrors', () => {
  it('accepts a plan with text, a target, dates in order and distinct ids', () => {
    expect(planInputErrors(input())).toEqual([]);
    expect(planInputErrors(input({ actions: [sent('a', { startDate: '2099-01-31' })] }))).toEqual([]);
  });

  it('names each blank text, empty target, action due before its start and id sent twice', () => {
    const errors = planInputErrors({
      goals: [
        { id: 'g', text: '  ', target: {} },
        { id: 'g', text: 'Mål.' },
      ],
      actions: [sent('a', { description: ' ', startDate: '2099-02-01' }), sent('a')],
    });
    expect(fields(errors)).toEqual([
      'goals.0.text:blank',
      'goals.0.target:one-of-required',
      'goals.1.id:duplicate',
      'actions.0.description:blank',
      'actions.0.dueDate:before-start',
      'actions.1.id:duplicate',
    ]);
  });
});

describe('planReferenceErrors', () => {
  const known = (overrides: Partial<PlanReferences> = {}): PlanReferences => ({
    goalIds: new Set(['g']),
    actionIds: new Set(['a']),
    agencies: new Set(['school', 'soc']),
    users: [{ id: 'u', agency_id: 'soc' }],
    interventions: [
      { id: 'active', active: true, actions: [] },
      { id: 'retired', active: false, actions: ['a'] },
    ],
    ...overrides,
  });

  it('accepts ids of the plan, an agency of the case, its user and a usable intervention', () => {
    const dto = input({
      goals: [{ id: 'g', text: 'Mål.' }],
      actions: [
        { ...sent('a'), responsibleUserId: 'u', interventionId: 'retired' },
        { ...sent(''), id: undefined, interventionId: 'active' },
      ],
    });
    expect(planReferenceErrors(dto, known())).toEqual([]);
  });

  it('names foreign ids, agencies outside the case, users of another agency and retired interventions', () => {
    const dto = input({
      goals: [{ id: 'other', text: 'Mål.' }],
      actions: [
        { ...sent('other'), agencyId: 'bup' },
        { ...sent('a'), responsibleUserId: 'u', agencyId: 'school' },
        { ...sent(''), id: undefined, interventionId: 'retired' },
        { ...sent(''), id: undefined, interventionId: 'elsewhere' },
      ],
    });
    expect(fields(planReferenceErrors(dto, known()))).toEqual([
      'goals.0.id:not-in-plan',
      'actions.0.id:not-in-plan',
      'actions.0.agencyId:not-in-case',
      'actions.1.responsibleUserId:not-a-member',
      'actions.2.interventionId:not-in-catalogue',
      'actions.3.interventionId:not-in-catalogue',
    ]);
  });
});

describe('agreement, patch and work-list checks', () => {
  it('takes the school and the mobilised agencies as the agencies of the case', () => {
    expect([...caseAgencies({ schoolId: 'school', subject: { mobilisedAgencyIds: ['soc', 'bup'] } })]).toEqual([
      'school',
      'soc',
      'bup',
    ]);
  });

  it('wants an agency of the case for an agency participant, and none for the family', () => {
    const agencies = new Set(['school', 'soc']);
    expect(participantErrors([{ participant: 'agency', agencyId: 'soc' }, { participant: 'pupil' }], agencies)).toEqual(
      [],
    );
    expect(
      fields(
        participantErrors(
          [
            { participant: 'agency', agencyId: 'bup' },
            { participant: 'agency' },
            { participant: 'guardian', agencyId: 'soc' },
          ],
          agencies,
        ),
      ),
    ).toEqual([
      'participants.0.agencyId:not-in-case',
      'participants.1.agencyId:not-in-case',
      'participants.2.agencyId:not-allowed-here',
    ]);
  });

  it('allows an agreement up to five minutes ahead of the clock, not later and not an invalid time', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(isAgreementInFuture(new Date('2026-03-01T10:04:59Z'), now)).toBe(false);
    expect(isAgreementInFuture(new Date('2026-03-01T10:05:01Z'), now)).toBe(true);
    expect(isAgreementInFuture(new Date('not a time'), now)).toBe(true);
  });

  it('wants a status or a note on a PATCH, and a note that is not blank', () => {
    expect(actionPatchNote({})).toEqual({ ok: false, problem: 'none' });
    expect(actionPatchNote({ progressNote: '  ' })).toEqual({ ok: false, problem: 'blank' });
    expect(actionPatchNote({ status: 'done' })).toEqual({ ok: true, note: undefined });
    expect(actionPatchNote({ progressNote: ' Ringt. ' })).toEqual({ ok: true, note: 'Ringt.' });
  });

  it('lists either mine or the agency, exactly one', () => {
    expect(isWorkListModeValid(true, false)).toBe(true);
    expect(isWorkListModeValid(false, true)).toBe(true);
    expect(isWorkListModeValid(true, true)).toBe(false);
    expect(isWorkListModeValid(false, false)).toBe(false);
  });
});

describe('versions, assignments and names', () => {
  const plan = (overrides: Partial<PlanDto> = {}): PlanDto =>
    ({
      agreedVersion: null,
      changedSinceAgreement: false,
      agreements: [
        { participant: 'pupil', name: 'Elev' },
        { participant: 'guardian', name: 'Förälder' },
        { participant: 'agency', name: 'Handläggare' },
      ],
      ...overrides,
    }) as PlanDto;

  it('marks a replace after an agreement as changed since, already in its own snapshot', () => {
    expect(versionSnapshot(plan({ agreedVersion: 2 }), 'replaced').changedSinceAgreement).toBe(true);
    expect(versionSnapshot(plan({ agreedVersion: 2 }), 'action.updated').changedSinceAgreement).toBe(false);
    expect(versionSnapshot(plan(), 'replaced').changedSinceAgreement).toBe(false);
  });

  it('tells only about actions that are new or moved to another agency or person', () => {
    const before = new Map([
      ['same', 'soc:-'],
      ['moved', 'soc:-'],
    ]);
    const open = [
      { id: 'same', assignment: 'soc:-' },
      { id: 'moved', assignment: 'soc:u' },
      { id: 'new', assignment: 'bup:-' },
    ];
    expect(newlyAssigned(open, before).map((a) => a.id)).toEqual(['moved', 'new']);
  });

  it("hides the family's names where the caller may not see them, never an agency's", () => {
    const names = (p: PlanDto) => p.agreements.map((a) => a.name);
    expect(names(withNames(plan(), { pupil: true, guardians: true }))).toEqual(['Elev', 'Förälder', 'Handläggare']);
    expect(names(withNames(plan(), { pupil: false, guardians: true }))).toEqual([null, 'Förälder', 'Handläggare']);
    expect(names(withNames(plan(), { pupil: true, guardians: false }))).toEqual(['Elev', null, 'Handläggare']);
  });
});
