import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { ss12000Problems } from './ss12000-spec';

/** An SS 12000 object the fake server holds: anything with an id and meta. */
type Item = { id: string; meta: { created: string; modified: string } } & Record<string, unknown>;

/** The response schema of each listing, from the official spec: every page served is checked against it. */
const LISTINGS: Record<string, string> = {
  '/organisations': 'Organisations',
  '/persons': 'PersonsExpanded',
  '/groups': 'GroupsExpanded',
  '/calendarEvents': 'CalendarEvents',
  '/attendances': 'Attendances',
  '/absences': 'Absences',
};

export type Fault = { status: number; retryAfter?: string };

export interface FakeAuth {
  type: 'none' | 'bearer' | 'oauth2';
  token?: string;
  clientId?: string;
  clientSecret?: string;
  /** Lifetime of issued OAuth tokens, seconds. */
  expiresIn?: number;
}

/**
 * A local SS 12000 v2.1.0 server for tests: listings with `limit`/`pageToken` paging, the
 * filters the sync uses (organisation, `meta.modified.after`, start times), `/deletedEntities`,
 * bearer or OAuth 2 client-credentials auth (tokens that expire, or are revoked), and faults
 * (429 with `Retry-After`, 5xx) injected per path. Every page it serves is validated against the
 * official spec's schema first: a test cannot feed the sync something the standard does not allow.
 */
