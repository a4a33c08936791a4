import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp } from './support/test-app';

const ROOT = join(__dirname, '..');
const API_TYPES_FILE = join(ROOT, 'apps/web/src/generated/api-schema.ts');

// The web app's API types are generated from the built server's OpenAPI document, never written
// by hand (scripts/api-types.mjs). This test fails while the committed file differs from what
// the server documents now, so a change of the API's shapes fails CI until `npm run api:types`
// (which runs this test with WRITE_API_TYPES=1) has written the file anew.
describe('generated web API types (apps/web/src/generated/api-schema.ts)', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'api-types-'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are current with the OpenAPI document of the server', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    const documentFile = join(dir, 'openapi.json');
    writeFileSync(documentFile, JSON.stringify(res.body));
    const write = process.env.WRITE_API_TYPES === '1';
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts/api-types.mjs'), documentFile, ...(write ? ['--write'] : [])],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const committed = existsSync(API_TYPES_FILE) ? readFileSync(API_TYPES_FILE, 'utf8') : '';
    if (write) expect(committed.length).toBeGreaterThan(1000);
    else expect(committed).toBe(run.stdout);
  });
});
