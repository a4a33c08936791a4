import { Controller, Get, Module } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Writable } from 'node:stream';
import { Public } from '@app/access';
import { CursorKey, encodeCursor } from '@app/http';
import { demoId } from '@app/demo';
import { luhnCheckDigit } from '@app/students';
import { givenFor } from './support/given';
import { API, bearer, createTestApp, TestApp } from './support/test-app';

/** A route that fails the way an unclassified PostgreSQL error does, quoting the client's input. */
@Public()
@Controller('test-db-faults')
class DbFaultsController {
  @Get('echo')
  echo(): never {
    throw Object.assign(new Error('invalid parameter: "201203151234"'), {
      name: 'QueryFailedError',
      query: 'SELECT * FROM student WHERE personnummer = $1',
      parameters: ['201203151234'],
      driverError: { code: 'XX000', message: 'invalid parameter: "201203151234"' },
    });
  }
}

@Module({ controllers: [DbFaultsController] })
class DbFaultsModule {}

const STORSJO = demoId('agency:storsjo');

/** A valid personnummer for a made-up pupil born 2012-03-16. */
function personnummer(serial: number): string {
  const nine = `120316${String(serial).padStart(3, '0')}`;
  return `20${nine}${luhnCheckDigit(nine)}`;
}
const JWT_SECRET = 'test-secret-test-secret-test-secret-42';

