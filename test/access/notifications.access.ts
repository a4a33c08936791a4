import { DEMO_USERS, demoId } from '@app/demo';
import { AccessGroup, everyone } from '../support/access-table';
import { givenFor } from '../support/given';

/**
 * The in-app inbox: every signed-in user reads and marks their own notifications; another
 * user's notification does not exist for them (404). Each demo user gets one to mark.
 */
interface Ctx {
  /** The notification each demo user owns. */
  own: Map<string, string>;
  /** One that belongs to elevhälsa at Storsjö. */
  elevhalsas: string;
}

export const notificationsAccess: AccessGroup<Ctx> = {
  name: 'notifications',
  async setup(t) {
    const given = givenFor(t.db);
    const own = new Map<string, string>();
    for (const user of DEMO_USERS) {
      const id = await given.notification(demoId(`user:${user.username}`), {
        title: 'Planen i ärende NT-ACCESS ska följas upp',
        dedupeKey: 'access-table',
      });
      own.set(user.username, id);
    }
    return { own, elevhalsas: own.get('elevhalsa@storsjo.demo')! };
  },
  rows: [
    { route: 'GET /notifications', request: () => ({ path: '/notifications' }), expect: everyone(200) },
    {
      route: 'GET /notifications/unread-count',
      request: () => ({ path: '/notifications/unread-count' }),
      expect: everyone(200),
    },
    {
      route: 'POST /notifications/:id/read',
      request: (c, caller) => ({ path: `/notifications/${c.own.get(caller) ?? c.elevhalsas}/read` }),
      expect: everyone(200),
    },
    // Someone else's notification: 404 for everyone but its recipient.
    {
      route: 'POST /notifications/:id/read',
      request: (c) => ({ path: `/notifications/${c.elevhalsas}/read` }),
      expect: (caller) => (caller === 'anonymous' ? 401 : caller === 'elevhalsa@storsjo.demo' ? 200 : 404),
    },
  ],
  permissions: [
    'GET /notifications → notification.read',
    'GET /notifications/unread-count → notification.read',
    'POST /notifications/:id/read → notification.read',
  ],
};
