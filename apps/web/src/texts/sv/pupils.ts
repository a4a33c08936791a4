// Journey 1 (mentor/teacher) and the overview: watch list, pupil page, flagging, school overview.
// Numbers come in already formatted (format.ts), so the words here never format figures themselves.
export const pupils = {
  watchlist: {
    title: 'Bevakningslista',
    intro: (school: string) =>
      `Elever på ${school} vars frånvaro når någon av bevakningsreglerna. Kolumnen Läge visar om eleven är anmäld till elevhälsan och anmälan väntar på bedömning, om eleven har ett öppet ärende (med ärendets nummer och läge för rektor och elevhälsa) och om en frånvaroutredning pågår.`,
    caption: 'Elever på bevakningslistan, med skälen',
    sort: 'Sortera efter',
    sortOptions: {
      absence: 'Högst frånvaro först',
      rules: 'Flest skäl först',
      name: 'Efternamn',
    } as Record<string, string>,
    columns: {
      pupil: 'Elev',
      className: 'Klass',
      absence: 'Frånvaro',
      reasons: 'Skäl',
      status: 'Läge',
    },
    absenceCell: (total: string, invalid: string) => `${total} (ogiltig ${invalid})`,
    openFlag: 'Anmäld till elevhälsan',
    openCase: 'Har ett öppet ärende',
    caseLink: (reference: string, status: string) => `Ärende ${reference} (${status})`,
    investigation: 'Frånvaroutredning pågår',
    empty: 'Ingen elev på skolan når bevakningsreglerna just nu.',
    count: (n: number, more: boolean) =>
      more ? `Visar ${n} elever. Det finns fler.` : n === 1 ? 'En elev på listan.' : `${n} elever på listan.`,
    showMore: 'Visa fler elever',
  },
  // The reasons a pupil is on the watch list, in words, from the rule hits' figures.
  reasons: {
    absenceShare: (percent: string, weeks: number, invalid: string, threshold: string) =>
      `Frånvaro ${percent} ${weeks === 1 ? 'senaste veckan' : `senaste ${weeks} veckorna`}, varav ${invalid} ogiltig (gräns ${threshold})`,
    invalidStreak: (days: number, from: string, to: string) =>
      `${days} ${days === 1 ? 'dag' : 'dagar'} i rad med ogiltig frånvaro (${from} – ${to})`,
    weekdayPattern: (days: { name: string; weeksHit: number }[], ofWeeks: number) =>
      days.length === 1
        ? `Återkommande frånvaro på ${days[0].name} (${days[0].weeksHit} av de senaste ${ofWeeks} veckorna)`
        : `Återkommande frånvaro på ${joinAnd(days.map((d) => `${d.name} (${d.weeksHit} av ${ofWeeks})`))} de senaste ${ofWeeks} veckorna`,
    weekdays: {
      monday: 'måndagar',
      tuesday: 'tisdagar',
      wednesday: 'onsdagar',
      thursday: 'torsdagar',
      friday: 'fredagar',
    } as Record<string, string>,
    risingTrend: (steps: string[]) => `Ökande frånvaro ${steps.length} veckor i rad: ${steps.join(' → ')}`,
    trendStep: (week: string, percent: string) => `${week}: ${percent}`,
  },
  student: {
    title: 'Elev',
    loading: 'Hämtar eleven …',
    facts: 'Uppgifter om eleven',
    personnummer: 'Personnummer',
    coordinationNumber: 'Samordningsnummer',
    className: 'Klass',
    grade: 'Årskurs',
    school: 'Skola',
    protectedIdentity: 'Skyddade personuppgifter: adress och kontaktuppgifter visas inte.',
    backToWatchlist: 'Till bevakningslistan',
    registerExtract: 'Registerutdrag',
    registerExtractOpening: 'Tar fram registerutdraget …',
    registerExtractHint:
      'Allt som finns om eleven och vårdnadshavarna, och vem som har läst det, för utskrift till familjen.',
    registerExtractFailed: 'Registerutdraget kunde inte tas fram. Försök igen.',
    // Erasure on request (GDPR art. 17) of a pupil registered by mistake.
    erase: {
      open: 'Radera elev (registrerad av misstag)',
      hint: 'Bara för en elev som registrerats av misstag. Uppgifter som skolan enligt lag måste spara kan inte raderas.',
      title: 'Radera eleven',
      confirm: (name: string) =>
        `Vill du radera ${name}? Eleven, vårdnadshavarna, närvaron och ändringshistoriken tas bort för gott. Loggen över vem som har läst uppgifterna sparas.`,
      submit: 'Radera eleven',
      keptTitle: 'Eleven kan inte raderas',
      keptIntro: 'Uppgifterna måste sparas enligt lag (dataskyddsförordningen artikel 17.3). Skälen:',
      keptOther: 'Det finns uppgifter som måste sparas.',
      done: (name: string) => `${name} är raderad ur registret.`,
    },
  },
  absence: {
    title: 'Närvaro och frånvaro per vecka',
    period: (from: string, to: string) => `Perioden ${from} – ${to}`,
    totals: 'Frånvaro under perioden',
    total: 'Frånvaro totalt',
    valid: 'Giltig frånvaro',
    invalid: 'Ogiltig frånvaro',
    attended: 'Närvaro',
    offered: 'Schemalagd tid',
    minutes: (value: string) => `${value} min`,
    chartLabel: (from: string, to: string) =>
      `Stapeldiagram: frånvaro i procent av schemalagd tid per vecka, ${from} – ${to}, uppdelad på giltig och ogiltig frånvaro. Samma siffror finns i tabellen nedanför.`,
    tableCaption: 'Närvaro och frånvaro per vecka, i procent av schemalagd tid',
    week: 'Vecka',
    empty: 'Ingen närvaro är registrerad för eleven under perioden.',
  },
  flag: {
    title: 'Anmäl till elevhälsan',
    intro:
      'Beskriv vad du ser och vad du redan har provat. Elevhälsan får anmälan tillsammans med elevens frånvarosiffror just nu.',
    text: 'Vad ser du, och vad har du provat?',
    textHint: 'Högst 4 000 tecken. Det du skriver sparas i webbläsaren tills du skickat anmälan.',
    submit: 'Skicka anmälan till elevhälsan',
    sending: 'Skickar …',
    empty: 'Skriv en beskrivning innan du skickar.',
    success: 'Anmälan är skickad till elevhälsan.',
    sent: 'Din anmälan',
    sentAt: 'Skickad',
    sentBy: 'Av',
    status: 'Status',
    statuses: { new: 'Ny – väntar på elevhälsan', accepted: 'Ärende öppnat', dismissed: 'Avslutad' } as Record<
      string,
      string
    >,
    snapshot: (total: string, invalid: string) =>
      `Frånvaro de senaste 4 veckorna när anmälan gjordes: ${total}, varav ${invalid} ogiltig.`,
    snapshotReasons: 'Skäl på bevakningslistan när anmälan gjordes',
    another: 'Gör en ny anmälan',
    existingFlag:
      'Eleven är redan anmäld till elevhälsan. Anmälan väntar på bedömning – lägg till det du ser i den i stället för att göra en ny.',
    existingFlagFrom: (at: string, by: string) => `Anmäld ${at} av ${by}`,
    existingNotes: 'Tillägg',
    addNote: 'Lägg till min text i anmälan',
    noteAdded: 'Din text är tillagd i anmälan. Elevhälsan ser den när anmälan bedöms.',
    existingCase: (reference: string) =>
      `Eleven har redan ett öppet ärende (${reference}) hos elevhälsan. Kontakta elevhälsan med det du ser.`,
  },
  overview: {
    title: 'Översikt',
    intro: (school: string) => `Ärenden, ledtider och resultat för ${school}, termin för termin.`,
    casesLinkBefore: 'Skolans enskilda ärenden finns i ',
    casesLink: 'ärendelistan',
    leadTimes: {
      title: 'Ledtider',
      intro:
        'För ärenden som öppnades under terminen: antal dagar mellan stegen, median och 90:e percentil, i hela dagar.',
      caption: 'Ledtider i dagar för ärenden som öppnades under terminen',
      measure: 'Från – till',
      median: 'Median',
      p90: '90:e percentilen',
      chartLabel: (summary: string) => `Stapeldiagram: median antal dagar per steg. ${summary}`,
      summaryPart: (measure: string, days: string) => `${measure}: ${days}`,
      measures: {
        signalToFlag: 'Första signal → anmälan',
        signalToCaseOpened: 'Första signal → ärende öppnat',
        flagToCaseOpened: 'Anmälan → ärende öppnat',
        openedToFirstAgencyAccepted: 'Ärende öppnat → första aktör tackat ja',
        openedToFirstMeeting: 'Ärende öppnat → första mötet',
        openedToPlanAgreed: 'Ärende öppnat → plan överenskommen',
        signalToPlanAgreed: 'Första signal → plan överenskommen',
      } as Record<string, string>,
    },
    outcomes: {
      title: 'Resultat',
      intro: (term: string, from: string, to: string) =>
        `${term}, ${from} – ${to}. För att ingen elev ska kunna kännas igen visas inte uppgifter som bygger på färre än 5 elever, och inte heller uppgifter som skulle gå att räkna fram ur andra.`,
      term: 'Termin',
      /** 2026HT → "Hösttermin 2026", 2027VT → "Vårtermin 2027". */
      termName: (term: string) => `${term.endsWith('HT') ? 'Hösttermin' : 'Vårtermin'} ${term.slice(0, 4)}`,
      termOption: (name: string, from: string, to: string) => `${name} (${from} – ${to})`,
      // Not "färre än 5": a cell hidden so that another cannot be worked out may hold more, and a
      // hidden share or median is no count.
      suppressed: 'visas inte',
      suppressedNote:
        'Uppgiften visas inte: den bygger på färre än 5 elever, eller skulle gå att räkna fram ur andra uppgifter.',
      casesTitle: 'Ärenden',
      byStatusCaption: 'Ärenden som öppnades under terminen, efter status i dag',
      status: 'Status',
      count: 'Antal ärenden',
      chartLabel: (summary: string) =>
        `Stapeldiagram: ärenden som öppnades under terminen per status. ${summary} Staplar saknas där antalet inte visas.`,
      summaryPart: (status: string, count: string) => `${status}: ${count}`,
      keyFiguresCaption: 'Nyckeltal för ärenden som öppnades under terminen',
      figure: 'Mått',
      value: 'Värde',
      plansWithGoal: 'Planer med närvaromål',
      goalReached: 'Planer där närvaromålet nåtts vid senaste uppföljningen',
      goalShare: 'Andel av planerna med närvaromål där målet nåtts',
      followUpsCaption: 'Uppföljning efter avslutat ärende (ärenden som avslutades under terminen)',
      followUpMonths: (months: string) => `Efter ${months} månader`,
      followUpMeasure: 'Mått',
      recorded: 'Uppföljningar gjorda',
      backInSchool: 'I skola eller arbete minst 20 timmar i veckan',
      medianAttendance: 'Median närvaro de 4 veckorna före uppföljningen',
      newIntervention: (kind: string) => `Behövde ny insats: ${kind}`,
      interventions: {
        social_services: 'socialtjänsten',
        bup: 'BUP',
        habilitation: 'habiliteringen',
        other: 'annan aktör',
      } as Record<string, string>,
    },
  },
};

function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} och ${parts[parts.length - 1]}`;
}
