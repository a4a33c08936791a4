import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { client, data, Schemas } from '../client';
import { ApiForm, formErrors } from '../components/Form';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { formatDateTime } from '../format';
import { ApiError, toApiError } from '../problem';
import { keyOf, useApiMutation, usePages } from '../query';
import { API_BASE, withSession } from '../session-fetch';
import { texts } from '../texts';
import { importFieldText, importReasonText } from './importReasons';

const t = texts.screens.imports;
type Import = Schemas['ImportDto'];
interface Report {
  rowsTotal: number;
  rowsImported: number;
  rowsRejected: number;
  status: string;
  errors: { line: number; field: string; code?: string; reason: string }[];
}

/** One XMLHttpRequest (fetch cannot report upload progress): its status and its body, read as JSON when it is. */
function sendFile(
  file: File,
  partial: boolean,
  headers: Record<string, string>,
  onProgress: (percent: number) => void,
): Promise<{ status: number; body: unknown }> {
  const type = /\.json$/i.test(file.name) || file.type === 'application/json' ? 'application/json' : 'text/csv';
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}/attendance/imports${partial ? '?mode=partial' : ''}`);
    xhr.setRequestHeader('Content-Type', type);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) =>
      event.lengthComputable && onProgress(Math.round((event.loaded / event.total) * 100));
    xhr.onerror = () => reject(new ApiError({ status: 0, title: 'network' }));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: the status says enough.
      }
      resolve({ status: xhr.status, body });
    };
    xhr.send(file);
  });
}

/** Sends the file with the session (one refresh on 401, as every other call) and reads its report. */
async function upload(file: File, partial: boolean, onProgress: (percent: number) => void): Promise<Report> {
  const { status, body } = await withSession((headers) => sendFile(file, partial, headers, onProgress));
  onProgress(100);
  // An all-or-nothing import that was refused is a report too (422 with the rejected rows).
  if (status === 422 && body && typeof body === 'object' && 'errors' in body && 'rowsTotal' in body) {
    const problem = body as { rowsTotal: number; rowsRejected: number; errors: Report['errors'] };
    return {
      status: 'rejected',
      rowsTotal: problem.rowsTotal,
      rowsRejected: problem.rowsRejected,
      rowsImported: 0,
      errors: problem.errors,
    };
  }
  if (status >= 200 && status < 300) return body as Report;
  throw toApiError(status, body);
}

function ReportView({ report }: { report: Report }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-title" data-testid="import-report">
      <Title order={2} size="h3" id="report-title" mb="xs">
        {t.report}
      </Title>
      <Stack gap="xs">
        {report.status === 'rejected' && (
          <Alert color="red" role="alert">
            {t.rejectedAll}
          </Alert>
        )}
        <Text role="status">{t.summary(report.rowsTotal, report.rowsImported, report.rowsRejected)}</Text>
        {report.errors.length > 0 && (
          <Table striped>
            <Table.Caption>{t.rejectedCaption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.columns.line}</Table.Th>
                <Table.Th scope="col">{t.columns.field}</Table.Th>
                <Table.Th scope="col">{t.columns.reason}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.errors.map((e, i) => (
                <Table.Tr key={`${e.line}-${e.field}-${i}`}>
                  <Table.Td>{e.line}</Table.Td>
                  <Table.Td>{importFieldText(e.field)}</Table.Td>
                  <Table.Td>{importReasonText(e)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

/** Attendance import: a file with an upload progress bar, its report in Swedish, and the school's earlier imports. */
export function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [partial, setPartial] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [missing, setMissing] = useState(false);
  const earlier = usePages(keyOf('/api/v1/attendance/imports'), (cursor) =>
    data(client.GET('/api/v1/attendance/imports', { params: { query: { limit: 20, cursor } } })),
  );
  // The report of this upload; the list of earlier imports loads anew after it.
  const sending = useApiMutation({
    mutationFn: (chosen: { file: File; partial: boolean }) => upload(chosen.file, chosen.partial, setProgress),
    invalidates: ['/api/v1/attendance/imports'],
  });
  const report = sending.data ?? null;
  const error = sending.error;

  function submit() {
    if (!file) return setMissing(true);
    setProgress(0);
    sending.mutate({ file, partial });
  }
  const fieldError = missing ? t.noFile : formErrors(error).errorOf('file');

  return (
    <Page title={t.title}>
      <Text>{t.intro}</Text>
      <Paper withBorder p="md">
        <ApiForm onSubmit={submit} pending={sending.isPending} error={error} fields={['file']} submitLabel={t.submit}>
          <FileInput
            label={t.file}
            accept=".csv,.json,text/csv,application/json"
            value={file}
            onChange={(f) => {
              setFile(f);
              setMissing(false);
              setProgress(null);
            }}
            error={fieldError}
            required
          />
          <Checkbox label={t.partial} checked={partial} onChange={(e) => setPartial(e.currentTarget.checked)} />
          {progress !== null && (
            <Progress value={progress} aria-label={t.progress} size="lg" data-testid="upload-progress" />
          )}
        </ApiForm>
      </Paper>
      {report && <ReportView report={report} />}
      <Title order={2} size="h3">
        {t.earlier}
      </Title>
      <QueryState query={earlier} empty={t.empty} isEmpty={earlier.items.length === 0}>
        <Table striped data-testid="imports-table">
          <Table.Caption>{t.earlierCaption(earlier.items.length, earlier.hasMore)}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.earlierColumns.at}</Table.Th>
              <Table.Th scope="col">{t.earlierColumns.format}</Table.Th>
              <Table.Th scope="col">{t.earlierColumns.status}</Table.Th>
              <Table.Th scope="col">{t.earlierColumns.rows}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {earlier.items.map((i: Import) => (
              <Table.Tr key={i.id}>
                <Table.Td>{formatDateTime(i.startedAt)}</Table.Td>
                <Table.Td>{t.formats[i.format] ?? i.format}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={i.status === 'completed' ? 'teal' : i.status === 'running' ? 'blue' : 'red'}
                  >
                    {t.statuses[i.status] ?? i.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {i.rowsTotal} ({i.rowsImported}/{i.rowsRejected})
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {earlier.hasMore && (
          <Group justify="center">
            <Button variant="default" loading={earlier.loadingMore} onClick={earlier.loadMore}>
              {texts.common.showMore}
            </Button>
          </Group>
        )}
      </QueryState>
    </Page>
  );
}
