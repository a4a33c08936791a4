import { Tabs } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router-dom';
import { Page } from '../components/Page';
import { useCase } from '../triage/hooks';
import { texts } from '../texts';
import { ConsentPanel } from './ConsentPanel';
import { CoursesPanel } from './CoursesPanel';
import { FollowUpPanel } from './FollowUpPanel';
import { LeadTimesPanel } from './LeadTimesPanel';
import { MappingPanel } from './MappingPanel';
import { MeetingsPanel } from './MeetingsPanel';
import { MobilisationPanel } from './MobilisationPanel';
import { PlanPanel } from './PlanPanel';
import { SummaryPanel } from './SummaryPanel';
import { TimelinePanel } from './TimelinePanel';

export interface PanelProps {
  caseId: string;
}

const t = texts.case;

// The tab is in the address (?flik=plan), so a link can point at a case's plan.
const TABS = [
  { value: 'oversikt', label: t.tabs.summary, Panel: SummaryPanel },
  { value: 'samtycke', label: t.tabs.consent, Panel: ConsentPanel },
  { value: 'mobilisering', label: t.tabs.mobilisation, Panel: MobilisationPanel },
  { value: 'moten', label: t.tabs.meetings, Panel: MeetingsPanel },
  { value: 'kartlaggning', label: t.tabs.mapping, Panel: MappingPanel },
  { value: 'plan', label: t.tabs.plan, Panel: PlanPanel },
  { value: 'uppfoljning', label: texts.followUp.tab, Panel: FollowUpPanel },
  { value: 'insatser', label: texts.interventions.courses.tab, Panel: CoursesPanel },
  { value: 'tidslinje', label: t.tabs.timeline, Panel: TimelinePanel },
  { value: 'ledtider', label: t.tabs.leadTimes, Panel: LeadTimesPanel },
] as const;

export function CasePage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = TABS.some((x) => x.value === params.get('flik')) ? params.get('flik')! : 'oversikt';
  // Where am I: the case's reference, status and (for those who may see it) the pupil.
  const detail = useCase(id).data;
  const heading = detail
    ? t.heading(
        detail.reference,
        texts.common.caseStatus[detail.status] ?? detail.status,
        detail.pupil ? `${detail.pupil.firstName} ${detail.pupil.lastName}` : null,
      )
    : t.title;
  const tabLabel = TABS.find((x) => x.value === tab)!.label;
  return (
    <Page title={heading} documentTitle={`${tabLabel} · ${detail ? detail.reference : t.title}`}>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value ? { flik: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((x) => (
            <Tabs.Tab key={x.value} value={x.value}>
              {x.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map(({ value, Panel }) => (
          <Tabs.Panel key={value} value={value} pt="md">
            <Panel caseId={id} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}
