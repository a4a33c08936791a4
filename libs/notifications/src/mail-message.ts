/**
 * The one mail Närvaroteam sends: that there is something new, and a link to the inbox. No
 * pupil, no case, no title: a mailbox is outside the secrecy the app keeps.
 */
export const MAIL_SUBJECT = 'Nytt i Närvaroteam';

export function mailBody(appBaseUrl: string): string {
  return [
    'Hej!',
    '',
    'Det finns något nytt för dig i Närvaroteam.',
    '',
    `Logga in och läs det här: ${appBaseUrl}/notiser`,
    '',
    'Det här meddelandet går inte att svara på.',
    '',
  ].join('\n');
}

export const SETUP_CODE_MAIL_SUBJECT = 'Välj ditt lösenord i Närvaroteam';

/**
 * The one other mail: a one-time setup code for the account the mail is addressed to. The code
 * is the secret; the mail names nothing else but the username and when the code stops working.
 */
export function setupCodeMailBody(appBaseUrl: string, username: string, code: string, expiresAt: string): string {
  return [
    'Hej!',
    '',
    `Här är en engångskod för att välja lösenord till ditt konto i Närvaroteam (användarnamn ${username}).`,
    '',
    `Din engångskod är: ${code}`,
    '',
    `Välj ditt lösenord med koden här: ${appBaseUrl}/valj-losenord`,
    `Koden kan användas en gång och gäller till ${expiresAt}.`,
    '',
    'Har du inte väntat dig det här meddelandet kan du bortse från det.',
    'Det här meddelandet går inte att svara på.',
    '',
  ].join('\n');
}

/** The domain part of a Message-ID: the sender's domain. */
export function messageIdDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'narvaroteam.invalid';
}
