import { Injectable } from '@nestjs/common';
import { AccessService, Caller } from '@app/access';
import { decodeCursor, Page, PageQuery, toPage } from '@app/http';
import { NotificationDto } from './notifications.dto';
import { NotificationRow, NotificationsRepository } from './notifications.repository';

const toDto = (r: NotificationRow): NotificationDto => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  link: r.link,
  caseId: r.case_id,
  flagId: r.flag_id,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});

/**
 * The caller's own in-app inbox. Nobody reads another's notifications: a notification that is
 * not the caller's does not exist for them (404). Titles hold no personal data of pupils.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly access: AccessService,
  ) {}

  /** Unread first, then newest first. */
  async list(caller: Caller, query: PageQuery): Promise<Page<NotificationDto>> {
    const cursor = decodeCursor(query.cursor, ['int', 'timestamp', 'uuid']);
    const rows = await this.notifications.inbox(caller.userId, query.limit, cursor);
    return toPage(rows, query.limit, (r) => [r.is_read, r.created_key, r.id], toDto);
  }

  async unreadCount(caller: Caller): Promise<{ count: number }> {
    return { count: await this.notifications.unreadCount(caller.userId) };
  }

  /** Idempotent: a second call keeps the first read time. */
  async markRead(caller: Caller, id: string): Promise<NotificationDto> {
    const row = await this.notifications.markRead(id, caller.userId);
    if (!row) {
      // Someone else's, or none: the same 404, logged as a denial.
      await this.access.require({
        caller,
        action: 'write',
        logAction: 'notification.read',
        subject: null,
        subjectType: 'notification',
        subjectId: id,
      });
    }
    return toDto(row!);
  }
}
