// Texts of the administrator's, the auditor's and the school's own work screens (issue 18).

const agencyTypes: Record<string, string> = {
  school: 'Skola',
  social_services: 'Socialtjänst',
  bup: 'BUP',
  habilitation: 'Habilitering',
  other: 'Annan',
};

export const screens = {
  nav: {
    users: 'Användare',
    agencies: 'Verksamheter',
    accessLog: 'Åtkomstlogg',
    imports: 'Närvaroimport',
    notices: 'Dagens vårdnadshavarbesked',
    investigations: 'Frånvaroutredningar',
    rules: 'Frånvaroregler',
  },
  agencyTypes,
  users: {
    title: 'Användare',
    intro:
      'Organisationens användare. En ny användare får en engångskod och väljer själv sitt lösenord – du anger aldrig något lösenord.',
    caption: (count: number, more: boolean) => `${count}${more ? '+' : ''} användare`,
    empty: 'Organisationen har inga användare ännu.',
    columns: { name: 'Namn', username: 'Användarnamn', agency: 'Verksamhet', roles: 'Roller', status: 'Status' },
    active: 'Aktiv',
    inactive: 'Inaktiverad',
    create: {
      title: 'Ny användare',
      username: 'Användarnamn (e-postadress)',
      displayName: 'Namn',
      agency: 'Verksamhet',
      chooseAgency: 'Välj verksamhet',
      roles: 'Roller',
      rolesHint: 'Administratör och granskare kombineras aldrig med roller som läser elever eller ärenden.',
      submit: 'Skapa användaren',
    },
    edit: {
      title: (name: string) => `Ändra ${name}`,
      open: 'Ändra',
      submit: 'Spara ändringarna',
      saved: 'Ändringarna är sparade.',
    },
    code: {
      issue: 'Ny engångskod',
      shownTitle: (name: string) => `Engångskod för ${name}`,
      shown: (code: string, until: string) =>
        `Engångskod: ${code} – giltig till ${until}. Ge den till användaren personligen; den visas bara nu.`,
      mailed: (name: string) => `En engångskod har skickats med e-post till ${name}.`,
    },
    deactivate: {
      open: 'Inaktivera',
      confirm: (name: string) => `Inaktivera ${name}? Användaren loggas ut direkt och kan inte logga in igen.`,
      submit: 'Ja, inaktivera',
      done: (name: string) => `${name} är inaktiverad.`,
    },
    actionsFor: (name: string) => `Åtgärder för ${name}`,
  },
  agencies: {
    title: 'Verksamheter',
    intro: 'Organisationens verksamheter. Skolor har en skolenhetskod.',
    caption: (count: number, more: boolean) => `${count}${more ? '+' : ''} verksamheter`,
    empty: 'Organisationen har inga verksamheter ännu.',
    columns: { name: 'Namn', type: 'Typ', schoolUnitCode: 'Skolenhetskod' },
    create: {
      title: 'Ny verksamhet',
      name: 'Namn',
      type: 'Typ',
      chooseType: 'Välj typ',
      schoolUnitCode: 'Skolenhetskod (8 siffror)',
      submit: 'Skapa verksamheten',
      done: (name: string) => `${name} är skapad.`,
    },
  },
  accessLog: {
    title: 'Åtkomstlogg',
    intro:
      'Vem som läst eller ändrat vilka personuppgifter i organisationen, och när. Sökningen loggas också. En elev väljs med hela personnumret, som aldrig hamnar i en adress.',
    filters: 'Filter',
    personnummer: 'Elevens personnummer',
    personnummerHint: 'ÅÅÅÅMMDD-NNNN',
    user: 'Användare',
    agency: 'Verksamhet',
    action: 'Händelse',
    actionHint: 't.ex. student.read',
    from: 'Från och med',
    to: 'Till och med',
    outcome: 'Utfall',
    anyOutcome: 'Alla',
    anyone: 'Alla',
    outcomes: { allowed: 'Tillåten', denied: 'Nekad' } as Record<string, string>,
    search: 'Sök',
    exportCsv: 'Exportera som CSV',
    exported: 'CSV-filen är nedladdad.',
    caption: (count: number, more: boolean) => `${count}${more ? '+' : ''} händelser, nyast först`,
    empty: 'Inga händelser matchar filtret.',
    columns: {
      at: 'Tid',
      user: 'Användare',
      agency: 'Verksamhet',
      action: 'Händelse',
      subject: 'Uppgift',
      outcome: 'Utfall',
    },
    unknownUser: 'Okänd/ingen',
    subject: (type: string, count: number) => (count === 1 ? type : `${type} (${count} st)`),
  },
  notices: {
    title: 'Dagens vårdnadshavarbesked',
    intro:
      'Elever med ogiltig frånvaro i dag. Vårdnadshavarna ska informeras samma dag (skollagen 7 kap. 17 §): registrera hur och när de fick besked.',
    date: 'Skoldag',
    onlyUninformed: 'Visa bara elever vars vårdnadshavare inte fått besked',
    caption: (count: number, more: boolean) =>
      `${count}${more ? '+' : ''} ${count === 1 && !more ? 'elev' : 'elever'} med ogiltig frånvaro`,
    empty: 'Inga elever har ogiltig frånvaro den här dagen.',
    columns: { pupil: 'Elev', className: 'Klass', minutes: 'Ogiltig frånvaro', informed: 'Besked' },
    minutes: (n: number) => `${n} min`,
    informed: (how: string, at: string, by: string) => `${how} ${at} (${by})`,
    notInformed: 'Inte informerade',
    record: 'Registrera besked',
    recordFor: (name: string) => `Registrera besked för ${name}`,
    method: 'Hur',
    informedAt: 'När (datum och tid)',
    submit: 'Spara beskedet',
    methods: {
      phone: 'Telefon',
      sms: 'Sms',
      email: 'E-post',
      letter: 'Brev',
      in_person: 'Personligen',
      school_app: 'Skolans app',
    } as Record<string, string>,
  },
  investigations: {
    title: 'Frånvaroutredningar',
    intro:
      'Elever med upprepad eller längre frånvaro (minst 10 % de senaste 8 veckorna) utan påbörjad utredning det senaste året. Rektor ska se till att frånvaron utreds och anmäla till huvudmannen (skollagen 7 kap. 19 a §).',
    caption: (count: number, more: boolean) =>
      `${count}${more ? '+' : ''} ${count === 1 && !more ? 'elev' : 'elever'} utan utredning`,
    empty: 'Alla elever med mycket frånvaro har en påbörjad utredning.',
    columns: {
      pupil: 'Elev',
      className: 'Klass',
      absence: 'Frånvaro',
      invalid: 'Varav ogiltig',
      flag: 'Anmäld till elevhälsan',
    },
    start: 'Starta utredning',
    startFor: (name: string) => `Starta utredning för ${name}`,
    startedOn: 'Utredningen påbörjad',
    huvudmanInformedOn: 'Anmäld till huvudmannen (valfritt)',
    submit: 'Starta utredningen',
    started: 'Startade nu',
    startedItem: (name: string, on: string) => `${name}: påbörjad ${on}`,
    reported: (on: string) => `anmäld till huvudmannen ${on}`,
    report: 'Anmäl till huvudmannen',
    reportFor: (name: string) => `Anmälan till huvudmannen för ${name}`,
    reportDate: 'Anmäld till huvudmannen',
    reportSubmit: 'Spara anmälan',
  },
  rules: {
    title: 'Frånvaroregler',
    intro:
      'Reglerna som sätter elever på bevakningslistan. Du kan slå av och på en regel och ändra dess värden inom gränserna.',
    empty: 'Inga regler finns.',
    enabled: 'Regeln används',
    isDefault: 'Standardvärden',
    submit: 'Spara regeln',
    saved: 'Regeln är sparad.',
    bounds: (min: number, max: number) => `Mellan ${min} och ${max}`,
    kinds: {
      absence_share: 'Andel frånvaro',
      invalid_streak: 'Dagar i följd med ogiltig frånvaro',
      weekday_pattern: 'Återkommande veckodag',
      rising_trend: 'Ökande frånvaro',
    } as Record<string, string>,
    // What each rule catches, with the values in force (the API's own texts are for developers).
    describe: (kind: string, p: Record<string, number | string>): string | null => {
      const weeks = (n: number | string) => (Number(n) === 1 ? 'den senaste veckan' : `de senaste ${n} veckorna`);
      switch (kind) {
        case 'absence_share':
          return `Frånvaro (giltig och ogiltig) minst ${p.percent} % av schemalagd tid ${weeks(p.weeks)}.`;
        case 'invalid_streak':
          return `Ogiltig frånvaro minst ${p.days} skoldagar i rad, där sviten slutar inom ${weeks(p.withinWeeks)}.`;
        case 'weekday_pattern':
          return `Frånvarande (minst ${p.minAbsentShareOfDay} % av dagen) samma veckodag minst ${p.weeksHit} av ${weeks(p.ofWeeks)}.`;
        case 'rising_trend':
          return `Frånvaron har ökat ${p.weeks} hela veckor i rad (varje vecka högre än den förra) och var minst ${p.minPercent} % den senaste veckan.`;
        default:
          return null;
      }
    },
    params: {
      'absence_share.percent': 'Frånvaro minst (procent av schemalagd tid)',
      'absence_share.weeks': 'Under de senaste (antal veckor)',
      'invalid_streak.days': 'Skoldagar i rad med ogiltig frånvaro',
      'invalid_streak.withinWeeks': 'Sviten slutar inom de senaste (antal veckor)',
      'weekday_pattern.weeksHit': 'Veckor med frånvaro samma veckodag',
      'weekday_pattern.ofWeeks': 'Av de senaste (antal veckor)',
      'weekday_pattern.minAbsentShareOfDay': 'En dag räknas som frånvarodag vid minst (procent av dagen)',
      'rising_trend.weeks': 'Hela veckor i rad med ökande frånvaro',
      'rising_trend.minPercent': 'Frånvaro den senaste veckan minst (procent)',
    } as Record<string, string>,
  },
  imports: {
    title: 'Närvaroimport',
    intro:
      'Läs in lektionsnärvaro från en fil: CSV (rubrikrad external_id, personnummer, date, start_time, offered_minutes, valid_absence_minutes, invalid_absence_minutes, reason) eller SS 12000 (JSON). Samma fil två gånger ändrar ingenting.',
    file: 'Fil (CSV eller SS 12000 JSON)',
    partial: 'Läs in de giltiga raderna även om några är felaktiga',
    submit: 'Läs in filen',
    progress: 'Uppladdning',
    noFile: 'Välj en fil.',
    report: 'Resultat av inläsningen',
    summary: (total: number, imported: number, rejected: number) =>
      `${total} ${total === 1 ? 'rad' : 'rader'}: ${imported} ${imported === 1 ? 'inläst' : 'inlästa'}, ${rejected} ${rejected === 1 ? 'avvisad' : 'avvisade'}.`,
    rejectedAll: 'Filen avvisades: inget lästes in. Rätta raderna nedan och försök igen.',
    rejectedCaption: 'Avvisade rader',
    columns: { line: 'Rad', field: 'Fält', reason: 'Orsak' },
    earlier: 'Tidigare inläsningar',
    earlierCaption: (count: number, more: boolean) => `${count}${more ? '+' : ''} inläsningar, senaste först`,
    empty: 'Skolan har inga inläsningar ännu.',
    earlierColumns: { at: 'Startad', format: 'Format', status: 'Status', rows: 'Rader (inlästa/avvisade)' },
    statuses: { running: 'Pågår', completed: 'Klar', rejected: 'Avvisad', failed: 'Misslyckades' } as Record<
      string,
      string
    >,
    formats: { csv: 'CSV', ss12000: 'SS 12000' } as Record<string, string>,
    fields: {
      external_id: 'externt id',
      personnummer: 'personnummer',
      date: 'datum',
      start_time: 'starttid',
      offered_minutes: 'schemalagda minuter',
      valid_absence_minutes: 'giltig frånvaro',
      invalid_absence_minutes: 'ogiltig frånvaro',
      reason: 'orsak',
    } as Record<string, string>,
  },
};
