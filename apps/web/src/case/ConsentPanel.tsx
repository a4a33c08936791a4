import { Badge, Button, Card, Checkbox, Group, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDate, todayIso } from '../format';
import { keyOf, useApiMutation } from '../query';
import { useDraft } from '../session';
import { texts } from '../texts';
import { AgencySelect } from '../triage/AgencySelect';
import { Loading, Saved } from '../triage/components';
import { loaded, useCanCoordinate, useCase, usePartnerAgencies } from '../triage/hooks';
import type { Consent } from '../triage/types';
import type { PanelProps } from './CasePage';

const t = texts.triage.consent;
type Scope = Schemas['GiveConsentDto']['scope'][number];
const SCOPES = Object.keys(texts.triage.scope) as Scope[];

function consentState(c: Consent): { label: string; color: string } {
  if (c.withdrawnAt) return { label: t.withdrawn(formatDate(c.withdrawnAt)), color: 'red' };
  if (c.inForce) return { label: t.inForce, color: 'teal' };
  if (c.validUntil && c.validUntil < todayIso()) return { label: t.expired, color: 'gray' };
  return { label: t.notStarted, color: 'yellow' };
}

/** Consents per agency: who gave them, what they cover, for how long; record and withdraw. */
export function ConsentPanel({ caseId }: PanelProps) {
  const consents = loaded(
    useQuery({
      queryKey: keyOf(`/api/v1/cases/${caseId}/consents`),
      queryFn: () => data(client.GET('/api/v1/cases/{id}/consents', { params: { path: { id: caseId } } })),
    }),
  );
  const found = useCase(caseId);
  const canCoordinate = useCanCoordinate();
  const [saved, setSaved] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const active = found.data ? found.data.status !== 'closed' : false;
  // A withdrawal changes what the agencies may read: the case, its consents and its timeline load anew.
  const withdrawal = useApiMutation({
    mutationFn: (consent: Consent) =>
      data(
        client.POST('/api/v1/cases/{id}/consents/{consentId}/withdraw', {
          params: { path: { id: caseId, consentId: consent.id } },
        }),
      ),
    invalidates: [`/api/v1/cases/${caseId}`],
    onSuccess: (_, consent) => {
      setConfirming(null);
      setSaved(t.withdrawnDone(consent.agencyName));
    },
  });

  const items = consents.data?.items ?? [];
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t.heading}
      </Title>
      <Text size="sm">{t.intro}</Text>
      {!canCoordinate && <Text size="sm">{t.ownOnly}</Text>}
      {consents.loading && !consents.data ? (
        <Loading />
      ) : consents.error ? (
        <ProblemAlert error={consents.error} />
      ) : items.length === 0 ? (
        <Text>{t.empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped data-testid="consents-table">
            <Table.Caption>{t.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.columns.agency}</Table.Th>
                <Table.Th scope="col">{t.columns.givenBy}</Table.Th>
                <Table.Th scope="col">{t.columns.scope}</Table.Th>
                <Table.Th scope="col">{t.columns.givenAt}</Table.Th>
                <Table.Th scope="col">{t.columns.validUntil}</Table.Th>
                <Table.Th scope="col" miw={150}>
                  {t.columns.state}
                </Table.Th>
                <Table.Th scope="col">{t.columns.document}</Table.Th>
                {canCoordinate && <Table.Th scope="col">{t.columns.actions}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => {
                const state = consentState(c);
                return (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row" fw={500}>
                      {c.agencyName}
                    </Table.Th>
                    <Table.Td>
                      {texts.triage.givenBy[c.givenBy]}
                      {c.givenByName ? `: ${c.givenByName}` : ''}
                    </Table.Td>
                    <Table.Td>{c.scope.map((s) => texts.triage.scopeShort[s] ?? s).join(', ')}</Table.Td>
                    <Table.Td>{formatDate(c.givenAt)}</Table.Td>
                    <Table.Td>{c.validUntil ? formatDate(c.validUntil) : t.noEnd}</Table.Td>
                    <Table.Td>
                      <Badge color={state.color} variant="light">
                        {state.label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{c.documentReference ?? '–'}</Table.Td>
                    {canCoordinate && (
                      <Table.Td>
                        {active && !c.withdrawnAt && confirming !== c.id && (
                          <Button
                            size="xs"
                            variant="outline"
                            color="red"
                            aria-label={t.withdraw(c.agencyName)}
                            onClick={() => setConfirming(c.id)}
                          >
                            {t.withdrawShort}
                          </Button>
                        )}
                        {confirming === c.id && (
                          <Stack gap={4} role="group" aria-label={t.withdraw(c.agencyName)}>
                            <Text size="sm">{t.confirmWithdraw(c.agencyName)}</Text>
                            <Group gap="xs">
                              <Button
                                size="xs"
                                color="red"
                                loading={withdrawal.isPending}
                                onClick={() => {
                                  setSaved(null);
                                  withdrawal.mutate(c);
                                }}
                              >
                                {t.confirm}
                              </Button>
                              <Button size="xs" variant="default" onClick={() => setConfirming(null)}>
                                {texts.common.cancel}
                              </Button>
                            </Group>
                          </Stack>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ProblemAlert error={withdrawal.error} />
      <Saved message={saved} />
      {canCoordinate && found.data && !active && <Text size="sm">{t.closed}</Text>}
      {canCoordinate && active && <ConsentForm caseId={caseId} onSaved={(agency) => setSaved(t.saved(agency))} />}
    </Stack>
  );
}

function ConsentForm({ caseId, onSaved }: { caseId: string; onSaved(agencyName: string): void }) {
  const partners = usePartnerAgencies(true);
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [givenBy, setGivenBy] = useState<'guardian' | 'pupil'>('guardian');
  const [givenByName, setGivenByName, clearName] = useDraft(`consent-name-${caseId}`);
  const [scope, setScope] = useState<Scope[]>(['case_summary']);
  const [givenAt, setGivenAt] = useState(todayIso());
  const [validUntil, setValidUntil] = useState('');
  const [documentReference, setDocumentReference, clearDocument] = useDraft(`consent-document-${caseId}`);
  // A consent decides what the agencies may read: the case, its consents and its timeline load anew.
  const give = useApiMutation({
    mutationFn: (body: Schemas['GiveConsentDto']) =>
      data(client.POST('/api/v1/cases/{id}/consents', { params: { path: { id: caseId } }, body })),
    invalidates: [`/api/v1/cases/${caseId}`],
    onSuccess: (saved) => {
      clearName();
      clearDocument();
      setAgencyId(null);
      setValidUntil('');
      setScope(['case_summary']);
      onSaved(saved.agencyName);
    },
  });
  const errors = formErrors(give.error);

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t.form}
        </Title>
        <ProblemAlert error={partners.error} />
        <ApiForm
          label={t.form}
          onSubmit={() =>
            give.mutate({
              // Not chosen: sent as null so the server names the field.
              agencyId: agencyId as string,
              givenBy,
              givenByName: givenByName.trim(),
              scope,
              givenAt,
              ...(validUntil ? { validUntil } : {}),
              ...(documentReference.trim() ? { documentReference: documentReference.trim() } : {}),
            })
          }
          pending={give.isPending}
          error={give.error}
          fields={['agencyId', 'givenBy', 'givenByName', 'scope', 'givenAt', 'validUntil', 'documentReference']}
          submitLabel={t.submit}
        >
          <AgencySelect
            label={t.agency}
            placeholder={t.agencyPlaceholder}
            agencies={partners.data?.items ?? []}
            loading={partners.loading}
            value={agencyId}
            onChange={setAgencyId}
            error={errors.errorOf('agencyId')}
          />
          <Radio.Group
            label={t.givenByLabel}
            required
            value={givenBy}
            error={errors.errorOf('givenBy')}
            onChange={(value) => setGivenBy(value as 'guardian' | 'pupil')}
          >
            <Group mt={4}>
              <Radio value="guardian" label={texts.triage.givenBy.guardian} />
              <Radio value="pupil" label={texts.triage.givenBy.pupil} />
            </Group>
          </Radio.Group>
          <TextInput
            label={t.givenByName}
            required
            maxLength={200}
            maw={420}
            error={errors.errorOf('givenByName')}
            value={givenByName}
            onChange={(e) => setGivenByName(e.currentTarget.value)}
          />
          <Checkbox.Group
            label={t.scopeLabel}
            required
            value={scope}
            onChange={(value) => setScope(value as Scope[])}
            error={errors.errorOf('scope')}
          >
            <Stack gap={6} mt={4}>
              {SCOPES.map((s) => (
                <Checkbox key={s} value={s} label={texts.triage.scope[s]} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group align="flex-start">
            <TextInput
              type="date"
              label={t.givenAtLabel}
              required
              max={todayIso()}
              error={errors.errorOf('givenAt')}
              value={givenAt}
              onChange={(e) => setGivenAt(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t.validUntilLabel}
              min={givenAt}
              error={errors.errorOf('validUntil')}
              value={validUntil}
              onChange={(e) => setValidUntil(e.currentTarget.value)}
            />
          </Group>
          <TextInput
            label={t.documentLabel}
            maxLength={200}
            maw={420}
            error={errors.errorOf('documentReference')}
            value={documentReference}
            onChange={(e) => setDocumentReference(e.currentTarget.value)}
          />
        </ApiForm>
      </Stack>
    </Card>
  );
}
