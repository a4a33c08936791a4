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
    attendance: { perWeek: null, lessons: null },
    flags: [],
    investigations: [],
    guardianNotices: [],
    cases: [],
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
