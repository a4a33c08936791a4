import { mergeStaleActions, ReadAction, readActionOf, SentAction } from './plan.rules';

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