export class FakeSs12000Server {
  readonly organisations: Item[] = [];
  readonly persons: Item[] = [];
  readonly groups: Item[] = [];
  readonly calendarEvents: Item[] = [];
  readonly attendances: Item[] = [];
  readonly absences: Item[] = [];
  readonly deleted: { at: string; type: 'calendarEvents' | 'attendances' | 'persons'; id: string }[] = [];
  /** Faults served (first in, first out) for requests whose path starts with the key. */
  readonly faults = new Map<string, Fault[]>();
  /** Every request: method, path and query, and whether it carried a valid token. */
  readonly requests: { method: string; path: string; query: URLSearchParams; authorized: boolean }[] = [];
  auth: FakeAuth = { type: 'none' };
  tokensIssued = 0;
  /** Revoke every OAuth token after this many authorized listing requests (an expiry mid-sync). */
  revokeTokensAfter: number | null = null;
  private authorizedRequests = 0;
  private readonly validTokens = new Map<string, number>();
  private readonly listings = new Map<string, { items: Item[]; offset: number }>();
  private server: Server | null = null;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: Error) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ code: 'fake-server', message: error.message }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  fail(pathPrefix: string, ...faults: Fault[]): void {
    this.faults.set(pathPrefix, [...(this.faults.get(pathPrefix) ?? []), ...faults]);
  }

  /** Serves `okFirst` requests of the path normally, then the faults (a failure mid-listing). */
  failAfter(pathPrefix: string, okFirst: number, ...faults: Fault[]): void {
    this.delayed.set(pathPrefix, { ok: okFirst, faults });
  }
  private readonly delayed = new Map<string, { ok: number; faults: Fault[] }>();

  /** Makes every OAuth token issued so far invalid (as if it expired early). */
  expireTokens(): void {
    this.validTokens.clear();
  }

  /** Marks an object changed now (its meta.modified moves), as the school system would. */
  touch(item: Item, at = new Date()): void {
    item.meta.modified = at.toISOString();
  }

  delete(type: 'calendarEvents' | 'attendances' | 'persons', id: string): void {
    const list =
      type === 'calendarEvents' ? this.calendarEvents : type === 'attendances' ? this.attendances : this.persons;
    const i = list.findIndex((x) => x.id === id);
    if (i >= 0) list.splice(i, 1);
    this.deleted.push({ at: new Date().toISOString(), type, id });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname.replace(/^\/v2/, '');
    if (req.method === 'POST' && path === '/token') return this.token(req, res);
    const authorized = this.authorized(req);
    this.requests.push({ method: req.method ?? 'GET', path, query: url.searchParams, authorized });
    if (!authorized) return this.send(res, 401, { code: 'unauthorized', message: 'token missing or expired' });
    for (const [prefix, later] of this.delayed) {
      if (!path.startsWith(prefix)) continue;
      if (later.ok-- <= 0) {
        this.delayed.delete(prefix);
        this.fail(prefix, ...later.faults);
      }
    }
    for (const [prefix, queue] of this.faults) {
      if (path.startsWith(prefix) && queue.length) {
        const fault = queue.shift()!;
        if (fault.retryAfter) res.setHeader('retry-after', fault.retryAfter);
        return this.send(res, fault.status, { code: 'fault', message: `injected ${fault.status}` });
      }
    }
    if (path === '/deletedEntities') return this.deletedEntities(url.searchParams, res);
    const schema = LISTINGS[path];
    if (!schema) return this.send(res, 404, { code: 'not-found', message: path });
    const q = url.searchParams;
    const limit = Math.max(1, Math.min(Number(q.get('limit') ?? 100), 1000));
    let listing: { items: Item[]; offset: number };
    const token = q.get('pageToken');
    if (token) {
      const found = this.listings.get(token);
      if (!found) return this.send(res, 400, { code: 'bad-token', message: 'unknown pageToken' });
      listing = found;
    } else {
      listing = { items: this.select(path, q), offset: 0 };
    }
    const items = listing.items.slice(listing.offset, listing.offset + limit);
    const rest = listing.offset + limit < listing.items.length;
    let next: string | null = null;
    if (rest) {
      next = randomBytes(8).toString('hex');
      this.listings.set(next, { items: listing.items, offset: listing.offset + limit });
    }
    const page = { data: items, pageToken: next };
    const problems = ss12000Problems(schema, page);
    if (problems.length) throw new Error(`fake server would serve an invalid ${schema} page: ${problems.join('; ')}`);
    this.send(res, 200, page);
  }

  private select(path: string, q: URLSearchParams): Item[] {
    const after = q.get('meta.modified.after');
    const modifiedAfter = (i: Item) => !after || Date.parse(i.meta.modified) > Date.parse(after);
    const org = q.get('organisation') ?? q.get('relationship.organisation');
    const ref = (v: unknown) => (v as { id?: string } | undefined)?.id;
    const enroledHere = (p: Item) =>
      !org || ((p.enrolments as { enroledAt: { id: string } }[]) ?? []).some((e) => e.enroledAt.id === org);
    switch (path) {
      case '/organisations': {
        const codes = q.getAll('schoolUnitCode');
        return this.organisations.filter(
          (o) =>
            modifiedAfter(o) &&
            (!codes.length || codes.includes(String(o.schoolUnitCode))) &&
            (!q.get('type') || o.organisationType === q.get('type')),
        );
      }
      case '/persons': {
        if (q.get('relationship.entity.type') === 'responsibleFor.enrolment') {
          // The responsibles of the unit's pupils, as Person records of their own.
          const responsible = new Set(
            this.persons
              .filter(enroledHere)
              .flatMap((p) => ((p.responsibles as { person: { id: string } }[]) ?? []).map((r) => r.person.id)),
          );
          return this.persons.filter((p) => modifiedAfter(p) && responsible.has(p.id));
        }
        return this.persons.filter((p) => modifiedAfter(p) && enroledHere(p) && Array.isArray(p.enrolments));
      }
      case '/groups':
        return this.groups.filter(
          (g) =>
            modifiedAfter(g) &&
            (!org || ref(g.organisation) === org) &&
            (!q.get('groupType') || g.groupType === q.get('groupType')),
        );
      case '/calendarEvents': {
        const from = q.get('startTime.onOrAfter');
        const to = q.get('startTime.onOrBefore');
        return this.calendarEvents
          .filter(
            (e) =>
              modifiedAfter(e) &&
              (!org || e['x-organisation'] === org) &&
              (!from || Date.parse(String(e.startTime)) >= Date.parse(from)) &&
              (!to || Date.parse(String(e.startTime)) <= Date.parse(to)),
          )
          .map((e) => this.expand(e, q.get('expand') === 'attendance'));
      }
      case '/attendances': {
        // The school unit of an attendance is its calendar event's.
        const unitOf = (a: Item) =>
          this.calendarEvents.find((e) => e.id === (a.calendarEvent as { id: string }).id)?.['x-organisation'];
        return this.attendances.filter((a) => modifiedAfter(a) && (!org || unitOf(a) === org));
      }
      case '/absences':
        return this.absences.filter((a) => modifiedAfter(a) && (!org || ref(a.organisation) === org));
      default:
        return [];
    }
  }

  /** A calendar event as served: with its attendance embedded when asked (the store keeps them apart). */
  private expand(event: Item, withAttendance: boolean): Item {
    const { ['x-organisation']: _org, ...served } = event;
    void _org;
    if (!withAttendance) return served as Item;
    const attendance = this.attendances.filter((a) => (a.calendarEvent as { id: string }).id === event.id);
    return { ...served, _embedded: { attendance } } as Item;
  }

  private deletedEntities(q: URLSearchParams, res: ServerResponse): void {
    const after = q.get('after');
    const data: Record<string, string[]> = {};
    for (const d of this.deleted) {
      if (after && Date.parse(d.at) <= Date.parse(after)) continue;
      (data[d.type] ??= []).push(d.id);
    }
    const page = { data, pageToken: null };
    const problems = ss12000Problems('DeletedEntities', page);
    if (problems.length) throw new Error(`invalid DeletedEntities page: ${problems.join('; ')}`);
    this.send(res, 200, page);
  }

  private authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    if (this.auth.type === 'none') return true;
    const token = header.replace(/^Bearer /, '');
    if (this.auth.type === 'bearer') return token === this.auth.token;
    const expires = this.validTokens.get(token);
    const ok = expires !== undefined && expires > Date.now();
    if (ok && this.revokeTokensAfter !== null && ++this.authorizedRequests > this.revokeTokensAfter) {
      this.revokeTokensAfter = null;
      this.validTokens.clear();
      return false;
    }
    return ok;
  }

  private async token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += chunk;
    const form = new URLSearchParams(body);
    const basic = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
    const [id, secret] = basic.split(':').map(decodeURIComponent);
    if (
      form.get('grant_type') !== 'client_credentials' ||
      id !== this.auth.clientId ||
      secret !== this.auth.clientSecret
    ) {
      return this.send(res, 401, { error: 'invalid_client' });
    }
    const token = randomBytes(16).toString('hex');
    const expiresIn = this.auth.expiresIn ?? 3600;
    this.validTokens.set(token, Date.now() + expiresIn * 1000);
    this.tokensIssued++;
    this.send(res, 200, { access_token: token, token_type: 'Bearer', expires_in: expiresIn });
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  }
}

