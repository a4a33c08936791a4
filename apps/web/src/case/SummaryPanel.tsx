import { Anchor, Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDate, formatDateTime } from '../format';
import { useDraft, useSession } from '../session';
import { texts } from '../texts';
import { CaseStatusBadge, Fact, Facts, Loading, Saved } from '../triage/components';
import { pupilName, useCanCoordinate, useCase } from '../triage/hooks';
import type { CaseDetail } from '../triage/types';
import { useApiMutation } from '../query';
import type { PanelProps } from './CasePage';

const t = texts.triage.summary;
type CaseStatus = CaseDetail['status'];
type Outcome = NonNullable<Schemas['ChangeStatusDto']['outcome']>;
const OUTCOMES = Object.keys(texts.triage.outcome) as Outcome[];

/** The case header: reference, the pupil as the API shows it, status and coordinator. */
export function SummaryPanel({ caseId }: PanelProps) {
  const found = useCase(caseId);
  const canCoordinate = useCanCoordinate();
  const canReadFlags = useSession().hasRole('elevhalsa', 'principal');
  const [saved, setSaved] = useState<string | null>(null);
  if (found.loading && !found.data) return <Loading />;
  if (!found.data) return <ProblemAlert error={found.error} />;
  const c = found.data;

  return (
    <Stack gap="md">
      <Card withBorder component="section" aria-labelledby="summary-heading">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h3" id="summary-heading" data-testid="case-reference">
              {c.reference}
            </Title>
            <CaseStatusBadge status={c.status} />
          </Group>
          <Facts>
            <Fact label={t.pupil}>{c.pupil ? pupilName(c.pupil) : t.pupilHidden}</Fact>
            {c.pupil && <Fact label={t.className}>{c.pupil.className}</Fact>}
            {c.pupil && <Fact label={t.personnummer}>{c.pupil.personnummerMasked}</Fact>}
            <Fact label={t.school}>{c.schoolName}</Fact>
            <Fact label={t.coordinator}>{c.coordinator.displayName}</Fact>
            <Fact label={t.openedAt}>{formatDateTime(c.openedAt)}</Fact>
            {c.closedAt && <Fact label={t.closedAt}>{formatDate(c.closedAt)}</Fact>}
            {c.outcome && <Fact label={t.outcome}>{texts.triage.outcome[c.outcome] ?? c.outcome}</Fact>}
            {c.closeReason && <Fact label={t.closeReason}>{c.closeReason}</Fact>}
            {c.flagId && canReadFlags && (
              <Fact label={t.flag}>
                <Anchor component={Link} to={`/anmalningar/${c.flagId}`}>
                  {t.showFlag}
                </Anchor>
              </Fact>
            )}
          </Facts>
          {!canCoordinate && (
            <Text size="sm">
              {t.visibleScopes}:{' '}
              {c.visibleScopes.length
                ? c.visibleScopes.map((s) => texts.triage.scopeShort[s] ?? s).join(', ')
                : texts.common.none}
            </Text>
          )}
        </Stack>
      </Card>
      {canCoordinate && (
        <StatusChange c={c} onChanged={(status) => setSaved(t.statusChanged(texts.triage.caseStatus[status]))} />
      )}
      <Saved message={saved} />
    </Stack>
  );
}

function StatusChange({ c, onChanged }: { c: CaseDetail; onChanged(status: CaseStatus): void }) {
  const [closing, setClosing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [reason, setReason, clearReason] = useDraft(`case-close-${c.id}`);
  const moves = c.allowedTransitions.filter((s) => s !== 'closed');
  const canClose = c.allowedTransitions.includes('closed');
  // The case, its timeline and lead times, and the lists of cases show the new status.
  const move = useApiMutation({
    mutationFn: (body: Schemas['ChangeStatusDto']) =>
      data(client.POST('/api/v1/cases/{id}/status', { params: { path: { id: c.id } }, body })),
    invalidates: ['/api/v1/cases'],
    onSuccess: (_, { status }) => {
      if (status === 'closed') {
        clearReason();
        setClosing(false);
      }
      onChanged(status);
    },
  });
  const busy = move.isPending ? move.variables?.status : null;
  // A refused closing is shown in its form, at the fields; a refused move under the buttons.
  const closeError = move.variables?.status === 'closed' ? move.error : null;
  const errors = formErrors(closeError);

  return (
    <Card withBorder component="section" aria-labelledby="status-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="status-heading">
          {t.changeStatus}
        </Title>
        {c.allowedTransitions.length === 0 ? (
          <Text size="sm">{t.noTransitions}</Text>
        ) : (
          <Group>
            {moves.map((status) => (
              <Button
                key={status}
                variant="light"
                onClick={() => move.mutate({ status })}
                loading={busy === status}
                disabled={move.isPending && busy !== status}
              >
                {t.moveTo(texts.triage.caseStatus[status])}
              </Button>
            ))}
            {canClose && !closing && (
              <Button variant="outline" color="red" onClick={() => setClosing(true)}>
                {t.closeCase}
              </Button>
            )}
          </Group>
        )}
        {closing && (
          <ApiForm
            label={t.closeCase}
            onSubmit={() =>
              // Unanswered: sent as null so the server names the field.
              move.mutate({ status: 'closed', outcome: outcome as Outcome, reason: reason.trim() })
            }
            pending={busy === 'closed'}
            error={closeError}
            fields={['outcome', 'reason']}
            submitLabel={t.confirmClose}
            extraActions={
              <Button variant="default" onClick={() => setClosing(false)}>
                {texts.common.cancel}
              </Button>
            }
          >
            <Select
              label={t.closeOutcome}
              required
              maw={520}
              data={OUTCOMES.map((value) => ({ value, label: texts.triage.outcome[value] }))}
              value={outcome}
              onChange={(value) => setOutcome(value as Outcome | null)}
              error={errors.errorOf('outcome')}
            />
            <Textarea
              label={t.closeReasonLabel}
              required
              autosize
              minRows={2}
              maxLength={2000}
              maw={520}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.errorOf('reason')}
            />
          </ApiForm>
        )}
        {!closeError && <ProblemAlert error={move.error} />}
      </Stack>
    </Card>
  );
}
