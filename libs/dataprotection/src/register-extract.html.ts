import { swedishDate } from '@app/calendar';
import type { PlanDto } from '@app/cases';
import type { ExtractListLimitDto, RegisterExtractDto } from './register-extract.dto';
import { escapeHtml } from '@app/http';

const e = escapeHtml;

/** A date-time as the Swedish date and time in Sweden (`2026-11-20 09:15`). */
function when(iso: string | null): string {
  if (!iso) return '–';
  const date = new Date(iso);
  const time = date.toLocaleTimeString('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' });
  return `${swedishDate(date)} ${time}`;
}

const SV: Record<string, string> = {
  new: 'Ny',
  accepted: 'Accepterad',
  dismissed: 'Avslutad utan ärende',
  pending: 'Väntar på svar',
  declined: 'Avböjd',
  open: 'Öppnat',
  mapping: 'Kartläggning',
  plan_active: 'Plan pågår',
  follow_up: 'Uppföljning',
  closed: 'Avslutat',
  guardian: 'Vårdnadshavare',
  pupil: 'Eleven',
  phone: 'Telefon',
  sms: 'SMS',
  email: 'E-post',
  letter: 'Brev',
  in_person: 'Personligen',
  school_app: 'Skolans app',
  school: 'Skolan',
  health: 'Hälsa',
  home_family: 'Hem och familj',
  leisure_friends: 'Fritid och vänner',
  pupil_view: 'Elevens syn',
  guardian_view: 'Vårdnadshavarnas syn',
  case_summary: 'ärendets sammanfattning',
  attendance: 'närvaro',
  health_notes: 'hälsouppgifter',
  plan: 'plan',
  planned: 'Planerad',
  in_progress: 'Pågår',
  done: 'Klar',
  cancelled: 'Avbruten',
  user: 'Användare',
  sync: 'Skolans elevregister',
};
const sv = (value: string | null | undefined) => (value ? (SV[value] ?? value) : '–');

/** The kinds of data the access log names, in words. */
const SUBJECT_SV: Record<string, string> = {
  student: 'Elevens uppgifter',
  flag: 'Anmälan till elevhälsan',
  investigation: 'Frånvaroutredning',
  case: 'Ärende',
  consent: 'Samtycke',
  mobilisation: 'Inbjudan',
  case_meeting: 'Möte',
  mapping_contribution: 'Kartläggning',
  case_plan: 'Plan',
  plan_action: 'Insats i planen',
  plan_agreement: 'Överenskommelse om planen',
  plan_review: 'Utvärdering',
  case_follow_up: 'Uppföljning',
  intervention_course: 'Insats',
};

/** The note under a bounded section: how many there are, and how to ask for the rest. */
function bounded(what: string, limit: ExtractListLimitDto | null, ask: string): string {
  if (!limit) return '';
  const period =
    limit.from || limit.to ? ` under perioden ${e(limit.from ?? 'början')} – ${e(limit.to ?? 'i dag')}` : '';
  if (!limit.truncated) return `<p class="meta">${e(limit.total)} ${e(what)}${period}.</p>`;
  return `<p class="notice">Utdraget visar de senaste ${e(limit.shown)} av ${e(limit.total)} ${e(what)}${period}. ${e(ask)}</p>`;
}

/** What was done, in words, from the access log's verb (its last part); the code itself follows. */
const VERB_SV: Record<string, string> = {
  read: 'Läste',
  list: 'Läste',
  versions: 'Läste',
  timeline: 'Läste',
  print: 'Läste',
  overview: 'Läste',
  changes: 'Läste',
  absence: 'Läste',
  attendance: 'Läste',
  lookup: 'Sökte fram',
  searchStudent: 'Sökte i loggen',
  register_extract: 'Tog fram registerutdrag',
  erase: 'Begärde radering',
  erase_refused: 'Begärde radering (nekad)',
  create: 'Registrerade',
  add: 'Registrerade',
  give: 'Registrerade',
  invite: 'Registrerade',
  schedule: 'Registrerade',
  start: 'Registrerade',
  record: 'Registrerade',
  note: 'Registrerade',
};
function actionSv(action: string): string {
  const verb = action.split('.').pop() ?? action;
  return `${VERB_SV[verb] ?? (verb.endsWith('read') ? 'Läste' : 'Ändrade')} (${action})`;
}

const text = (value: string | null) =>
  value ? `<span class="text">${e(value)}</span>` : '<span class="empty">Inget antecknat</span>';
const empty = (what: string) => `<p class="empty">${e(what)}</p>`;

