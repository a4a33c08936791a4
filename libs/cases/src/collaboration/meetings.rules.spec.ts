import { blankToNull, meetingPlaceProblems, participantProblems } from './meetings.rules';

describe('meeting input', () => {
  it('trims text, makes blank text null and leaves absent text undefined', () => {
    expect(blankToNull('  Rum 3 ')).toBe('Rum 3');
    expect(blankToNull('   ')).toBeNull();
    expect(blankToNull(undefined)).toBeUndefined();
  });

  it('needs a place or a video link', () => {
    expect(meetingPlaceProblems('Rum 3', null)).toEqual([]);
    expect(meetingPlaceProblems(null, 'https://meet.example/x')).toEqual([]);
    expect(meetingPlaceProblems(null, null).map((p) => p.field)).toEqual(['place', 'videoLink']);
  });

  it('names each participant outside the case by its position, in any letter case', () => {
    const allowed = new Set(['aaaa', 'bbbb']);
    expect(participantProblems(['AAAA', 'bbbb'], allowed)).toEqual([]);
    expect(participantProblems(['aaaa', 'cccc', 'dddd'], allowed)).toEqual([
      expect.objectContaining({ field: 'agencyIds.1', code: 'not-in-case' }),
      expect.objectContaining({ field: 'agencyIds.2', code: 'not-in-case' }),
    ]);
  });
});