/** The log lines the app writes, as text. */
class LogCapture extends Writable {
  lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

/** A value of each key type that the list's SQL accepts, and values it must never see. */
const GOOD: Record<CursorKey, unknown> = {
  text: 'Andersson',
  uuid: '00000000-0000-4000-8000-000000000000',
  int: 1,
  date: '2026-01-15',
  time: '08:00',
  timestamp: '2026-01-15T08:00:00.000Z',
};
const BAD: Record<CursorKey, unknown[]> = {
  text: ['a\u0000b', 42, null, ['x'], { a: 1 }],
  uuid: ['not-a-uuid', 42, 'a\u0000b'],
  int: ['x', -1, 1.5, 1e300, '1'],
  date: ['2026-13-45', '-2026-01-01', '2026-02-30', 'infinity', 20260101],
  time: ['25:99', 'noon', 800],
  timestamp: ['yesterday', '-2026-01-01T00:00:00Z', 'infinity', '2026-02-30T08:00:00Z', 0],
};

describe('Hardening: bad input is a 400 problem, never a 5xx; logs, caches and ids', () => {
  let t: TestApp;
  const logs = new LogCapture();
  const tokens = new Map<string, string>();
  const as = (user: string) => tokens.get(user)!;
  let caseId: string;
  let flagPupil: string;

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'info' }, { imports: [{ module: DbFaultsModule }], logStream: logs });
    for (const user of [
      'mentor@storsjo.demo',
      'elevhalsa@storsjo.demo',
      'auditor@ostersund.demo',
      'admin@ostersund.demo',
      'soc@ostersund.demo',
    ]) {
      tokens.set(user, await bearer(t.http, user));
    }
    // A demo case of Storsjöskolan that is still open, with meetings, plan versions and a timeline.
    const open = await t.db.query(
      `SELECT c.id FROM support_case c
        WHERE c.school_id = $1 AND c.status <> 'closed' AND EXISTS (SELECT 1 FROM case_plan p WHERE p.case_id = c.id)
        ORDER BY c.opened_at LIMIT 1`,
      [STORSJO],
    );
    caseId = open.rows[0].id;
    flagPupil = (await givenFor(t.db).pupil()).id;
  });
  afterAll(() => t.close());

  describe('the NUL character (U+0000), anywhere', () => {
    const NUL = '\u0000';
    /** Each input twice: with a NUL (400 on the field) and without (the request works, so the check is not vacuous). */
    const rows: {
      name: string;
      as?: string;
      method: 'get' | 'post';
      path: (text: string) => string;
      body?: (text: string) => object;
      field: string;
      ok: number;
    }[] = [
      {
        name: 'students className filter',
        as: 'mentor@storsjo.demo',
        method: 'get',
        path: (x) => `/students?className=7A${encodeURIComponent(x)}`,
        field: 'className',
        ok: 200,
      },
      {
        name: 'guardian-notice className filter',
        as: 'mentor@storsjo.demo',
        method: 'get',
        path: (x) => `/schools/${STORSJO}/guardian-notices?className=7A${encodeURIComponent(x)}`,
        field: 'className',
        ok: 200,
      },
      {
        name: 'access-log subjectId',
        as: 'auditor@ostersund.demo',
        method: 'get',
        path: (x) => `/access-log?subjectId=abc${encodeURIComponent(x)}`,
        field: 'subjectId',
        ok: 200,
      },
      {
        name: 'access-log subjectType',
        as: 'auditor@ostersund.demo',
        method: 'get',
        path: (x) => `/access-log?subjectType=student${encodeURIComponent(x)}`,
        field: 'subjectType',
        ok: 200,
      },
      {
        name: 'class name in the path',
        as: 'mentor@storsjo.demo',
        method: 'get',
        path: (x) => `/schools/${STORSJO}/classes/7A${encodeURIComponent(x)}/absence`,
        field: 'path',
        ok: 200,
      },
      {
        name: 'login username (before authentication)',
        method: 'post',
        path: () => '/auth/login',
        body: (x) => ({ username: `nobody${x}@storsjo.demo`, password: 'wrong-password' }),
        field: 'username',
        ok: 401,
      },
      {
        name: 'a pupil’s className in a body',
        as: 'mentor@storsjo.demo',
        method: 'post',
        path: () => '/students',
        body: (x) => ({
          personnummer: personnummer(x ? 1 : 2),
          firstName: 'Nul',
          lastName: 'Test',
          schoolId: STORSJO,
          grade: 7,
          className: `7${x}B`,
          guardians: [],
        }),
        field: 'className',
        ok: 201,
      },
      {
        name: 'a guardian’s name, nested in a body',
        as: 'mentor@storsjo.demo',
        method: 'post',
        path: () => '/students',
        body: (x) => ({
          personnummer: personnummer(x ? 3 : 4),
          firstName: 'Nul',
          lastName: 'Test',
          schoolId: STORSJO,
          grade: 7,
          className: '7B',
          guardians: [{ name: `Anna${x} Test`, relation: 'vårdnadshavare' }],
        }),
        field: 'guardians.0.name',
        ok: 201,
      },
      {
        name: 'flag text',
        as: 'mentor@storsjo.demo',
        method: 'post',
        path: () => `/students/${flagPupil}/flags`,
        body: (x) => ({ text: `Borta varje måndag${x}.` }),
        field: 'text',
        ok: 201,
      },
      {
        name: 'mapping text',
        as: 'elevhalsa@storsjo.demo',
        method: 'post',
        path: () => `/cases/${caseId}/mapping`,
        body: (x) => ({ section: 'school', text: `Trivs i klassen${x}.` }),
        field: 'text',
        ok: 201,
      },
      {
        name: 'meeting place',
        as: 'elevhalsa@storsjo.demo',
        method: 'post',
        path: () => `/cases/${caseId}/meetings`,
        body: (x) => ({
          startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          place: `Rum${x} 12`,
          agencyIds: [STORSJO],
          pupilPresent: true,
          guardiansPresent: true,
        }),
        field: 'place',
        ok: 201,
      },
    ];

    it.each(rows)('$name: 400 on $field with a NUL, and works without', async (row) => {
      const send = (text: string) => {
        let req = t.http[row.method](`${API}${row.path(text)}`);
        if (row.as) req = req.set('authorization', as(row.as));
        return row.body ? req.send(row.body(text)) : req;
      };
      const refused = await send(NUL);
      expect(refused.status).toBe(400);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body.errors).toEqual([
        { field: row.field, code: expect.any(String), message: expect.any(String) },
      ]);
      expect((await send('')).status).toBe(row.ok);
    });

    it('refuses a NUL in a JSON key and answers a NUL before authentication with 400, not 401', async () => {
      const key = await t.http
        .post(`${API}/auth/login`)
        .set('content-type', 'application/json')
        .send('{"username":"a@b.se","password":"x","ext\\u0000ra":1}')
        .expect(400);
      expect(key.body.errors).toEqual([{ field: 'body', code: expect.any(String), message: expect.any(String) }]);
      // An escaped backslash followed by u0000 is six ordinary characters, not a NUL.
      await t.http
        .post(`${API}/auth/login`)
        .set('content-type', 'application/json')
        .send('{"username":"a\\\\u0000@b.se","password":"x"}')
        .expect(401);
    });
  });

  describe('hand-made page cursors', () => {
    /** Every list endpoint with a cursor, with the caller who may read it and its sort key's types. */
    const lists: { route: string; path: () => string; as: string; keys: CursorKey[] }[] = [
      { route: 'GET /students', path: () => '/students', as: 'mentor@storsjo.demo', keys: ['text', 'text', 'uuid'] },
      {
        route: 'GET /students/:id/attendance',
        path: () => `/students/${demoId('pupil:0')}/attendance`,
        as: 'mentor@storsjo.demo',
        keys: ['date', 'time'],
      },
      { route: 'GET /agencies', path: () => '/agencies', as: 'admin@ostersund.demo', keys: ['text', 'uuid'] },
      { route: 'GET /users', path: () => '/users', as: 'admin@ostersund.demo', keys: ['text', 'uuid'] },
      { route: 'GET /cases', path: () => '/cases', as: 'elevhalsa@storsjo.demo', keys: ['timestamp', 'uuid'] },
      {
        route: 'GET /cases/:id/timeline',
        path: () => `/cases/${caseId}/timeline`,
        as: 'elevhalsa@storsjo.demo',
        keys: ['int'],
      },
      {
        route: 'GET /cases/:id/plan/versions',
        path: () => `/cases/${caseId}/plan/versions`,
        as: 'elevhalsa@storsjo.demo',
        keys: ['int'],
      },
      {
        route: 'GET /cases/:id/meetings',
        path: () => `/cases/${caseId}/meetings`,
        as: 'elevhalsa@storsjo.demo',
        keys: ['timestamp', 'uuid'],
      },
      { route: 'GET /actions', path: () => '/actions?agency=true', as: 'soc@ostersund.demo', keys: ['date', 'uuid'] },
      {
        route: 'GET /partner-agencies',
        path: () => '/partner-agencies',
        as: 'elevhalsa@storsjo.demo',
        keys: ['text', 'uuid'],
      },
      { route: 'GET /mobilisations', path: () => '/mobilisations', as: 'soc@ostersund.demo', keys: ['date', 'uuid'] },
      { route: 'GET /access-log', path: () => '/access-log', as: 'auditor@ostersund.demo', keys: ['int'] },
      {
        route: 'GET /notifications',
        path: () => '/notifications',
        as: 'elevhalsa@storsjo.demo',
        keys: ['int', 'timestamp', 'uuid'],
      },
      { route: 'GET /flags', path: () => '/flags', as: 'elevhalsa@storsjo.demo', keys: ['timestamp', 'uuid'] },
      {
        route: 'GET /schools/:id/guardian-notices',
        path: () => `/schools/${STORSJO}/guardian-notices`,
        as: 'elevhalsa@storsjo.demo',
        keys: ['text', 'text', 'text', 'uuid'],
      },
      {
        route: 'GET /schools/:id/watchlist',
        path: () => `/schools/${STORSJO}/watchlist`,
        as: 'elevhalsa@storsjo.demo',
        keys: ['int'],
      },
      {
        route: 'GET /schools/:id/investigation-overview',
        path: () => `/schools/${STORSJO}/investigation-overview`,
        as: 'elevhalsa@storsjo.demo',
        keys: ['int'],
      },
    ];

    const get = (list: (typeof lists)[number], query: string) =>
      t.http
        .get(`${API}${list.path()}${list.path().includes('?') ? '&' : '?'}${query}`)
        .set('authorization', as(list.as));

    it.each(lists)('$route: the cursors it gave out work; any other cursor is a 400 on cursor', async (list) => {
      const first = await get(list, 'limit=1');
      expect(first.status).toBe(200);
      if (first.body.nextCursor) {
        expect((await get(list, `limit=1&cursor=${first.body.nextCursor}`)).status).toBe(200);
      }
      // A well-formed cursor made by hand is a position like any other.
      const good = list.keys.map((k) => GOOD[k]);
      expect((await get(list, `cursor=${encodeCursor(good)}`)).status).toBe(200);

      const forged: string[] = [
        'abc',
        encodeCursor([]),
        encodeCursor([...good, 'extra']),
        Buffer.from('{"a":1}').toString('base64url'),
      ];
      list.keys.forEach((key, i) => {
        for (const bad of BAD[key]) forged.push(encodeCursor(good.map((v, j) => (j === i ? bad : v))));
      });
      for (const cursor of forged) {
        const res = await get(list, `cursor=${cursor}`);
        expect({ cursor: Buffer.from(cursor, 'base64url').toString(), status: res.status }).toEqual({
          cursor: Buffer.from(cursor, 'base64url').toString(),
          status: 400,
        });
        expect(res.body.errors).toEqual([{ field: 'cursor', code: expect.any(String), message: expect.any(String) }]);
      }
    });
  });

  describe('dates', () => {
    it.each(['-2026-01-01', '+002026-01-01', '2026-02-30', '2026-01-01T25:00:00Z', '20260101', 'yesterday'])(
      'access-log?from=%s is a 400 on from',
      async (from) => {
        const res = await t.http
          .get(`${API}/access-log`)
          .query({ from })
          .set('authorization', as('auditor@ostersund.demo'))
          .expect(400);
        expect(res.body.errors).toEqual([{ field: 'from', code: expect.any(String), message: expect.any(String) }]);
      },
    );

    it('takes a date or a date-time with an offset', async () => {
      for (const from of ['2026-01-01', '2026-01-01T08:00:00Z', '2026-01-01T08:00:00.123+01:00']) {
        await t.http
          .get(`${API}/access-log`)
          .query({ from, to: '2099-01-01' })
          .set('authorization', as('auditor@ostersund.demo'))
          .expect(200);
      }
    });
  });

  describe('JSON depth and size, before authentication', () => {
    const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

    it.each([
      ['the login', '/auth/login'],
      ['a protected route, without a token', '/students'],
    ])('refuses JSON nested 5 000 deep at %s with a 400 problem', async (_, path) => {
      const res = await t.http
        .post(`${API}${path}`)
        .set('content-type', 'application/json')
        .send(`{"username":${nested(5000)},"password":"x"}`)
        .expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toMatch(/nested too deeply/);
    });

    it('still takes 64 levels (and answers them with a field error, not the depth error)', async () => {
      const arrays = `${'['.repeat(63)}1${']'.repeat(63)}`;
      const res = await t.http
        .post(`${API}/auth/login`)
        .set('content-type', 'application/json')
        .send(`{"username":${arrays},"password":"x"}`)
        .expect(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'username' })]));
    });

    it('counts no brackets inside strings', async () => {
      await t.http
        .post(`${API}/auth/login`)
        .send({ username: `${'['.repeat(200)}@storsjo.demo`, password: 'x' })
        .expect(401);
    });
  });

  describe('logs', () => {
    it('redacts a personnummer typed into a path and never logs the query string', async () => {
      const numbers = ['201001011234', '20100101-1234', '1001011234', '100101-1234', '100101+1234'];
      for (const number of numbers) {
        await t.http.get(`${API}/students/${number}`).set('authorization', as('mentor@storsjo.demo'));
      }
      await t.http
        .get(`${API}/students?className=201001011234`)
        .set('authorization', as('mentor@storsjo.demo'))
        .expect(200);
      const requestLines = logs.lines.filter((line) => line.includes('/api/v1/students'));
      expect(requestLines.some((line) => line.includes('/api/v1/students/[redacted]'))).toBe(true);
      for (const number of numbers) expect(logs.text).not.toContain(number);
      // The request line holds the request id, method, full path and status, and nothing else of them.
      // (The list request's is the last on that path: the NUL tests' refusals above are logged too.)
      const listLine = requestLines
        .map((line) => JSON.parse(line) as { req?: Record<string, unknown>; res?: Record<string, unknown> })
        .filter((line) => line.req?.path === '/api/v1/students' && line.res)
        .pop();
      expect(Object.keys(listLine?.req ?? {}).sort()).toEqual(['id', 'method', 'path']);
      expect(listLine?.req?.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(listLine?.res).toEqual({ statusCode: 200 });
      expect(logs.text).not.toMatch(/authorization|bearer/i);
    });

    it('keeps the client’s input out of the log of an unexpected database error', async () => {
      const res = await t.http.get(`${API}/test-db-faults/echo`).expect(500);
      expect(JSON.stringify(res.body)).not.toContain('201203151234');
      const line = logs.lines.find((l) => l.includes('unhandled error') && l.includes(res.body.requestId));
      expect(line).toBeDefined();
      expect(line).toContain('XX000');
      expect(logs.text).not.toContain('201203151234');
    });
  });

  describe('headers and tokens', () => {
    it('answers every API request with Cache-Control: no-store, errors too', async () => {
      for (const [path, auth] of [
        ['/students', as('mentor@storsjo.demo')],
        ['/health/live', undefined],
        ['/no-such-route', undefined],
        ['/users', undefined],
      ] as const) {
        const req = t.http.get(`${API}${path}`);
        const res = await (auth ? req.set('authorization', auth) : req);
        expect({ path, cacheControl: res.headers['cache-control'] }).toEqual({ path, cacheControl: 'no-store' });
      }
    });

    it('takes a caller’s X-Request-Id only when it is a UUID', async () => {
      const uuid = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
      const kept = await t.http.get(`${API}/health/live`).set('x-request-id', uuid);
      expect(kept.headers['x-request-id']).toBe(uuid);
      for (const given of ['trace-me-123', '201001011234', 'x'.repeat(64)]) {
        const res = await t.http.get(`${API}/no-such-route`).set('x-request-id', given);
        expect(res.headers['x-request-id']).not.toBe(given);
        expect(res.headers['x-request-id']).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
        expect(res.body.requestId).toBe(res.headers['x-request-id']);
      }
    });

    it('refuses a correctly signed access token without exp', async () => {
      const real = as('mentor@storsjo.demo').slice('Bearer '.length);
      const jwt = new JwtService({ secret: JWT_SECRET, signOptions: { algorithm: 'HS256' } });
      const { sub, sid, typ } = jwt.decode<{ sub: string; sid: string; typ: string }>(real);
      const withExp = jwt.sign({ sub, sid, typ }, { expiresIn: 300 });
      await t.http.get(`${API}/auth/me`).set('authorization', `Bearer ${withExp}`).expect(200);
      const forever = jwt.sign({ sub, sid, typ }, { noTimestamp: true });
      expect(jwt.decode<{ exp?: number }>(forever).exp).toBeUndefined();
      const res = await t.http.get(`${API}/auth/me`).set('authorization', `Bearer ${forever}`).expect(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });
});

describe('API docs switch', () => {
  it('serves no Swagger UI and no OpenAPI JSON when API_DOCS=false', async () => {
    const t = await createTestApp({ API_DOCS: 'false' });
    try {
      await t.http.get('/api/docs-json').expect(404);
      await t.http.get('/api/docs').expect(404);
    } finally {
      await t.close();
    }
  });
});
