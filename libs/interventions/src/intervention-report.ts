/**
 * The board's report of one intervention's results (printable Swedish HTML with SVG charts in
 * the manner of MST Sweden's, and a CSV of the same figures), rendered from the suppressed figures
 * alone: nothing here reads data, so nothing suppressed can reach the page.
 */
import { CountShareDto, InterventionResultDto, InterventionStatsDto } from './intervention-stats.dto';
import { MIN_CELL } from '@app/cases';
import { BEHAVIOURS, COURSE_FOLLOW_UP_MONTHS } from './intervention.rules';
import { escapeHtml } from '@app/http';

export const BEHAVIOUR_LABELS: Record<string, string> = {
  school_absence: 'Skolfrånvaro',
  crime: 'Kriminalitet',
  drugs: 'Alkohol/droger',
  aggression: 'Aggressivitet',
  conflicts_at_home: 'Konflikter i hemmet',
  running_away: 'Rymningar',
  other: 'Övrigt beteende',
};
export const END_REASON_LABELS: Record<string, string> = {
  completed: 'Fullföljd behandling',
  placement: 'Avslutad genom placering',
  lack_of_engagement: 'Avslutad pga bristande engagemang',
  rest: 'Annat (flytt, övrigt)',
};

const HIDDEN_TEXT = `för få (< ${MIN_CELL})`;

const percent = (share: number | null) =>
  share === null ? HIDDEN_TEXT : `${(share * 100).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} %`;
const number = (n: number | null) => (n === null ? HIDDEN_TEXT : n.toLocaleString('sv-SE'));

/** The end-reason slices: the three reported ones and the rest, when every count is shown. */
export function endSlices(r: InterventionResultDto): { key: string; count: number | null }[] {
  const named = ['completed', 'placement', 'lack_of_engagement'].map((key) => ({
    key,
    count: r.endReasons[key].count,
  }));
  const known = r.coursesEnded !== null && named.every((s) => s.count !== null);
  const rest = known ? r.coursesEnded! - named.reduce((sum, s) => sum + s.count!, 0) : null;
  return [...named, { key: 'rest', count: rest }];
}

const COLOURS = ['#1b5e20', '#b71c1c', '#e65100', '#455a64'];

function pie(r: InterventionResultDto): string {
  const slices = endSlices(r);
  const total = r.coursesEnded ?? 0;
  if (!total || slices.some((s) => s.count === null)) {
    return `<p class="note">Diagrammet visas inte: för få avslutade insatser för att redovisa utfallet.</p>`;
  }
  let angle = -Math.PI / 2;
  const paths = slices
    .filter((s) => s.count! > 0)
    .map((s) => {
      const i = slices.indexOf(s);
      const sweep = (s.count! / total) * 2 * Math.PI;
      if (s.count === total) return `<circle cx="100" cy="100" r="90" fill="${COLOURS[i]}"/>`;
      const [x1, y1] = [100 + 90 * Math.cos(angle), 100 + 90 * Math.sin(angle)];
      angle += sweep;
      const [x2, y2] = [100 + 90 * Math.cos(angle), 100 + 90 * Math.sin(angle)];
      return `<path d="M100,100 L${x1.toFixed(2)},${y1.toFixed(2)} A90,90 0 ${sweep > Math.PI ? 1 : 0},1 ${x2.toFixed(2)},${y2.toFixed(2)} Z" fill="${COLOURS[i]}"/>`;
    })
    .join('');
  const legend = slices
    .map(
      (s, i) =>
        `<li><span class="swatch" style="background:${COLOURS[i]}"></span>${escapeHtml(END_REASON_LABELS[s.key])}: ${number(s.count)}</li>`,
    )
    .join('');
  return `<div class="chart"><svg role="img" aria-label="Hur insatserna avslutades" viewBox="0 0 200 200" width="200" height="200">${paths}</svg><ul class="legend">${legend}</ul></div>`;
}

/** Horizontal bars of shares (0–1), a missing (suppressed) one said in words. */
function bars(title: string, rows: { label: string; value: CountShareDto; colour: string }[]): string {
  const height = rows.length * 26 + 10;
  const body = rows
    .map((row, i) => {
      const y = 5 + i * 26;
      const width = row.value.share === null ? 0 : Math.round(row.value.share * 300);
      return (
        `<text x="0" y="${y + 15}" font-size="12">${escapeHtml(row.label)}</text>` +
        `<rect x="170" y="${y}" width="${width}" height="18" fill="${row.colour}"/>` +
        `<text x="${176 + width}" y="${y + 14}" font-size="12">${escapeHtml(percent(row.value.share))}</text>`
      );
    })
    .join('');
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 560 ${height}" width="560" height="${height}">${body}</svg></figure>`;
}

