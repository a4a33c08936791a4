import { List, Stack, Table, Text, Title } from '@mantine/core';
import { formatNumber, formatPercent, formatWeek } from '../format';
import { texts } from '../texts';
import { Fact, Facts } from './components';
import type { Flag } from './types';

const t = texts.triage.flag;

/** The absence figures and rules hit at the moment of flagging, as numbers and words. */
export function FlagSnapshot({ snapshot }: { snapshot: Flag['snapshot'] }) {
  const f = snapshot.figures;
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t.snapshot}
      </Title>
      <Text size="sm">{t.snapshotPeriod(f.from, f.to)}</Text>
      <Facts>
        <Fact label={t.totalAbsence}>{formatPercent(f.absencePercent, true)}</Fact>
        <Fact label={t.validAbsence}>{formatPercent(f.validAbsencePercent, true)}</Fact>
        <Fact label={t.invalidAbsence}>{formatPercent(f.invalidAbsencePercent, true)}</Fact>
        <Fact label={t.offered}>{t.minutes(formatNumber(f.offeredMinutes))}</Fact>
      </Facts>
      {f.weeks.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Caption>{t.weeksCaption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.week}</Table.Th>
                <Table.Th scope="col">{t.totalAbsence}</Table.Th>
                <Table.Th scope="col">{t.validAbsence}</Table.Th>
                <Table.Th scope="col">{t.invalidAbsence}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {f.weeks.map((w) => (
                <Table.Tr key={w.week}>
                  <Table.Th scope="row" fw={400}>
                    {formatWeek(w.week)}
                  </Table.Th>
                  <Table.Td>{formatPercent(w.absencePercent, true)}</Table.Td>
                  <Table.Td>{formatPercent(w.validAbsencePercent, true)}</Table.Td>
                  <Table.Td>{formatPercent(w.invalidAbsencePercent, true)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Title order={3} size="h5">
        {t.rulesHit}
      </Title>
      {snapshot.rulesHit.length === 0 ? (
        <Text size="sm">{t.noRules}</Text>
      ) : (
        <List size="sm">
          {snapshot.rulesHit.map((hit) => (
            <List.Item key={hit.rule}>{hit.explanation}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