const iso = (d: string) => `${d}+01:00`;
const meta = (at = '2026-11-01T08:00:00+01:00') => ({ created: at, modified: at });

/** Builders of spec-valid SS 12000 objects for the tests. */
export const ss = {
  person(
    id: string,
    opts: {
      givenName: string;
      familyName: string;
      civicNo: string;
      schoolUnit: string;
      schoolYear?: number;
      securityMarking?: 'Ingen' | 'Sekretessmarkering' | 'Skyddad folkbokföring';
      personStatus?: 'Aktiv' | 'Utvandrad' | 'Avliden';
      responsibles?: { id: string; name: string }[];
    },
  ): Item {
    return {
      id,
      meta: meta(),
      givenName: opts.givenName,
      familyName: opts.familyName,
      civicNo: { value: opts.civicNo, nationality: 'SE' },
      securityMarking: opts.securityMarking ?? 'Ingen',
      personStatus: opts.personStatus ?? 'Aktiv',
      enrolments: [
        {
          enroledAt: { id: opts.schoolUnit },
          schoolType: 'GR',
          startDate: '2026-08-15',
          ...(opts.schoolYear !== undefined ? { schoolYear: opts.schoolYear } : {}),
        },
      ],
      responsibles: (opts.responsibles ?? []).map((r) => ({
        person: { id: r.id, displayName: r.name },
        relationType: 'Vårdnadshavare',
      })),
    };
  },

  /** A responsible (guardian) as a Person of their own, with the contact details SS 12000 keeps. */
  guardian(
    id: string,
    opts: { givenName: string; familyName: string; mobile?: string; homePhone?: string; email?: string },
  ): Item {
    return {
      id,
      meta: meta(),
      givenName: opts.givenName,
      familyName: opts.familyName,
      ...(opts.mobile || opts.homePhone
        ? {
            phoneNumbers: [
              ...(opts.homePhone ? [{ value: opts.homePhone, type: 'Hem', mobile: false }] : []),
              ...(opts.mobile ? [{ value: opts.mobile, type: 'Hem', mobile: true }] : []),
            ],
          }
        : {}),
      ...(opts.email ? { emails: [{ value: opts.email, type: 'Privat' }] } : {}),
    };
  },

  /** A school unit with its skolenhetskod. */
  schoolUnit(id: string, name: string, schoolUnitCode: string): Item {
    return { id, meta: meta(), displayName: name, organisationType: 'Skolenhet', schoolUnitCode };
  },

  klass(id: string, schoolUnit: string, name: string, members: string[]): Item {
    return {
      id,
      meta: meta(),
      displayName: name,
      startDate: '2026-08-15',
      groupType: 'Klass',
      schoolType: 'GR',
      organisation: { id: schoolUnit },
      groupMemberships: members.map((m) => ({ person: { id: m }, startDate: '2026-08-15' })),
    };
  },

  /** A lesson on `date` (YYYY-MM-DD) at `start` (HH:MM) for `minutes`. */
  /** `unit` is the school unit the event belongs to (through its activity; kept beside it here, never served). */
  event(
    id: string,
    date: string,
    start: string,
    minutes: number,
    unit: string,
    opts: { cancelled?: boolean } = {},
  ): Item {
    const startMs = Date.parse(iso(`${date}T${start}:00`));
    const end = new Date(startMs + minutes * 60_000);
    return {
      id,
      meta: meta(),
      activity: { id: '0d6f1f7e-2b8c-4f3e-9a41-7c5e2b1d9f10' },
      startTime: iso(`${date}T${start}:00`),
      endTime: end.toISOString(),
      cancelled: opts.cancelled ?? false,
      teachingLengthStudent: minutes,
      'x-organisation': unit,
    };
  },

  attendance(
    id: string,
    event: string,
    student: string,
    opts: { attended?: number; valid?: number; invalid?: number; reported?: boolean; reason?: string },
  ): Item {
    const reported = opts.reported ?? true;
    return {
      id,
      meta: meta(),
      calendarEvent: { id: event },
      student: { id: student },
      isReported: reported,
      ...(reported
        ? {
            attendanceMinutes: opts.attended ?? 0,
            validAbsenceMinutes: opts.valid ?? 0,
            invalidAbsenceMinutes: opts.invalid ?? 0,
          }
        : {}),
      ...(opts.reason ? { absenceReason: opts.reason } : {}),
    };
  },

  absence(id: string, student: string, schoolUnit: string, start: string, end: string): Item {
    return {
      id,
      meta: meta(),
      startTime: start,
      endTime: end,
      type: 'Anmäld frånvaro',
      student: { id: student },
      organisation: { id: schoolUnit },
    };
  },
};
