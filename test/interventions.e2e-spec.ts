import { demoId } from '@app/demo';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

const OSTERSUND = demoId('org:ostersund');

describe('interventions: the catalogue', () => {
  let t: TestApp;
  let adminKommun: string;
  let adminRegion: string;
  let elevhalsa: string;

  const get = (token: string, path: string) => t.http.get(`${API}${path}`).set('authorization', token);
  const post = (token: string, path: string, body: object = {}) =>
    t.http.post(`${API}${path}`).set('authorization', token).send(body);
  const patch = (token: string, path: string, body: object = {}) =>
    t.http.patch(`${API}${path}`).set('authorization', token).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    [adminKommun, adminRegion, elevhalsa] = await Promise.all(
      ['admin@ostersund.demo', 'admin@regionjh.demo', 'elevhalsa@storsjo.demo'].map((u) => bearer(t.http, u)),
    );
  });
  afterAll(() => t.close());

  it('the demo catalogue is the municipality’s, by name, a retired entry included', async () => {
    const res = await get(elevhalsa, '/interventions').expect(200);
    const names = res.body.items.map((i: { name: string }) => i.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const name of [
      'MST (multisystemisk terapi)',
      'Komet (föräldraprogram)',
      'Närvaroteamets stödinsats',
      'BUP behandling',
    ]) {
      expect(names).toContain(name);
    }
    const mst = res.body.items.find((i: { id: string }) => i.id === demoId('intervention:mst'));
    expect(mst).toMatchObject({
      organisationId: OSTERSUND,
      providerAgencyType: 'social_services',
      evidenceBased: true,
      active: true,
    });
    const hab = res.body.items.find((i: { id: string }) => i.id === demoId('intervention:habilitering'));
    expect(hab.providerAgencyType).toBe('habilitation');

    const active = await get(elevhalsa, '/interventions?active=true').expect(200);
    expect(active.body.items.every((i: { active: boolean }) => i.active)).toBe(true);
    const retired = await get(elevhalsa, '/interventions?active=false').expect(200);
    expect(retired.body.items.map((i: { id: string }) => i.id)).toEqual([demoId('intervention:lagerverksamhet')]);
    await get(elevhalsa, '/interventions?active=maybe').expect(400);

    // Paging: one at a time, every entry once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await get(
        elevhalsa,
        `/interventions?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      ).expect(200);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(res.body.items.map((i: { id: string }) => i.id));
  });

  it('an admin adds, changes and retires interventions of its own organisation only', async () => {
    const created = await post(adminKommun, '/interventions', {
      name: '  Funktionell familjeterapi  ',
      description: 'FFT',
      providerAgencyType: 'social_services',
      evidenceBased: true,
      targetGroup: 'Ungdomar 11–18 år',
      active: true,
    }).expect(201);
    expect(created.body).toMatchObject({ name: 'Funktionell familjeterapi', organisationId: OSTERSUND, active: true });
    const id: string = created.body.id;

    // Names are unique within the organisation, whatever the case.
    const dup = await post(adminKommun, '/interventions', {
      name: 'funktionell FAMILJETERAPI',
      providerAgencyType: 'other',
      evidenceBased: false,
      active: true,
    }).expect(409);
    expect(dup.body.constraint).toBe('intervention_name_key');
    // …but another organisation may have its own of the same name.
    const regional = await post(adminRegion, '/interventions', {
      name: 'Funktionell familjeterapi',
      providerAgencyType: 'bup',
      evidenceBased: true,
      active: true,
    }).expect(201);

    const bad = await post(adminKommun, '/interventions', {
      name: '',
      providerAgencyType: 'police',
      evidenceBased: 'yes',
      extra: 1,
    }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['active', 'evidenceBased', 'extra', 'name', 'providerAgencyType'].sort(),
    );

    const retired = await patch(adminKommun, `/interventions/${id}`, { active: false, description: null }).expect(200);
    expect(retired.body).toMatchObject({ active: false, description: null, targetGroup: 'Ungdomar 11–18 år' });
    // Retired, it stays in the catalogue for history.
    const all = await get(adminKommun, '/interventions').expect(200);
    expect(all.body.items.some((i: { id: string; active: boolean }) => i.id === id && !i.active)).toBe(true);

    // Another organisation's entry does not exist for the caller; neither list shows the other's.
    await patch(adminRegion, `/interventions/${id}`, { active: true }).expect(404);
    await patch(adminKommun, `/interventions/${regional.body.id}`, { active: false }).expect(404);
    const regionList = await get(adminRegion, '/interventions').expect(200);
    expect(regionList.body.items.map((i: { id: string }) => i.id)).toEqual([regional.body.id]);
    await patch(adminKommun, '/interventions/00000000-0000-4000-8000-000000000000', { active: true }).expect(404);

    // Elevhälsa reads the catalogue but does not keep it.
    await post(elevhalsa, '/interventions', {
      name: 'Egen insats',
      providerAgencyType: 'school',
      evidenceBased: false,
      active: true,
    }).expect(403);
    await patch(elevhalsa, `/interventions/${id}`, { active: true }).expect(403);

    // Changes are in the organisation's access log.
    const { rows } = await t.db.query(
      `SELECT action, outcome, subject_organisation_id FROM access_log WHERE $1 = ANY (subject_ids) ORDER BY id`,
      [id],
    );
    expect(rows).toEqual([
      { action: 'intervention.create', outcome: 'allowed', subject_organisation_id: OSTERSUND },
      { action: 'intervention.update', outcome: 'allowed', subject_organisation_id: OSTERSUND },
      // The region's admin tried: refused, and the municipality's auditor sees it.
      { action: 'intervention.update', outcome: 'denied', subject_organisation_id: OSTERSUND },
    ]);
  });
});
