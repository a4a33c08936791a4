import { MobilisationsRepository } from '@app/cases';
import { NOTIFICATION_EVENTS, NotificationRecord, NotificationsRepository } from '@app/notifications';
import { DEMO_USERS, demoId } from './demo-data';
import { repository, SeedStep } from './seed-step';

/**
 * The inbox as the demo's invitations left it: each invitation told its agency's workers, each
 * answer the coordinator (read once answered, so the inbox has both). Same dedupe keys as the
 * Notifier's, so nothing is told twice; reminders come from the sweep at start-up.
 */
export const notifications: SeedStep = {
  name: '008-notifications',
  async run(manager) {
    const invitations = await repository(MobilisationsRepository, manager).everyInvitation(manager);
    const workersOf = (agencyId: string) =>
      DEMO_USERS.filter((u) => u.role === 'agency_worker' && demoId(`agency:${u.agency}`) === agencyId).map((u) =>
        demoId(`user:${u.username}`),
      );
    const rows: NotificationRecord[] = [];
    for (const m of invitations) {
      const tell = (kind: keyof typeof NOTIFICATION_EVENTS, recipients: string[], at: Date, readAt: Date | null) => {
        const event = NOTIFICATION_EVENTS[kind];
        const title = event.title({ reference: m.reference, agencyName: m.agency_name, date: '', months: null });
        const link = event.link({ key: m.id, caseId: m.case_id });
        for (const recipient of recipients) {
          rows.push({
            recipient_id: recipient,
            kind,
            case_id: m.case_id,
            title,
            link,
            dedupe_key: `${kind}:${m.id}`,
            created_at: at,
            read_at: readAt,
          });
        }
      };
      tell('mobilisation.invited', workersOf(m.agency_id), m.invited_at, m.responded_at);
      if (m.status === 'accepted') tell('mobilisation.accepted', [m.coordinator_id], m.responded_at!, null);
      else if (m.status === 'declined') tell('mobilisation.declined', [m.coordinator_id], m.responded_at!, null);
    }
    await repository(NotificationsRepository, manager).insertNotifications(manager, rows);
  },
};
