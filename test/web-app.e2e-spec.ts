import { findWebRoot } from '../apps/api/src/web-app';
import { API, createTestApp, TestApp } from './support/test-app';

// The web app is served only when it is built (npm run build); without it these checks have nothing to look at.
const built = findWebRoot() !== null;

describe('Web app from the API origin, and what API answers leave out', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  (built ? it : it.skip)('answers a deep link with index.html, revalidated by its ETag', async () => {
    const page = await t.http.get('/arenden/6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f').expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers.etag).toMatch(/^W\/".+"$/);
    expect(page.text).toContain('<div id="root">');
    await t.http.get('/').set('if-none-match', page.headers.etag).expect(304);
    await t.http.get('/favicon-that-is-not-there.ico').expect(404);
  });

  it('gives API answers no ETag of their own (they are no-store); versioned resources set theirs', async () => {
    const res = await t.http.get(`${API}/health/live`).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
    expect(res.body).toEqual({ status: 'ok' });
  });
});