export function renderReportHtml(stats: InterventionStatsDto, r: InterventionResultDto, unitName: string): string {
  const behaviourCharts = BEHAVIOURS.map((b) =>
    bars(BEHAVIOUR_LABELS[b], [
      { label: 'Remitterat beteende vid start', value: r.behaviours[b].atStart, colour: '#b71c1c' },
      { label: 'Ny insats efter 6 mån', value: r.behaviours[b].newIntervention['6'], colour: '#1565c0' },
      { label: 'Ny insats efter 18 mån', value: r.behaviours[b].newIntervention['18'], colour: '#0d47a1' },
    ]),
  ).join('');
  const followUpRows = COURSE_FOLLOW_UP_MONTHS.map((m) => {
    const f = r.followUps[String(m)];
    return `<tr><th scope="row">${m} månader efter avslut</th><td>${number(f.due)}</td><td>${number(f.followedUp.count)} (${percent(f.followedUp.share)})</td><td>${number(f.schoolOrWork20h.count)} (${percent(f.schoolOrWork20h.share)})</td></tr>`;
  }).join('');
  const endRows = endSlices(r)
    .map((s) => {
      const share = s.key === 'rest' ? null : r.endReasons[s.key].share;
      return `<tr><th scope="row">${escapeHtml(END_REASON_LABELS[s.key])}</th><td>${number(s.count)}</td><td>${s.key === 'rest' ? '' : percent(share)}</td></tr>`;
    })
    .join('');
  const behaviourRows = BEHAVIOURS.map((b) => {
    const x = r.behaviours[b];
    return `<tr><th scope="row">${escapeHtml(BEHAVIOUR_LABELS[b])}</th><td>${percent(x.atStart.share)}</td><td>${percent(x.newIntervention['6'].share)}</td><td>${percent(x.newIntervention['18'].share)}</td></tr>`;
  }).join('');
  const attendance = (v: number | null) => (v === null ? HIDDEN_TEXT : `${v.toLocaleString('sv-SE')} %`);
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Resultat: ${escapeHtml(r.intervention.name)} ${escapeHtml(stats.term)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#111;padding:0 1rem}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #999;padding:.3rem .6rem;text-align:left}
.chart{display:flex;gap:2rem;align-items:center}.legend{list-style:none;padding:0}.swatch{display:inline-block;width:1rem;height:1rem;margin-right:.4rem;vertical-align:middle}
figure{margin:1rem 0}figcaption{font-weight:600}.note{color:#333;font-style:italic}
@media print{body{margin:0}section{break-inside:avoid}}
</style></head>
<body>
<h1>Resultat för ${escapeHtml(r.intervention.name)}</h1>
<p>${escapeHtml(unitName)} · termin ${escapeHtml(stats.term)} (${escapeHtml(stats.from)} – ${escapeHtml(stats.to)}) · insatser som avslutades under perioden.
${r.intervention.evidenceBased ? 'Evidensbaserad insats.' : ''}</p>
<p class="note">Uppgifter om färre än ${MIN_CELL} elever visas inte, och inte heller uppgifter som skulle göra det möjligt att räkna ut dem.</p>
<section><h2>Avslutade insatser</h2>
<p>Antal avslutade: <strong>${number(r.coursesEnded)}</strong></p>
${pie(r)}
<table><thead><tr><th scope="col">Hur insatsen avslutades</th><th scope="col">Antal</th><th scope="col">Andel</th></tr></thead><tbody>${endRows}</tbody></table>
</section>
<section><h2>Uppföljning 6 och 18 månader efter avslutad insats</h2>
<table><thead><tr><th scope="col">Uppföljning</th><th scope="col">Att följa upp</th><th scope="col">Uppföljda</th><th scope="col">I skola eller arbete minst 20 tim/vecka</th></tr></thead><tbody>${followUpRows}</tbody></table>
${bars('Skola/sysselsättning minst 20 timmar i veckan', [
  { label: 'Efter 6 månader', value: r.followUps['6'].schoolOrWork20h, colour: '#1b5e20' },
  { label: 'Efter 18 månader', value: r.followUps['18'].schoolOrWork20h, colour: '#2e7d32' },
])}
</section>
<section><h2>Remitterade beteenden och nya insatser</h2>
<p>Röd stapel: andel som hade beteendet som remitterat beteende vid start. Blå staplar: andel av de uppföljda som fått en ny insats för beteendet.</p>
${behaviourCharts}
<table><thead><tr><th scope="col">Beteende</th><th scope="col">Vid start</th><th scope="col">Ny insats efter 6 mån</th><th scope="col">Ny insats efter 18 mån</th></tr></thead><tbody>${behaviourRows}</tbody></table>
</section>
<section><h2>Närvaro</h2>
<table><tbody>
<tr><th scope="row">Median närvaro 8 skolveckor före start</th><td>${attendance(r.medianAttendanceBeforeStart)}</td></tr>
<tr><th scope="row">Median närvaro 8 skolveckor före avslut</th><td>${attendance(r.medianAttendanceBeforeEnd)}</td></tr>
</tbody></table></section>
</body></html>`;
}

const csvField = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The same figures as rows `figure,count,share` (empty = suppressed), one header line first. */
export function renderReportCsv(stats: InterventionStatsDto, r: InterventionResultDto): string {
  const rows: unknown[][] = [['intervention', 'term', 'school_id', 'figure', 'count', 'share']];
  const add = (figure: string, count: number | null, share: number | null = null) =>
    rows.push([r.intervention.name, stats.term, stats.schoolId ?? '', figure, count, share]);
  add('courses_ended', r.coursesEnded);
  for (const [reason, value] of Object.entries(r.endReasons)) add(`end_reason.${reason}`, value.count, value.share);
  for (const [months, f] of Object.entries(r.followUps)) {
    add(`follow_up.${months}.due`, f.due);
    add(`follow_up.${months}.followed_up`, f.followedUp.count, f.followedUp.share);
    add(`follow_up.${months}.school_or_work_20h`, f.schoolOrWork20h.count, f.schoolOrWork20h.share);
  }
  for (const [behaviour, b] of Object.entries(r.behaviours)) {
    add(`behaviour.${behaviour}.at_start`, b.atStart.count, b.atStart.share);
    for (const [months, v] of Object.entries(b.newIntervention)) {
      add(`behaviour.${behaviour}.new_intervention.${months}`, v.count, v.share);
    }
  }
  add('median_attendance_before_start', r.medianAttendanceBeforeStart);
  add('median_attendance_before_end', r.medianAttendanceBeforeEnd);
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
