import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, RequirePermission } from '@app/access';
import { ApiProblems, Page, PageQuery, pageSchema } from '@app/http';
import { NotificationDto, UnreadCountDto } from './notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequirePermission('notification.read')
  @ApiOperation({ summary: 'Your notifications: unread first, then newest' })
  @ApiOkResponse({ type: pageSchema(NotificationDto) })
  @ApiProblems(400)
  list(@CurrentCaller() caller: Caller, @Query() query: PageQuery): Promise<Page<NotificationDto>> {
    return this.notifications.list(caller, query);
  }

  @Get('unread-count')
  @RequirePermission('notification.read')
  @ApiOperation({ summary: 'How many of your notifications are unread' })
  @ApiOkResponse({ type: UnreadCountDto })
  unreadCount(@CurrentCaller() caller: Caller): Promise<{ count: number }> {
    return this.notifications.unreadCount(caller);
  }

  @Post(':id/read')
  @HttpCode(200)
  @RequirePermission('notification.read')
  @ApiOperation({ summary: 'Mark one of your notifications read (again: no change)' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiProblems(400, 404)
  markRead(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<NotificationDto> {
    return this.notifications.markRead(caller, id);
  }
}
