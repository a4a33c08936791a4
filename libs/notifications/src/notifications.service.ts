import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, Caller } from '@app/access';
import { decodeCursor, Page, PageQuery, toPage } from '@app/http';
import { NotificationDto } from './notifications.dto';

interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  link: string;
  case_id: string | null;
  flag_id: string | null;
  created_at: Date;
  read_at: Date | null;
  /** Sort key: 0 unread, 1 read. */
  is_read: number;
  /** created_at to the microsecond, for the cursor. */
  created_key: string;
}

const COLUMNS = `id, kind, title, link, case_id, flag_id, created_at, read_at, (read_at IS NOT NULL)::int AS is_read,
                 to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key`;

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Unread first, then newest first. */
  async list(caller: Caller, query: PageQuery): Promise<Page<NotificationDto>> {
    const params: unknown[] = [caller.userId];
    let after = '';
    const cursor = decodeCursor(query.cursor, ['int', 'timestamp', 'uuid']);
    if (cursor) {
      params.push(...cursor);
      after = `AND ((read_at IS NOT NULL)::int > $2::bigint
                OR ((read_at IS NOT NULL)::int = $2::bigint AND (created_at, id) < ($3::timestamptz, $4::uuid)))`;
    }
    params.push(query.limit + 1);
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notification
        WHERE recipient_id = $1 ${after}
        ORDER BY (read_at IS NOT NULL), created_at DESC, id DESC
        LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, query.limit, (r) => [r.is_read, r.created_key, r.id], toDto);
  }

  async unreadCount(caller: Caller): Promise<{ count: number }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notification WHERE recipient_id = $1 AND read_at IS NULL`,
      [caller.userId],
    );
    return { count: row.count };
  }

  /** Idempotent: a second call keeps the first read time. */
  async markRead(caller: Caller, id: string): Promise<NotificationDto> {
    const [rows] = await this.dataSource.query(
      `UPDATE notification SET read_at = coalesce(read_at, now())
        WHERE id = $1 AND recipient_id = $2
        RETURNING ${COLUMNS}`,
      [id, caller.userId],
    );
    if (!rows.length) {
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
    return toDto(rows[0] as NotificationRow);
  }
}
