import type { RegisterExtractDto } from './register-extract.dto';
import { renderRegisterExtract } from './register-extract.html';

function extract(protectedIdentity: boolean): RegisterExtractDto {
  return {
    producedAt: '2026-11-20T08:15:00.000Z',
    pupil: {
      id: 'p',
      personnummer: '201205200005',
      firstName: 'Maja',
      lastName: '<Berg>',
      grade: 7,
      className: '7A',
      externalId: null,
      protectedIdentity,
      schoolId: 's',
      schoolName: 'Storsjöskolan',
      organisationName: 'Östersunds kommun',
      registeredAt: '2026-08-20T08:00:00.000Z',
      guardians: [
        { id: 'g', name: 'Eva Berg', relation: 'mor', phone: '070-1112233', email: 'eva@exempel.se', registeredAt: '' },
      ],
      changes: [
        {
          field: 'guardians',
          oldValue: [{ name: 'Eva Berg', phone: '070-9998877' }],
          newValue: [{ name: 'Eva Berg', phone: '070-1112233' }],
          source: 'user',
          changedBy: 'Rolf Rektor',
          changedAt: '2026-11-19T10:00:00.000Z',
        },
      ],
    },
    attendance: {
      perWeek: null,
      lessons: [],
      lessonsShown: { total: 3100, shown: 0, limit: 2000, truncated: true, from: '2026-01-01', to: null },
    },
    flags: [],
    investigations: [],
    guardianNotices: [],
    cases: [],
    accessedByShown: { total: 1, shown: 1, limit: 2000, truncated: false, from: null, to: null },
    accessedBy: [
      {
        at: '2026-11-19T10:00:00.000Z',
        action: 'case.read',
        subjectType: 'case',
        user: 'Bo Behandlare',
        agency: 'BUP Östersund',
        organisation: 'Region Jämtland Härjedalen',
      },
    ],
  };
}

describe('renderRegisterExtract', () => {
  it('prints contact details, escaped text and the recipients in Swedish', () => {
    const html = renderRegisterExtract(extract(false));
    expect(html).toContain('<h1>Registerutdrag</h1>');
    expect(html).toContain('&lt;Berg&gt;');
    expect(html).not.toContain('<Berg>');
    expect(html).toContain('070-1112233');
    expect(html).toContain('070-9998877');
    expect(html).toContain('Bo Behandlare');
    expect(html).toContain('Region Jämtland Härjedalen');
    expect(html).toContain('2026-11-19 11:00');
    expect(html).toContain('Läste (case.read)');
  });

  it('says when a long section is cut, and how to ask for the rest', () => {
    const html = renderRegisterExtract(extract(false));
    expect(html).toContain('Utdraget visar de senaste 0 av 3100 lektioner under perioden 2026-01-01 – i dag.');
    expect(html).toContain('1 registreringar i loggen.');
  });

  it('leaves contact details out under protected identity, in the guardians and in their history', () => {
    const html = renderRegisterExtract(extract(true));
    expect(html).toContain('skyddade personuppgifter');
    expect(html).not.toContain('070-1112233');
    expect(html).not.toContain('070-9998877');
    expect(html).not.toContain('eva@exempel.se');
    expect(html).toContain('Eva Berg');
  });
});
