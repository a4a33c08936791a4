import { Tabs } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router-dom';
import { Page } from '../components/Page';
import { texts } from '../texts';
import { ConsentPanel } from './ConsentPanel';
import { CoursesPanel } from './CoursesPanel';
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
  { value: 'insatser', label: texts.interventions.courses.tab, Panel: CoursesPanel },
  { value: 'tidslinje', label: t.tabs.timeline, Panel: TimelinePanel },
  { value: 'ledtider', label: t.tabs.leadTimes, Panel: LeadTimesPanel },
] as const;

export function CasePage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = TABS.some((x) => x.value === params.get('flik')) ? params.get('flik')! : 'oversikt';
  return (
    <Page title={t.title}>
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
