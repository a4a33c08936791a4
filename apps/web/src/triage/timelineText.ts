import { formatDate, formatDateTime } from '../format';
import { texts } from '../texts';
import type { TimelineEvent } from './types';

const t = texts.triage.timeline;

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** One timeline event in Swedish words, with agency names from what the caller may read. */
export function describeEvent(event: TimelineEvent, agencyNames: Map<string, string>): string {
  const d = event.data;
  const agencyId = str(d.agencyId);
  const agency =
    (agencyId && (agencyNames.get(agencyId) ?? (event.agency?.id === agencyId ? event.agency.name : null))) ||
    t.someAgency;
  const status = (value: unknown) => texts.triage.caseStatus[str(value) ?? ''] ?? str(value) ?? '–';
  const section = (value: unknown) => t.mappingSection[str(value) ?? ''] ?? str(value) ?? '–';
  const e = t.events;
  switch (event.kind) {
    case 'case.opened':
      return e['case.opened']({ fromFlag: !!d.flagId });
    case 'case.status':
      return e['case.status']({ from: status(d.from), to: status(d.to) });
    case 'case.coordinator':
      return e['case.coordinator']();
    case 'consent.given':
      return e['consent.given']({
        agency,
        givenBy: (texts.triage.givenBy[str(d.givenBy) ?? ''] ?? '–').toLowerCase(),
        scope: Array.isArray(d.scope)
          ? d.scope
              .map((s) => texts.triage.scopeShort[String(s)] ?? String(s))
              .join(', ')
              .toLowerCase()
          : '–',
      });
    case 'consent.withdrawn':
      return e['consent.withdrawn']({ agency });
    case 'mobilisation.invited':
      return e['mobilisation.invited']({ agency, deadline: str(d.deadline) ? formatDate(str(d.deadline)) : null });
    case 'mobilisation.accepted':
      return e['mobilisation.accepted']({ agency });
    case 'mobilisation.declined':
      return e['mobilisation.declined']({ agency });
    case 'meeting.scheduled':
      return e['meeting.scheduled']({ startsAt: str(d.startsAt) ? formatDateTime(str(d.startsAt)) : null });
    case 'meeting.minutes':
      return e['meeting.minutes']();
    case 'mapping.added':
      return e['mapping.added']({ section: section(d.section) });
    case 'mapping.edited':
      return e['mapping.edited']({ section: section(d.section) });
    case 'plan.created':
      return e['plan.created']();
    case 'plan.updated':
      return e['plan.updated']({ version: String(d.version ?? '–') });
    case 'plan.action.updated':
      return e['plan.action.updated']();
    case 'plan.agreed':
      return e['plan.agreed']();
    case 'plan.reviewed':
      return e['plan.reviewed']();
    case 'follow_up.scheduled':
      return e['follow_up.scheduled']({
        months: String(d.months ?? '–'),
        dueOn: str(d.dueOn) ? formatDate(str(d.dueOn)) : null,
      });
    case 'follow_up.recorded':
      return e['follow_up.recorded']({ months: String(d.months ?? '–') });
    default:
      return t.unknown(event.kind);
  }
}
