import { Injectable } from '@nestjs/common';
import { Caller } from '@app/access';
import { swedishDate } from '@app/calendar';
import { NotFoundError, escapeHtml } from '@app/http';
import { maskPersonnummer } from '@app/students';
import { CaseAccess, namesVisible } from '../case-access';
import { PlanData, PlanPrintRepository } from './plan-print.repository';

const ACTION_STATUS_SV: Record<string, string> = {
  planned: 'Planerad',
  in_progress: 'Pågår',
  done: 'Klar',
  cancelled: 'Avbruten',
};

const day = (d: Date | string | null) => (d === null ? '' : typeof d === 'string' ? d : swedishDate(d));

/** Text with line breaks kept, escaped. */
const paragraph = (text: string | null) =>
  text ? `<p class="text">${escapeHtml(text)}</p>` : '<p class="empty">Inget antecknat.</p>';

const PRINT_CSS = `
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: Georgia, 'Times New Roman', serif; font-size: 11pt; color: #111; max-width: 180mm; margin: 0 auto; }
  h1 { font-size: 20pt; margin: 0 0 4pt; }
  h2 { font-size: 13pt; margin: 16pt 0 6pt; border-bottom: 1px solid #999; padding-bottom: 2pt; }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #ccc; padding: 4pt 6pt 4pt 0; }
  th { font-size: 9pt; text-transform: uppercase; letter-spacing: .03em; color: #444; }
  .meta { color: #444; margin: 0 0 2pt; }
  .text { white-space: pre-wrap; }
  .empty { color: #666; font-style: italic; }
  footer { margin-top: 24pt; font-size: 9pt; color: #555; }
  tr, li { page-break-inside: avoid; }
  @media screen { body { margin: 24px auto; } }`;

/**
 * The plan as a page the family can take home (Samordnad plan, in Swedish). What it shows
 * follows the caller's access: the pupil's name only with the case summary in view, the list of
 * guardians only for the school (and never for a pupil with protected identity), the family's
 * names among those who agreed as `namesVisible` says, contact details never.
 */
@Injectable()
export class PlanPrintService {
  constructor(
    private readonly prints: PlanPrintRepository,
    private readonly cases: CaseAccess,
  ) {}

  async html(caller: Caller, caseId: string): Promise<string> {
    const facts = await this.cases.require(caller, caseId, { action: 'read', log: 'plan.print' });
    await this.cases.requireScope(caller, facts, 'plan', 'plan.print');
    const data = await this.prints.load(this.prints.manager, caseId);
    if (!data) throw new NotFoundError('plan');
    const school = caller.agencyType === 'school' && caller.agencyId === facts.schoolId;
    const names = namesVisible(caller, facts);
    return render(data, {
      pupilVisible: names.pupil,
      guardiansVisible: school && !data.header.protected_identity,
      guardianNamesVisible: names.guardians,
    });
  }
}

function render(
  data: PlanData,
  show: { pupilVisible: boolean; guardiansVisible: boolean; guardianNamesVisible: boolean },
): string {
  const { plan, header } = data;
  const e = escapeHtml;
  const pupil = show.pupilVisible
    ? `<p class="meta">Elev: <strong>${e(header.first_name)} ${e(header.last_name)}</strong>, ${e(header.personnummer ? maskPersonnummer(header.personnummer) : '')}, klass ${e(header.class_name)}</p>`
    : '';
  const guardians =
    show.guardiansVisible && data.guardians.length
      ? `<p class="meta">Vårdnadshavare: ${data.guardians.map((g) => e(g.name)).join(', ')}</p>`
      : '';
  const goals = data.goals.length
    ? `<ol>${data.goals
        .map((g) => {
          const target = [
            g.target_attendance_percent !== null
              ? `närvaro minst ${e(Number(g.target_attendance_percent).toLocaleString('sv-SE'))} %`
              : '',
            g.target_date ? `senast ${e(g.target_date)}` : '',
            g.target_text ? e(g.target_text) : '',
          ].filter(Boolean);
          return `<li><span class="text">${e(g.text)}</span>${target.length ? `<br><small>Mål: ${target.join(', ')}</small>` : ''}</li>`;
        })
        .join('')}</ol>`
    : '<p class="empty">Inga mål är satta.</p>';
  const actions = data.actions.length
    ? `<table><thead><tr><th>Vad</th><th>Ansvarig verksamhet</th><th>Ansvarig person</th><th>Start</th><th>Klart senast</th><th>Status</th></tr></thead><tbody>${data.actions
        .map(
          (a) =>
            `<tr><td class="text">${e(a.description)}</td><td>${e(a.agency_name)}</td><td>${e(a.responsible_name ?? '–')}</td>` +
            `<td>${e(a.start_date ?? '–')}</td><td>${e(a.due_date)}</td><td>${e(ACTION_STATUS_SV[a.status] ?? a.status)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p class="empty">Inga insatser är planerade.</p>';
  const reviews = plan.review_dates.length
    ? `<ul>${plan.review_dates.map((d) => `<li>${e(d)}</li>`).join('')}</ul>`
    : '<p class="empty">Inga datum är satta.</p>';
  const who = (g: PlanData['agreements'][number]) => {
    if (g.participant === 'agency') return `${e(g.name)} (${e(g.agency_name)})`;
    const role = g.participant === 'pupil' ? 'Eleven' : 'Vårdnadshavare';
    // A name of the family shows only to those who may see who the pupil (and family) is.
    const visible = g.participant === 'pupil' ? show.pupilVisible : show.guardianNamesVisible;
    return visible ? `${e(g.name)} (${role.toLowerCase()})` : role;
  };
  const agreements = data.agreements.length
    ? `<table><thead><tr><th>Vem</th><th>Datum</th></tr></thead><tbody>${data.agreements
        .map((g) => `<tr><td>${who(g)}</td><td>${e(day(g.agreed_at))}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p class="empty">Planen är ännu inte överenskommen.</p>';

  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Samordnad plan ${e(header.reference)}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<header>
<h1>Samordnad plan</h1>
<p class="meta">Ärende: <strong>${e(header.reference)}</strong> · ${e(header.school_name)}</p>
${pupil}
${guardians}
<p class="meta">Samordnare: ${e(header.coordinator_name)}</p>
<p class="meta">Version ${e(plan.version)}, senast ändrad ${e(day(plan.updated_at))}</p>
</header>
<main>
<section><h2>Mål</h2>${goals}</section>
<section><h2>Insatser – vem gör vad och när</h2>${actions}</section>
<section><h2>Elevens egna ord</h2>${paragraph(plan.pupil_view)}</section>
<section><h2>Vårdnadshavarnas syn</h2>${paragraph(plan.guardian_view)}</section>
<section><h2>Planen följs upp</h2>${reviews}</section>
<section><h2>Överenskommelse</h2>${agreements}</section>
</main>
<footer>Utskriven ${e(swedishDate())}. Handlingen innehåller uppgifter som kan omfattas av sekretess.</footer>
</body>
</html>
`;
}
