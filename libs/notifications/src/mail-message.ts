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

/** The domain part of a Message-ID: the sender's domain. */
export function messageIdDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'narvaroteam.invalid';
}
