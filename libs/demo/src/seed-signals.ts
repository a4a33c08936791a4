import { pupilAbsenceFigures } from '@app/attendance';
import { addDays, swedishDate } from '@app/calendar';
import { FlagRecord, FlagsRepository, GuardianNoticesRepository, InvestigationsRepository } from '@app/signals';
import { demoId } from './demo-data';
import { repository, SeedStep } from './seed-step';

/** A few flags to elevhälsa (new and triaged), an investigation under way and a guardian notice. */
export const flagsAndNotices: SeedStep = {
  name: '004-flags-investigations-notices',
  async run(manager, now) {
    const to = addDays(swedishDate(now), -1);
    const from = addDays(to, -27);
    const flags: { pupil: number; by: string; text: string; dismissedBy?: string }[] = [
      {
        pupil: 3,
        by: 'mentor@storsjo.demo',
        text: 'Allt mer frånvaro sedan höstlovet. Har pratat med eleven och ringt hem.',
      },
      {
        pupil: 7,
        by: 'mentor@storsjo.demo',
        text: 'Borta nästan varje måndag. Vårdnadshavare säger att eleven har ont i magen.',
      },
      { pupil: 203, by: 'mentor@park.demo', text: 'Ökande ogiltig frånvaro, svarar inte på meddelanden.' },
      {
        pupil: 28,
        by: 'mentor@storsjo.demo',
        text: 'Flera sjukdagar i rad.',
        dismissedBy: 'elevhalsa@storsjo.demo',
      },
    ];
    const records: FlagRecord[] = [];
    for (const flag of flags) {
      const studentId = demoId(`pupil:${flag.pupil}`);
      records.push({
        id: demoId(`flag:${flag.pupil}`),
        student_id: studentId,
        created_by: demoId(`user:${flag.by}`),
        text: flag.text,
        snapshot: await pupilAbsenceFigures(manager, studentId, from, to),
        status: flag.dismissedBy ? 'dismissed' : 'new',
        triaged_by: flag.dismissedBy ? demoId(`user:${flag.dismissedBy}`) : null,
        dismiss_reason: flag.dismissedBy ? 'Styrkt sjukdom, läkarintyg finns. Mentor följer upp.' : null,
      });
    }
    await repository(FlagsRepository, manager).insertFlags(manager, records);
    await repository(InvestigationsRepository, manager).insertInvestigations(manager, [
      {
        id: demoId('investigation:21'),
        student_id: demoId('pupil:21'),
        started_on: addDays(to, -21),
        huvudman_informed_on: addDays(to, -19),
        recorded_by: demoId('user:rektor@storsjo.demo'),
      },
    ]);
    // Yesterday's first pupil with invalid absence at Storsjöskolan: guardians were phoned.
    const notices = repository(GuardianNoticesRepository, manager);
    const phoned = await notices.firstPupilWithInvalidAbsence(manager, demoId('agency:storsjo'), to);
    if (phoned) {
      await notices.insertNotices(manager, [
        {
          student_id: phoned,
          absence_date: to,
          method: 'phone',
          informed_at: `${to} 10:30`,
          recorded_by: demoId('user:mentor@storsjo.demo'),
        },
      ]);
    }
  },
};