function table(headers: string[], rows: string[][]): string {
  return (
    `<table><thead><tr>${headers.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>` +
    rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('') +
    '</tbody></table>'
  );
}

/** An ISO week (2026-W45) as the app shows it: "v. 45", with its Monday since an extract spans years. */
const week = (isoWeek: string, monday: string) => {
  const match = /W(\d{1,2})$/.exec(isoWeek);
  return match ? `v. ${Number(match[1])} (${monday})` : isoWeek;
};

const json = (value: unknown) => (value === null || value === undefined ? '–' : e(JSON.stringify(value)));

const PRINT_CSS = `
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: Georgia, 'Times New Roman', serif; font-size: 10.5pt; color: #111; max-width: 180mm; margin: 0 auto; }
  h1 { font-size: 20pt; margin: 0 0 4pt; }
  h2 { font-size: 13pt; margin: 18pt 0 6pt; border-bottom: 1px solid #999; padding-bottom: 2pt; }
  h3 { font-size: 11.5pt; margin: 12pt 0 4pt; }
  table { width: 100%; border-collapse: collapse; margin-bottom: 6pt; }
  th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #ccc; padding: 3pt 6pt 3pt 0; }
  th { font-size: 8.5pt; text-transform: uppercase; letter-spacing: .03em; color: #444; }
  .meta { color: #444; margin: 0 0 2pt; }
  .text { white-space: pre-wrap; }
  .empty { color: #666; font-style: italic; }
  .notice { border: 1px solid #999; padding: 6pt; margin: 8pt 0; }
  footer { margin-top: 24pt; font-size: 9pt; color: #555; }
  tr { page-break-inside: avoid; }
  @media screen { body { margin: 24px auto; } }`;

function plan(p: PlanDto): string {
  const goals = p.goals.length
    ? `<ul>${p.goals.map((g) => `<li>${text(g.text)}</li>`).join('')}</ul>`
    : empty('Inga mål.');
  const actions = p.actions.length
    ? table(
        ['Vad', 'Verksamhet', 'Ansvarig', 'Klart senast', 'Status'],
        p.actions.map((a) => [
          text(a.description),
          e(a.agency.name),
          e(a.responsible?.displayName ?? '–'),
          e(a.dueDate),
          e(sv(a.status)),
        ]),
      )
    : empty('Inga insatser.');
  return `<p class="meta">Version ${e(p.version)}</p><h4>Mål</h4>${goals}<h4>Insatser</h4>${actions}
<p>Elevens egna ord: ${text(p.pupilView)}</p><p>Vårdnadshavarnas syn: ${text(p.guardianView)}</p>`;
}

/**
 * The register extract as a printable page in Swedish, for the family. Under protected identity
 * (skyddade personuppgifter) the guardians' contact details are left out of the print: paper
 * travels, and an address or a number must not reach the wrong hands.
 */
