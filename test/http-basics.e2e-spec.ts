import { Controller, Get, Module, Post } from '@nestjs/common';
import { Public } from '@app/access';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

/** Routes that fail on purpose, mounted only in this test's app. */
@Public()
@Controller('test-faults')
class FaultsController {
  @Get('crash')
  crash(): never {
    throw new Error('SELECT personnummer FROM student WHERE secret = 42');
  }

  @Post('foreign-key')
  foreignKey(): never {
    // What TypeORM raises for a PostgreSQL foreign-key violation.
    throw Object.assign(new Error('insert or update on table "guardian" violates foreign key constraint'), {
      name: 'QueryFailedError',
      driverError: {
        code: '23503',
        constraint: 'guardian_student_id_fkey',
        detail: 'Key (student_id)=(x) is not present',
      },
    });
  }
}

@Module({ controllers: [FaultsController] })
class FaultsModule {}

const PROBLEM = /^application\/problem\+json/;

describe('HTTP basics: health, problem details, docs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT: '2kb' }, { imports: [{ module: FaultsModule }] });
  });
  afterAll(() => t.close());

  it('answers liveness and readiness (with the database checked)', async () => {
    await t.http.get(`${API}/health/live`).expect(200, { status: 'ok' });
    const ready = await t.http.get(`${API}/health/ready`).expect(200);
    expect(ready.body.info.database.status).toBe('up');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await t.http.get(`${API}/no-such-thing`).expect(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({
      type: '/problems/not-found',
      title: 'Not Found',
      status: 404,
      instance: `${API}/no-such-thing`,
    });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('answers a path that does not decode with a 400 problem (the router refuses it before any filter)', async () => {
    const res = await t.http.get(`${API}/students/%E0%A4%A`).expect(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ type: '/problems/bad-request', status: 400 });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('lists every invalid field of a body with the field path', async () => {
    const res = await t.http.post(`${API}/auth/login`).send({ username: 42, extra: true }).expect(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.type).toBe('/problems/validation');
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'password', 'extra']));
  });

  it('refuses malformed JSON without echoing the body', async () => {
    const res = await t.http
      .post(`${API}/auth/login`)
      .set('content-type', 'application/json')
      .send('{"username": "201203151234", oops')
      .expect(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.detail).toBe('The request body is not valid JSON.');
    expect(JSON.stringify(res.body)).not.toContain('201203151234');
    expect(res.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await t.http
      .post(`${API}/auth/refresh`)
      .send({ refreshToken: 'x'.repeat(5000) })
      .expect(413);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.type).toBe('/problems/payload-too-large');
  });

  it('answers a unique violation from the database with 409, naming only the constraint', async () => {
    const auth = await bearer(t.http, 'admin@ostersund.demo');
    const res = await t.http
      .post(`${API}/agencies`)
      .set('authorization', auth)
      .send({ name: 'Socialtjänsten Östersund', type: 'social_services' })
      .expect(409);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ status: 409, constraint: 'agency_name_key' });
    expect(JSON.stringify(res.body)).not.toMatch(/INSERT|Key \(/);
  });

  it('answers a foreign-key violation with 422 and no SQL detail', async () => {
    const res = await t.http.post(`${API}/test-faults/foreign-key`).expect(422);
    expect(res.body).toMatchObject({
      status: 422,
      type: '/problems/reference-invalid',
      constraint: 'guardian_student_id_fkey',
    });
    expect(JSON.stringify(res.body)).not.toContain('Key (student_id)');
  });

  it('answers an unexpected error with 500 and a request id, never the stack or the message', async () => {
    const res = await t.http
      .get(`${API}/test-faults/crash`)
      .set('x-request-id', '0b6f3c1e-2a4d-4e5f-8a9b-1c2d3e4f5a6b')
      .expect(500);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ status: 500, requestId: '0b6f3c1e-2a4d-4e5f-8a9b-1c2d3e4f5a6b' });
    expect(JSON.stringify(res.body)).not.toMatch(/SELECT|personnummer|at .*\.ts|stack/);
  });

  it('answers a request without a token on a protected route with 401', async () => {
    const res = await t.http.get(`${API}/users`).expect(401);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('sets security headers with helmet', async () => {
    const res = await t.http.get(`${API}/health/live`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('serves the OpenAPI document with every route and its problem responses', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([`${API}/health/ready`, `${API}/auth/login`, `${API}/users`]),
    );
    expect(res.body.paths[`${API}/users`].get.responses['403'].content).toHaveProperty(['application/problem+json']);
    await t.http.get('/api/docs').expect(200).expect('content-type', /html/);
  });
});
