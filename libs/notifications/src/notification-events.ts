/**
 * Every event that notifies someone, in one table: who hears of it, the Swedish title and where
 * the web app opens it. Titles name a case only by its neutral reference (NT-2026-0042), never
 * the pupil; links are paths of the web app.
 */

/** Who receives a notification, given the event's subject. */
export type RecipientRule =
  /** The active case workers of the agency concerned (agency workers; at a school, elevhälsa). */
  | 'agency'
  /** The named person: the representative, or the one responsible for an action. */
  | 'person'
  /** The case's coordinator (elevhälsa). */
  | 'coordinator'
  /** Elevhälsa and the principal of the flag's school. */
  | 'school-triage'
  /** The principal of the school. */
  | 'school-principal';

/** What a notification is about. `key` makes the dedupe key together with the kind. */
export interface NotificationSubject {
  key: string;
  caseId?: string | null;
  flagId?: string | null;
  /** The agency concerned: the invited agency, the action's agency. */
  agencyId?: string | null;
  /** The named person: representative, responsible for an action. */
  userId?: string | null;
  /** The school of a flag, or of an account whose roles changed. */
  schoolId?: string | null;
  /** A date shown in the title (a deadline, a due date); never anything about the pupil. */
  date?: string | null;
  months?: number | null;
}

/** What a title may use: the neutral reference, the agency's name, a date. */
export interface TitleContext {
  reference: string;
  agencyName: string;
  date: string;
  months: number | null;
}

export interface NotificationEvent {
  /** `immediate`: written in the transaction of the change; `reminder`: found by the sweep. */
  timing: 'immediate' | 'reminder';
  recipients: RecipientRule[];
  title: (c: TitleContext) => string;
  link: (s: NotificationSubject) => string;
  /**
   * About a case, a recipient outside the case's school hears of it only while its agency may
   * read the case at the moment of sending (mobilised, consent in force, case open). `true`
   * exempts what an agency is told without that: its own invitation (what it sees before
   * consent) and the withdrawal of its own consent.
   */
  withoutConsent?: true;
}

const caseLink = (s: NotificationSubject) => `/arenden/${s.caseId}`;
const planLink = (s: NotificationSubject) => `/arenden/${s.caseId}?flik=plan`;
/** The agency's inbox of invitations: it may not see the case itself yet. */
const invitationsLink = () => '/inbjudningar';

export const NOTIFICATION_EVENTS = {
  'mobilisation.invited': {
    withoutConsent: true,
    timing: 'immediate',
    recipients: ['agency'],
    title: (c) => `Ny inbjudan till ärende ${c.reference}`,
    link: invitationsLink,
  },
  'mobilisation.representative': {
    withoutConsent: true,
    timing: 'immediate',
    recipients: ['person'],
    title: (c) => `Du är representant för ${c.agencyName} i ärende ${c.reference}`,
    link: caseLink,
  },
  'mobilisation.accepted': {
    timing: 'immediate',
    recipients: ['coordinator'],
    title: (c) => `${c.agencyName} har tackat ja till ärende ${c.reference}`,
    link: caseLink,
  },
  'mobilisation.declined': {
    timing: 'immediate',
    recipients: ['coordinator'],
    title: (c) => `${c.agencyName} har tackat nej till ärende ${c.reference}`,
    link: caseLink,
  },
  'mobilisation.deadline-soon': {
    withoutConsent: true,
    timing: 'reminder',
    recipients: ['agency'],
    title: (c) => `Svara senast ${c.date} på inbjudan till ärende ${c.reference}`,
    link: invitationsLink,
  },
  'mobilisation.overdue': {
    withoutConsent: true,
    timing: 'reminder',
    recipients: ['agency'],
    title: (c) => `Svarstiden för inbjudan till ärende ${c.reference} gick ut ${c.date}`,
    link: invitationsLink,
  },
  'mobilisation.escalated': {
    timing: 'reminder',
    recipients: ['coordinator'],
    title: (c) => `${c.agencyName} har inte svarat på inbjudan till ärende ${c.reference} (svarstid ${c.date})`,
    link: caseLink,
  },
  'action.assigned': {
    timing: 'immediate',
    recipients: ['person', 'agency'],
    title: (c) => `Ny åtgärd för ${c.agencyName} i ärende ${c.reference}, klar senast ${c.date}`,
    link: planLink,
  },
  'action.due-soon': {
    timing: 'reminder',
    recipients: ['person', 'agency'],
    title: (c) => `En åtgärd i ärende ${c.reference} ska vara klar ${c.date}`,
    link: planLink,
  },
  'action.overdue': {
    timing: 'reminder',
    recipients: ['person', 'agency'],
    title: (c) => `En åtgärd i ärende ${c.reference} är försenad (skulle vara klar ${c.date})`,
    link: planLink,
  },
  'review.due': {
    timing: 'reminder',
    recipients: ['coordinator'],
    title: (c) => `Planen i ärende ${c.reference} ska följas upp ${c.date}`,
    link: planLink,
  },
  'follow-up.due': {
    timing: 'reminder',
    recipients: ['coordinator'],
    title: (c) => `Uppföljningen ${c.months} månader efter avslut av ärende ${c.reference} ska göras ${c.date}`,
    link: caseLink,
  },
  'flag.untriaged': {
    timing: 'reminder',
    recipients: ['school-triage'],
    title: (c) => `En anmälan om frånvaro har väntat på bedömning sedan ${c.date}`,
    link: (s) => `/anmalningar/${s.flagId}`,
  },
  'flag.accepted': {
    timing: 'immediate',
    recipients: ['person'],
    title: () => 'Din anmälan till elevhälsan har tagits emot: ett ärende har öppnats',
    link: (s) => `/anmalningar/${s.flagId}`,
  },
  'flag.dismissed': {
    timing: 'immediate',
    recipients: ['person'],
    title: () => 'Din anmälan till elevhälsan har avslutats utan ärende',
    link: (s) => `/anmalningar/${s.flagId}`,
  },
  'consent.withdrawn': {
    withoutConsent: true,
    timing: 'immediate',
    // The agency whose consent it was: other agencies are not told of each other's consents.
    recipients: ['agency'],
    title: (c) => `Ett samtycke i ärende ${c.reference} har återkallats`,
    link: caseLink,
  },
  // Pass the school as both `schoolId` (recipients) and `agencyId` (its name in the title).
  'school-access.changed': {
    timing: 'immediate',
    recipients: ['school-principal'],
    title: (c) => `Ett konto på ${c.agencyName} har fått ändrad behörighet`,
    link: () => '/skolans-konton',
  },
  // A new code for an existing account lets whoever holds it choose that account's password.
  'school-access.setup-code': {
    timing: 'immediate',
    recipients: ['school-principal'],
    title: (c) => `Ett konto på ${c.agencyName} har fått en ny engångskod för att välja lösenord`,
    link: () => '/skolans-konton',
  },
} satisfies Record<string, NotificationEvent>;

export type NotificationKind = keyof typeof NOTIFICATION_EVENTS;

export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_EVENTS) as NotificationKind[];
