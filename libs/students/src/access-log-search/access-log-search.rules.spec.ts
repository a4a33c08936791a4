import { accessLogCsv, csvField } from './access-log-search.rules';

describe('access-log CSV', () => {
  it('quotes fields with separators and quotes, and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(null)).toBe('');
  });

  it('writes a header and one line per entry, subject ids joined by a space', () => {
    const csv = accessLogCsv([
      {
        id: '7',
        at: '2026-12-01T10:00:00.000Z',
        userId: 'u1',
        userDisplayName: 'Rut Rektor',
        agencyId: 'a1',
        agencyName: 'Storsjöskolan',
        action: 'student.read',
        subjectType: 'student',
        subjectIds: ['s1', 's2'],
        outcome: 'denied',
        requestId: null,
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'at,userId,userDisplayName,agencyId,agencyName,action,subjectType,subjectIds,outcome,requestId',
      '2026-12-01T10:00:00.000Z,u1,Rut Rektor,a1,Storsjöskolan,student.read,student,s1 s2,denied,',
      '',
    ]);
  });
});
