// Signing in with the organisation's account (single sign-on) and the second factor (TOTP).
export const signIn = {
  sso: 'Logga in med kommunens konto',
  or: 'eller med användarnamn och lösenord',
  landing: {
    title: 'Loggar in …',
    failed: 'Inloggningen kunde inte slutföras. Koden har gått ut eller redan använts.',
    retry: 'Försök igen',
  },
  /** The sign-in error page (/logga-in/fel?orsak=…): what happened, and whom to contact. */
  error: {
    title: 'Inloggningen misslyckades',
    reasons: {
      'unknown-user':
        'Ditt konto i kommunen är inte kopplat till något konto i Närvaroteam. Ett konto skapas inte automatiskt: kontakta din administratör för Närvaroteam, eller skolans eller förvaltningens IT-ansvariga, och be om ett konto.',
      deactivated:
        'Ditt konto i Närvaroteam är avstängt. Kontakta din administratör för Närvaroteam om du fortfarande ska ha tillgång.',
      cancelled: 'Inloggningen avbröts. Du kan försöka igen.',
      'provider-unavailable':
        'Kommunens inloggningstjänst svarar inte just nu. Försök igen om en stund. Kvarstår felet, kontakta kommunens IT-support.',
      failed:
        'Inloggningen kunde inte kontrolleras och har avbrutits. Försök igen. Kvarstår felet, kontakta kommunens IT-support.',
    } as Record<string, string>,
    toLogin: 'Till inloggningen',
  },
  /** The second step of a sign-in. */
  code: {
    title: 'Tvåstegsverifiering',
    intro:
      'Ange den sexsiffriga koden från din autentiseringsapp. Har du inte appen till hands kan du ange en av dina reservkoder.',
    label: 'Kod',
    submit: 'Verifiera',
    wrong: 'Fel kod, eller så har koden redan använts. Vänta på nästa kod och försök igen.',
    voided: 'För många felaktiga koder. Logga in igen.',
    expired: 'Inloggningen tog för lång tid. Logga in igen.',
    restart: 'Logga in igen',
  },
  /** Enrolling an authenticator app. */
  enrol: {
    title: 'Tvåstegsverifiering',
    required: 'Din roll kräver tvåstegsverifiering. Lägg till en autentiseringsapp innan du loggar in.',
    intro:
      'Skanna QR-koden med en autentiseringsapp (till exempel Microsoft Authenticator, Google Authenticator eller FreeOTP). Ange sedan koden som appen visar.',
    start: 'Lägg till autentiseringsapp',
    qrLabel: 'QR-kod för autentiseringsappen',
    manual: 'Kan du inte skanna? Ange den här nyckeln i appen:',
    codeLabel: 'Kod från appen',
    confirm: 'Bekräfta',
    wrong: 'Fel kod. Kontrollera att klockan i telefonen stämmer och ange koden som visas nu.',
    already: 'Du har redan tvåstegsverifiering. Vill du byta app måste en administratör först återställa den.',
    done: 'Tvåstegsverifieringen är på.',
    recoveryTitle: 'Dina reservkoder',
    recoveryIntro:
      'Spara koderna på ett säkert ställe. Varje kod fungerar en gång om du inte har appen till hands. De visas bara nu.',
    recoveryLabel: 'Reservkoder',
    continue: 'Jag har sparat koderna – fortsätt',
    enabled: 'Tvåstegsverifiering är påslagen för ditt konto.',
    notEnabled: 'Du har inte tvåstegsverifiering.',
  },
  nav: 'Tvåstegsverifiering',
};