export function renderRegisterExtract(x: RegisterExtractDto): string {
  const p = x.pupil;
  const hideContact = p.protectedIdentity;
  const guardians = p.guardians.length
    ? table(
        ['Namn', 'Relation', 'Telefon', 'E-post'],
        p.guardians.map((g) => [
          e(g.name),
          e(g.relation),
          hideContact ? '<span class="empty">Visas inte</span>' : e(g.phone ?? '–'),
          hideContact ? '<span class="empty">Visas inte</span>' : e(g.email ?? '–'),
        ]),
      )
    : empty('Inga vårdnadshavare är registrerade.');
  const changes = p.changes.length
    ? table(
        ['När', 'Uppgift', 'Tidigare', 'Ny', 'Av'],
        p.changes.map((c) => [
          e(when(c.changedAt)),
          e(c.field),
          json(hideContact ? redactContacts(c.oldValue) : c.oldValue),
          json(hideContact ? redactContacts(c.newValue) : c.newValue),
          e(c.changedBy ?? sv(c.source)),
        ]),
      )
    : empty('Uppgifterna har inte ändrats.');
  const weeks = x.attendance.perWeek?.weeks.length
    ? table(
        ['Vecka', 'Schemalagd tid (min)', 'Giltig frånvaro (min)', 'Ogiltig frånvaro (min)', 'Frånvaro'],
        x.attendance.perWeek.weeks.map((w) => [
          e(week(w.week, w.weekStart)),
          e(w.offeredMinutes),
          e(w.validAbsenceMinutes),
          e(w.invalidAbsenceMinutes),
          `${e(w.absencePercent.toLocaleString('sv-SE'))} %`,
        ]),
      )
    : empty('Ingen närvaro är registrerad.');
  const lessons = x.attendance.lessons
    ? x.attendance.lessons.length
      ? table(
          ['Datum', 'Start', 'Schemalagd', 'Närvarande', 'Giltig frånvaro', 'Ogiltig frånvaro', 'Orsak'],
          x.attendance.lessons.map((l) => [
            e(l.date),
            e(l.startTime),
            e(l.offeredMinutes),
            e(l.attendedMinutes),
            e(l.validAbsenceMinutes),
            e(l.invalidAbsenceMinutes),
            e(l.reason ?? '–'),
          ]),
        )
      : empty('Inga lektioner.')
    : '';
  const flags = x.flags.length
    ? table(
        ['Anmäld', 'Av', 'Text', 'Status', 'Skäl'],
        x.flags.map((f) => [
          e(when(f.createdAt)),
          e(f.createdBy),
          text(f.text),
          e(sv(f.status)),
          f.dismissReason ? text(f.dismissReason) : '–',
        ]),
      )
    : empty('Inga anmälningar.');
  const investigations = x.investigations.length
    ? table(
        ['Startad', 'Huvudmannen informerad', 'Registrerad av'],
        x.investigations.map((i) => [e(i.startedOn), e(i.huvudmanInformedOn ?? '–'), e(i.recordedBy)]),
      )
    : empty('Inga frånvaroutredningar.');
  const notices = x.guardianNotices.length
    ? table(
        ['Frånvarodag', 'Hur', 'När', 'Av'],
        x.guardianNotices.map((n) => [e(n.absenceDate), e(sv(n.method)), e(when(n.informedAt)), e(n.recordedBy)]),
      )
    : empty('Inga.');
  const cases = x.cases.length
    ? x.cases
        .map(
          (c) => `<section>
<h3>Ärende ${e(c.reference)} – ${e(sv(c.status))}</h3>
<p class="meta">Öppnat ${e(when(c.openedAt))} · samordnare ${e(c.coordinator)}${c.closedAt ? ` · avslutat ${e(when(c.closedAt))}` : ''}</p>
<h4>Händelser</h4>${
            c.timeline.length
              ? table(
                  ['När', 'Händelse', 'Av', 'Verksamhet'],
                  c.timeline.map((t) => [e(when(t.at)), e(t.kind), e(t.actor ?? '–'), e(t.agency ?? '–')]),
                )
              : empty('Inga.')
          }
<h4>Samtycken</h4>${
            c.consents.length
              ? table(
                  ['Verksamhet', 'Givet av', 'Omfattning', 'Från', 'Till', 'Återkallat'],
                  c.consents.map((s) => [
                    e(s.agency),
                    `${e(sv(s.givenBy))}: ${e(s.givenByName)}`,
                    e(s.scope.map(sv).join(', ')),
                    e(s.givenAt),
                    e(s.validUntil ?? '–'),
                    e(s.withdrawnAt ? when(s.withdrawnAt) : '–'),
                  ]),
                )
              : empty('Inga.')
          }
<h4>Inbjudna verksamheter</h4>${
            c.invitations.length
              ? table(
                  ['Verksamhet', 'Inbjuden', 'Svar', 'Företrädare'],
                  c.invitations.map((m) => [
                    e(m.agency),
                    e(when(m.invitedAt)),
                    e(sv(m.status)),
                    e(m.representative ?? '–'),
                  ]),
                )
              : empty('Inga.')
          }
<h4>Möten</h4>${
            c.meetings.length
              ? table(
                  ['När', 'Var', 'Verksamheter', 'Anteckningar', 'Beslut'],
                  c.meetings.map((m) => [
                    e(when(m.startsAt)),
                    e(m.place ?? 'Video'),
                    e(m.agencies.join(', ')),
                    text(m.minutes),
                    text(m.decisions),
                  ]),
                )
              : empty('Inga.')
          }
<h4>Kartläggning</h4>${
            c.mapping.length
              ? table(
                  ['Del', 'Verksamhet', 'Av', 'Text'],
                  c.mapping.map((m) => [e(sv(m.section)), e(m.agency), e(m.author), text(m.text)]),
                )
              : empty('Ingen.')
          }
<h4>Samordnad plan</h4>${c.plan ? plan(c.plan) : empty('Ingen plan.')}
<h4>Planens versioner</h4>${
            c.planVersions.length
              ? table(
                  ['Version', 'Ändring', 'Av', 'Verksamhet', 'När'],
                  c.planVersions.map((v) => [
                    e(v.version),
                    e(v.change),
                    e(v.changedBy),
                    e(v.agency),
                    e(when(v.changedAt)),
                  ]),
                )
              : empty('Inga.')
          }
<h4>Utvärderingar</h4>${
            c.reviews.length
              ? table(
                  ['Datum', 'Närvaro före', 'Närvaro efter', 'Målet nått', 'Beslut'],
                  c.reviews.map((r) => [
                    e(r.reviewedOn),
                    e(r.attendanceBeforePercent ?? '–'),
                    e(r.attendanceAfterPercent ?? '–'),
                    r.goalReached ? 'Ja' : 'Nej',
                    text(r.decisions),
                  ]),
                )
              : empty('Inga.')
          }
<h4>Uppföljningar</h4>${
            c.followUps.length
              ? table(
                  ['Månader', 'Senast', 'Registrerad', 'Närvaro', 'Anteckning'],
                  c.followUps.map((f) => [
                    e(f.months),
                    e(f.dueOn),
                    e(f.recordedAt ? when(f.recordedAt) : '–'),
                    e(f.attendancePercent ?? '–'),
                    text(f.note),
                  ]),
                )
              : empty('Inga.')
          }
<h4>Insatser</h4>${
            c.interventionCourses.length
              ? table(
                  ['Insats', 'Startad', 'Startad av', 'Avslutad', 'Uppföljningar'],
                  c.interventionCourses.map((k) => [
                    e(k.intervention),
                    e(k.startedOn),
                    e(k.startedBy),
                    e(k.endedOn ?? '–'),
                    k.followUps.length
                      ? k.followUps
                          .map((f) => `${e(f.months)} mån: ${e(when(f.recordedAt))} (${e(f.recordedBy)})`)
                          .join('<br>')
                      : '–',
                  ]),
                )
              : empty('Inga.')
          }
</section>`,
        )
        .join('')
    : empty('Inga ärenden.');
  const accessed = x.accessedBy.length
    ? table(
        ['När', 'Vem', 'Verksamhet', 'Organisation', 'Vilka uppgifter', 'Vad'],
        x.accessedBy.map((a) => [
          e(when(a.at)),
          e(a.user ?? '–'),
          e(a.agency ?? '–'),
          e(a.organisation ?? '–'),
          e(SUBJECT_SV[a.subjectType] ?? a.subjectType),
          e(actionSv(a.action)),
        ]),
      )
    : empty('Ingen.');

  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Registerutdrag</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<header>
<h1>Registerutdrag</h1>
<p class="meta">Enligt artikel 15 i dataskyddsförordningen (GDPR): de uppgifter om eleven och vårdnadshavarna som finns i Närvaroteam.</p>
<p class="meta">Personuppgiftsansvarig: <strong>${e(p.organisationName)}</strong> · ${e(p.schoolName)}</p>
<p class="meta">Utdraget skapat ${e(when(x.producedAt))}</p>
${hideContact ? '<p class="notice">Eleven har skyddade personuppgifter. Vårdnadshavarnas kontaktuppgifter skrivs därför inte ut.</p>' : ''}
</header>
<main>
<section><h2>Eleven</h2>
${table(
  ['Namn', 'Personnummer', 'Klass', 'Årskurs', 'Skola', 'Registrerad'],
  [
    [
      `${e(p.firstName)} ${e(p.lastName)}`,
      e(p.personnummer),
      e(p.className),
      e(p.grade),
      e(p.schoolName),
      e(when(p.registeredAt)),
    ],
  ],
)}</section>
<section><h2>Vårdnadshavare</h2>${guardians}</section>
<section><h2>Rättelser och ändringar</h2>${changes}</section>
<section><h2>Närvaro och frånvaro per vecka</h2>${weeks}${
    lessons
      ? `<h3>Lektioner</h3>${bounded('lektioner', x.attendance.lessonsShown, 'Äldre lektioner lämnas ut för en period i taget på begäran.')}${lessons}`
      : ''
  }</section>
<section><h2>Anmälningar till elevhälsan</h2>${flags}</section>
<section><h2>Frånvaroutredningar</h2>${investigations}</section>
<section><h2>Vårdnadshavare informerade om frånvaro</h2>${notices}</section>
<section><h2>Ärenden</h2>${cases}</section>
<section><h2>Vem har läst eller ändrat uppgifterna</h2>${bounded('registreringar i loggen', x.accessedByShown, 'Äldre registreringar lämnas ut för en period i taget på begäran.')}${accessed}</section>
</main>
<footer>Har du frågor om utdraget eller vill du att en uppgift rättas? Kontakta skolans rektor.</footer>
</body>
</html>`;
}

/** A guardian change's value without phone and e-mail (protected identity). */
function redactContacts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactContacts);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => key !== 'phone' && key !== 'email')
        .map(([key, v]) => [key, redactContacts(v)]),
    );
  }
  return value;
}
