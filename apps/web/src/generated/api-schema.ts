// GENERATED from the API's OpenAPI document (GET /api/docs-json): do not edit by hand.
// After a change of the API run `npm run api:types`; test/api-types.e2e-spec.ts fails while this file is stale.
export interface paths {
  '/api/v1/absence-investigations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Record when the huvudman was informed of an investigation */
    patch: operations['InvestigationsController_update'];
    trace?: never;
  };
  '/api/v1/absence-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your organisation's absence rules (frånvarosignaler) as they apply
     * @description The four rules that put a pupil on the watch list: `absence_share` (default ≥ 10 % absence over the last 4 weeks), `invalid_streak` (≥ 3 consecutive school days with invalid absence), `weekday_pattern` (the same weekday missed in ≥ 3 of the last 4 weeks) and `rising_trend` (absence rising 3 complete weeks in a row). Each shows the default, the bounds, and whether your organisation overrides it.
     */
    get: operations['AbsenceRulesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/absence-rules/{kind}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Change one rule for your organisation (principal, within bounds)
     * @description Stores an override of the default for every school of your organisation and logs the change. Parameters outside the bounds are a 400 naming the field (`params.percent`); an unknown kind is a 404.
     */
    put: operations['AbsenceRulesController_update'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/access-log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Access log (åtkomstlogg): every access, by anyone, to the data your organisation is responsible for, newest first. */
    get: operations['AccessLogController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/access-log/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Search the access log (åtkomstlogg) of your organisation; a pupil by personnummer in the body
     * @description Filters: pupil (full personnummer, resolved by the server; entries about the pupil, their cases, flags and investigations), user, agency, action, period and outcome. Paged newest first (`cursor`, `limit`). With `Accept: text/csv` the whole selection (at most 10 000 entries) comes as a CSV file. The search is logged.
     */
    post: operations['AccessLogSearchController_find'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Work list: the plan actions assigned to you (mine=true) or your agency (agency=true), by due date
     * @description Across the open cases you may see (outside agencies: consent in force covering `plan`). `due`: due today or within 7 days; `overdue`: past its due date; both only while not done or cancelled.
     */
    get: operations['ActionsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agencies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Agencies (enheter) of your own organisation. */
    get: operations['AgenciesController_list'];
    put?: never;
    /** Create an agency in your own organisation. */
    post: operations['AgenciesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Earlier imports of your own school, newest first, with status and report */
    get: operations['AttendanceImportController_list'];
    put?: never;
    /**
     * Import lesson attendance of the caller's school (CSV or SS 12000 JSON), streamed
     * @description **CSV** (`text/csv`): header `external_id,personnummer,date,start_time,offered_minutes,valid_absence_minutes,invalid_absence_minutes,reason`, comma- or semicolon-separated, quoted fields as in RFC 4180; UTF-8 (with or without BOM) or Windows-1252 (detected from the first 64 KiB, or named by `charset=`). Pupils are matched by personnummer; attended minutes = offered − valid − invalid absence.
     *
     *     **SS 12000 v2.1.0** (`application/json`): a response page as the school system returns it, `{"data": [...], "pageToken": …}`, of `/calendarEvents?expand=attendance` (each CalendarEvent with its `_embedded.attendance`; date and start from `startTime` in Europe/Stockholm, offered minutes from `teachingLengthStudent` or end − start, `studentExceptions`, `cancelled` removes the lessons) or of `/attendances` (each Attendance names its lesson by `calendarEvent.id` only; the event must be known from an earlier page). Pupils are matched by `student.id` = their externalId. `attendanceMinutes` may be absent, `otherAttendanceMinutes` count as present, `isReported: false` is a lesson not yet reported (left out of the figures). A moved lesson is updated, never counted twice.
     *
     *     A lesson is identified by pupil, date and start time: importing the same file again changes nothing. By default any invalid row rejects the whole file (422 with the report: line, field, reason, the first 100); `?mode=partial` writes the valid rows and reports the rest. A pupil who is not at your school is reported exactly like an unknown one. Nothing is written unless the whole import commits.
     */
    post: operations['AttendanceImportController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Status and report of an import (staff of the same school) */
    get: operations['AttendanceImportController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Log in (logga in) with username and password.
     * @description A user with a second factor gets `{ mfaRequired: true, mfaToken }` and no tokens (then POST /auth/mfa/verify); a user whose role requires one (MFA_REQUIRED_ROLES) and who has none gets `{ mfaEnrolmentRequired: true, enrolmentToken }`.
     */
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End this login: its refresh tokens and access token stop working. */
    post: operations['AuthController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who am I: user, roles and agency. */
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/mfa/totp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start enrolling an authenticator app (TOTP): a new secret and its otpauth URI (shown as a QR code).
     * @description Bearer: your access token, or the enrolment token. While a confirmed factor exists: 409 `mfa-already-enrolled` (an administrator resets it first). Calling again before confirming replaces the secret.
     */
    post: operations['MfaController_enrol'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/mfa/totp/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Confirm the enrolment with the code the app shows: ten recovery codes, shown once.
     * @description A wrong code is 422 `mfa-code-invalid`. With an enrolment token the sign-in completes: the answer also holds `session` (the token pair).
     */
    post: operations['MfaController_confirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/mfa/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The second step of a sign-in: the mfaToken and a TOTP code or an unused recovery code → the tokens.
     * @description Each code works once. A wrong code is 401 `mfa-code-invalid` (`tokenVoid` says whether this was the fifth, which ends the sign-in); an unknown, used, void or expired mfaToken is 401 `mfa-token-invalid`. Wrong codes do not count toward the password lockout.
     */
    post: operations['MfaController_verify'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oidc': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether single sign-on is configured (the login page shows its button then). */
    get: operations['OidcController_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oidc/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The provider's redirect back (the registered redirect URL, `OIDC_REDIRECT_URL`).
     * @description Checks state, the browser cookie, the ID token (issuer, audience, signature against the provider's JWKS, expiry, nonce) and finds the pre-provisioned, active user by the configured claim. Redirects to the web app with a one-time code in the fragment (`/logga-in/kommunens-konto#kod=…`), or to its sign-in error page with a reason (`/logga-in/fel?orsak=unknown-user|deactivated|cancelled|provider-unavailable|failed`). Never a token in a URL; no account is created.
     */
    get: operations['OidcController_callback'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oidc/exchange': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Exchange the one-time sign-in code for Närvaroteam's tokens.
     * @description The code works once, for two minutes. A wrong, used or expired code is 401 `sign-in-code-invalid`. Unless the provider said it checked a second factor (OIDC_MFA_ACR_VALUES / OIDC_MFA_AMR_VALUES), a user with a TOTP factor gets the TOTP step, as after a password.
     */
    post: operations['OidcController_exchange'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oidc/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Sign in through the organisation's identity provider (OpenID Connect): a browser navigation.
     * @description Redirects to the provider (authorization code flow with PKCE S256, `state` and `nonce`) and sets a short-lived HttpOnly cookie binding the sign-in to this browser. If the provider cannot be reached, redirects to the web app's sign-in error page (`/logga-in/fel?orsak=provider-unavailable`). 404 when single sign-on is not configured.
     */
    get: operations['OidcController_login'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Exchange a refresh token for a new pair. Each refresh token works once. */
    post: operations['AuthController_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Choose your password (välj lösenord) with the one-time setup code from your administrator or mail.
     * @description A code works once, for 72 hours; a newer code voids it. A wrong username or code, or an expired or used code, all answer the same 401. Your other sessions end; then log in with the new password.
     */
    post: operations['AuthController_setup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The cases you may see: your school’s, or those your agency is mobilised into with consent in force */
    get: operations['CasesController_list'];
    put?: never;
    /** Open a case (närvaroärende) for a pupil of your school, without a flag */
    post: operations['CasesController_open'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One case */
    get: operations['CasesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/consents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The case's consents (an outside agency sees those for itself) */
    get: operations['ConsentsController_list'];
    put?: never;
    /** Record consent (samtycke) for one agency, with its scope and validity (the case’s coordinator; default and longest validity are configured) */
    post: operations['ConsentsController_give'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/consents/{consentId}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw consent, in any case status: the agency's access ends with the next request (the coordinator) */
    post: operations['ConsentsController_withdraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/coordinator': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hand the case over to another coordinator (an elevhälsa user of the school); the principal or elevhälsa of the school; the history stays */
    post: operations['CasesController_handOver'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/follow-ups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The follow-ups 6 and 18 months after closure, scheduled when the case closes; an outside agency sees the recorded ones that name its kind for new interventions (consent in force with scope plan) */
    get: operations['FollowUpsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/follow-ups/{months}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record the 6- or 18-month follow-up of a closed case (from 14 days before it is due); attendance over the last 4 weeks is computed */
    post: operations['FollowUpsController_record'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/interventions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The pupil's courses of interventions in the case, oldest first, with their follow-ups; for an outside agency as the plan (consent in force with scope plan), attendance figures only with scope attendance */
    get: operations['CourseController_list'];
    put?: never;
    /** Record that the pupil started a course of an intervention of the catalogue (elevhälsa of the case's school; not in a closed case); attendance in the 8 weeks with lessons before the start is computed */
    post: operations['CourseController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/interventions/{courseId}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record the end of a course and why it ended (completed, placement, lack_of_engagement, moved, other); attendance in the 8 weeks with lessons up to the end is computed */
    post: operations['CourseController_end'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/interventions/{courseId}/follow-ups/{months}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record the follow-up 6 or 18 months after the course's end (from 14 days before it is due, once), in MST's terms: new interventions by behaviour, school or work at least 20 h/week */
    post: operations['CourseController_recordFollowUp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/lead-times': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Days from the first signal and from the opening to each step of the case */
    get: operations['CasesController_leadTimes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/mapping': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The mapping (kartläggning), section by section
     * @description Outside agencies need consent scope `mapping`; the `health` section also needs `health_notes`. Own contributions are always shown.
     */
    get: operations['MappingController_get'];
    put?: never;
    /** Add your agency's contribution to a section, signed with you and your agency */
    post: operations['MappingController_add'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/mapping/{contributionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit a contribution: only its own agency's */
    patch: operations['MappingController_edit'];
    trace?: never;
  };
  '/api/v1/cases/{id}/meetings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The case's meetings in time order (outside agencies: consent scope case_summary) */
    get: operations['MeetingsController_list'];
    put?: never;
    /** Schedule a joint meeting (samverkansmöte): time, place or video link, participants */
    post: operations['MeetingsController_schedule'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/meetings/{meetingId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Record the minutes and decisions of a meeting that has taken place */
    patch: operations['MeetingsController_recordMinutes'];
    trace?: never;
  };
  '/api/v1/cases/{id}/mobilisations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The case's invitations and their answers */
    get: operations['MobilisationsController_listForCase'];
    put?: never;
    /**
     * Invite an agency into the case (mobilisering), with a deadline to answer
     * @description Default deadline: 5 working days (weekends and Swedish public holidays do not count).
     */
    post: operations['MobilisationsController_invite'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/plan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The shared action plan (SIP): goals, actions, views, review dates, agreement
     * @description Returns the `ETag` to send as `If-Match` with a change. Outside agencies need consent scope `plan`.
     */
    get: operations['PlanController_get'];
    /**
     * Create (201, no If-Match) or replace (200, If-Match required) the plan: the coordinator only
     * @description Goals and actions are matched by `id`; one left out is removed (its id stays in older versions). Actions belong to the school or an agency mobilised into the case. An `If-Match` that is stale only by agencies' updates of their own actions still passes: those actions must come back as read (their agency's status is kept); changing or removing one of them is 412 with `conflictingActions`.
     */
    put: operations['PlanController_put'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/plan.html': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The plan as a printable page in Swedish (Samordnad plan) for the family; outside agencies need consent scope plan */
    get: operations['PlanPrintController_html'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/plan/actions/{actionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Update the status or add a progress note to one of your agency's actions
     * @description Nothing else of an action changes here; the coordinator edits actions with PUT. `If-Match` is the action's own ETag (`etag` in the plan, `"a3"`): changes elsewhere in the plan do not make it stale, a change of this action does (412, with the current one in `ETag` and `currentEtag`). The answer is the plan, with the action's new ETag in the `ETag` header. The coordinator's plan ETag stays usable for a PUT.
     */
    patch: operations['PlanController_updateAction'];
    trace?: never;
  };
  '/api/v1/cases/{id}/plan/agreements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record who agreed to the plan version named in If-Match (pupil, guardians, agencies)
     * @description The first agreement sets the case’s “plan agreed” time, where its lead time ends.
     */
    post: operations['PlanController_agree'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/plan/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every version of the plan, newest first: who changed what kind of thing, when */
    get: operations['PlanController_versions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/plan/versions/{n}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One version of the plan as it was */
    get: operations['PlanController_version'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The plan's reviews, oldest first (outside agencies: consent scope plan) */
    get: operations['ReviewsController_list'];
    put?: never;
    /** Record a review (avstämning): attendance in the weeks before the plan and up to the review is computed from attendance data */
    post: operations['ReviewsController_record'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move the case: open → mapping → plan_active → follow_up → closed (closing needs outcome and reason) */
    post: operations['CasesController_changeStatus'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Everything that happened in the case, oldest first (append-only); an outside agency sees the shared events and its own consents and invitations, not other agencies’ */
    get: operations['CasesController_timeline'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/flags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your school's flags, newest first (`?status=new` is elevhälsa's inbox)
     * @description Elevhälsa and the principal of the school. Logged with the flags returned.
     */
    get: operations['FlagsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/flags/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One flag with its snapshot and notes
     * @description Any staff member of the flag’s school (a mentor sees the flag a colleague made, to add to it).
     */
    get: operations['FlagsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/flags/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept a new flag: opens the pupil’s case (närvaroärende)
     * @description Marks the flag `accepted` and opens a case with the flag as its start, in one transaction. The coordinator defaults to you if you are elevhälsa; a principal names one. Only a `new` flag can be triaged (otherwise 409); a pupil with an open case already gives 409 and the flag stays new.
     */
    post: operations['FlagsController_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/flags/{id}/dismiss': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Close a new flag with a reason
     * @description Only a flag with status `new` can be triaged; otherwise 409 (two concurrent triages: one wins).
     */
    post: operations['FlagsController_dismiss'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/flags/{id}/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add an observation to a flag that awaits triage
     * @description Any staff member of the flag’s school. A flag already triaged gives 409.
     */
    post: operations['FlagsController_addNote'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/follow-ups/due': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Elevhälsa's follow-ups due: the 6- and 18-month follow-ups of the school's closed cases not yet recorded, oldest first */
    get: operations['DueListsController_followUps'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process answers. */
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: the database answers. 503 while it does not. */
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/interventions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your organisation's intervention catalogue (insatskatalog), by name; retired ones included unless filtered */
    get: operations['InterventionController_list'];
    put?: never;
    /** Add an intervention (insats) to your organisation’s catalogue (admin) */
    post: operations['InterventionController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/interventions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change an intervention of your organisation’s catalogue (admin); `active: false` retires it, kept for history */
    patch: operations['InterventionController_update'];
    trace?: never;
  };
  '/api/v1/mobilisations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your agency's inbox of invitations, by deadline
     * @description Neutral facts only (case reference, school, deadline); the pupil's name and class only while your agency's consent covers `case_summary`.
     */
    get: operations['MobilisationsController_inbox'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/mobilisations/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept your agency's invitation, naming its representative */
    post: operations['MobilisationsController_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/mobilisations/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Decline your agency's invitation, with a reason */
    post: operations['MobilisationsController_decline'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your notifications: unread first, then newest */
    get: operations['NotificationsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark one of your notifications read (again: no change) */
    post: operations['NotificationsController_markRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/unread-count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many of your notifications are unread */
    get: operations['NotificationsController_unreadCount'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organisation/terms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your organisation's school terms (terminer)
     * @description The first day of the autumn term (HT, default 15 Aug) and of the spring term (VT, default 16 Jan); each term ends the day before the other begins, so `2026HT` is 15 Aug 2026–15 Jan 2027 by default. Every period named by a term (outcome statistics, sync, results) uses these dates.
     */
    get: operations['OrganisationController_read'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Move the first day of your organisation's terms
     * @description HT must start in July–September and VT in January–March, on a day every year has. Logged.
     */
    patch: operations['OrganisationController_update'];
    trace?: never;
  };
  '/api/v1/partner-agencies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The agencies outside the schools that a case can invite or record consent for, by name
     * @description For the coordinator choosing whom to mobilise: names and types of agencies (no personal data), of every organisation (a municipal school mobilises the region’s BUP).
     */
    get: operations['MobilisationsController_partnerAgencies'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/retention/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What a gallring run would erase now, per data class, and the cases kept under a legal hold
     * @description Your organisation's data only; counts, and for held cases the reference and the reason.
     */
    get: operations['RetentionController_preview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/retention/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your organisation's retention rules (gallringsregler)
     * @description One rule per data class: its legal basis, period and the bounds within which the organisation may set it (docs/DATA-PROTECTION.md gives the defaults).
     */
    get: operations['RetentionController_rules'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/retention/rules/{dataClass}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Set the period of one of your organisation's retention rules
     * @description Within the data class's bounds, else 422 with `errors: [{ field: "period", code: "out-of-bounds" }]`. Logged.
     */
    patch: operations['RetentionController_update'];
    trace?: never;
  };
  '/api/v1/retention/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The gallring log: the runs that covered your organisation (every nightly run, your admins' manual runs), newest first, with what they erased of your organisation (counts only) */
    get: operations['RetentionController_runs'];
    put?: never;
    /**
     * Start a gallring run now
     * @description Answers at once with the run (`running`); it erases what your organisation's rules make due in your organisation's data only (other organisations' data waits for the nightly run, as does the access log, which is shared and dropped by whole months). 409 while another run is going on. Logged.
     */
    post: operations['RetentionController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reviews/due': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Elevhälsa's reviews due (avstämningar): review dates of the school's open cases' plans with no review recorded from 7 days before, oldest first */
    get: operations['DueListsController_reviews'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schools/{id}/accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The school's accounts (skolans konton): roles, active, and who gave each its latest role and when.
     * @description The principal of the school only; another school answers 404.
     */
    get: operations['SchoolAccountsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schools/{id}/classes/{className}/absence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A class's absence between two dates, in total and per week */
    get: operations['AttendanceController_classAbsence'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schools/{id}/guardian-notices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A day's pupils with invalid absence and whether their guardians have been told
     * @description Skollagen 7 kap. 17 §: guardians are to be told the same day of invalid absence. Lists the school’s pupils with invalid absence on `date` (default today), by class and name; `?pending=true` only those not yet recorded as informed. Guardians’ contact details are not shown here. Another school is a 404.
     */
    get: operations['GuardianNoticesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schools/{id}/investigation-overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Pupils with repeated or long absence and no investigation started
     * @description "Repeated or long absence" (upprepad eller längre frånvaro): absence, valid and invalid alike, of at least 10 % of offered minutes over the 8 weeks (56 days) up to `date` (default today). "No investigation started": none started within the 12 months before `date`. Highest absence first; `nextCursor` is an opaque offset. Another school is a 404. Logged with the pupils returned.
     */
    get: operations['InvestigationsController_overview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schools/{id}/lead-times': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Median and 90th percentile lead times of a school's cases opened in a period */
    get: operations['CasesController_schoolLeadTimes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schools/{id}/watchlist': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The school's watch list: pupils hitting an absence rule, each rule explained
     * @description Computed on request from the per-day attendance aggregate with your organisation's rules (GET /absence-rules), for windows ending at `date` (default today in Sweden): the share and weekday rules look at the last N × 7 days, the trend at complete ISO weeks (the current week counts from its Friday; a week without lessons is skipped), the streak at runs of consecutive school days (days the pupil had lessons) with invalid absence ending within the window. Each item lists the rules hit with a Swedish explanation and the figures behind it. Because the list is computed, `nextCursor` is an opaque offset into it: a page boundary can shift if attendance changes between requests. Another school is a 404. Logged with the pupils returned.
     */
    get: operations['WatchlistController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ss12000/sources': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your organisation's SS 12000 sources, each with its last run */
    get: operations['SourcesController_list'];
    put?: never;
    /**
     * Connect a school organiser's SS 12000 server (administrators)
     * @description auth: `{ "type": "none" }`, `{ "type": "bearer", "token" }` or `{ "type": "oauth2_client_credentials", "tokenUrl", "clientId", "clientSecret", "scope"? }`. Secrets are stored encrypted and never returned. `schools` maps SS 12000 school units (Organisation ids) to your school agencies. In production the URLs must be https and public.
     */
    post: operations['SourcesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ss12000/sources/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One SS 12000 source (no secret) */
    get: operations['SourcesController_get'];
    put?: never;
    post?: never;
    /** Remove a source and its runs (what it synced stays) */
    delete: operations['SourcesController_remove'];
    options?: never;
    head?: never;
    /** Change a source: name, URL, auth (replaced whole), schools, syncFrom, schedule */
    patch: operations['SourcesController_update'];
    trace?: never;
  };
  '/api/v1/ss12000/sources/{id}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A source's runs, newest first, with counts and errors */
    get: operations['SourcesController_listRuns'];
    put?: never;
    /** Sync now: queues a run (409 while one is queued or running) */
    post: operations['SourcesController_startRun'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/ss12000/sources/{id}/runs/{runId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One run: status, times, counts, errors (entity, SS 12000 id, field, reason) */
    get: operations['SourcesController_getRun'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/interventions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Results per intervention (resultat per insats) for a term, in MST Sweden’s terms, small cells suppressed
     * @description Over the courses that **ended** in the term (`term`, default the current one) in cases of your school (principal, elevhälsa) or your organisation or one of its schools (admin, `schoolId`): per intervention the courses ended; the shares completed, ended by placement, ended by lack of engagement; the shares followed up at 6 and 18 months (of those due); per referred behaviour the share referred for it at the start and the share with a new intervention for it at 6 and 18 months; the share in school or work ≥ 20 h/week; and the median attendance in the 8 weeks with lessons before the start and before the end. The same small-cell protection as the outcome statistics (GET /stats/outcomes): every count of fewer than 5 distinct pupils (zero included) is null and named in `suppressed`; a count whose complement within its base is below 5, or whose base is hidden, is null; complementary suppression over the organisation and its schools (also against the staff of any one school); shares and medians from fewer than 5 pupils or beside a hidden count are null.
     */
    get: operations['InterventionStatsController_results'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/interventions/{id}/report.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The same figures as the report, as CSV (`figure,count,share`; empty where suppressed) */
    get: operations['InterventionStatsController_reportCsv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/interventions/{id}/report.html': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The board’s printable report (Swedish) of one intervention’s results for a term: completion pie, follow-up bars “had the behaviour at start” beside “new intervention at 6/18 months”, the same suppression */
    get: operations['InterventionStatsController_reportHtml'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/outcomes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Outcome statistics (resultat) of an organisation or school for a term, small cells suppressed
     * @description For one term (`term`, default the current one). Cases by status, the median lead time to an agreed plan and the share of plans whose attendance goal was reached count the cases **opened** in the term; the follow-up results at 6 and 18 months count the recorded follow-ups of cases **closed** in the term. Small cells are suppressed so that no pupil can be recognised: every count of fewer than 5 pupils (zero included) is null and named in `suppressed`; a median or share computed from fewer than 5 pupils is null too; and a yes/no count (reached, back in school or work, each kind of new intervention) is null when either it or its complement within the group is below 5, since the complement could be derived from it. Complementary suppression: the figures are decided once for the whole organisation and all its schools, so an admin and each school see the same cells; for every count the organisation's figure minus the shown schools' figures is 0 or at least 5 (also without any one hidden school, whose staff know its figures), otherwise more schools' figures, or the organisation's, are null. Periods are whole terms, so no two periods overlap.
     */
    get: operations['OutcomeStatsController_outcomes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/students': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your school's pupils, personnummer masked */
    get: operations['StudentsController_list'];
    put?: never;
    /** Register a pupil at your school (personnummer is checked and stored canonically) */
    post: operations['StudentsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/students/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One pupil with guardians (contact details hidden under protected identity) */
    get: operations['StudentsController_get'];
    put?: never;
    post?: never;
    /**
     * Erase a pupil registered by mistake (GDPR art. 17): the principal of the pupil’s school
     * @description Erases the pupil, guardians, lessons, per-day figures and the history of changes in one transaction; the access log keeps its rows about the pupil (ids only). When a statutory duty keeps data (a case, a flag, an absence investigation, a guardian notice) nothing is erased and the answer is 409 with `code` `erasure-refused` and `reasons` (`ErasureRefusalDto`: `kept-case`, `kept-flag`, `kept-investigation`, `kept-guardian-notice`), art. 17(3). Logged as `student.erase` (and `student.erase_refused` with the reason codes).
     */
    delete: operations['ErasureController_erase'];
    options?: never;
    head?: never;
    /**
     * Change a pupil: class and grade (school staff); guardians, protected identity, externalId (principal, elevhälsa)
     * @description Only the fields sent change; every change keeps the earlier value and who made it (`GET /students/:id/changes`). Send the `ETag` of `GET /students/:id` as `If-Match`: a stale one gets 412, none 428. A guardian contact detail left out is kept, so nobody wipes what they cannot see.
     */
    patch: operations['StudentsController_patch'];
    trace?: never;
  };
  '/api/v1/students/{id}/absence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A pupil's absence between two dates, in total and per week */
    get: operations['AttendanceController_studentAbsence'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/students/{id}/absence-investigations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A pupil's absence investigations, latest first */
    get: operations['InvestigationsController_list'];
    put?: never;
    /**
     * Record that a frånvaroutredning (skollagen 7 kap. 19 a §) has started
     * @description The principal of the pupil’s school. `startedOn` not in the future; `huvudmanInformedOn` (when the huvudman was informed) optional, not before `startedOn`, not in the future. Date problems are a 400 naming the field.
     */
    post: operations['InvestigationsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/students/{id}/attendance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A pupil's lessons, newest first */
    get: operations['AttendanceController_lessons'];
    put?: never;
    /** Record (or correct) one lesson's attendance for a pupil */
    post: operations['AttendanceController_record'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/students/{id}/changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A pupil's history of changes, newest first: field, earlier and new value, who (user or sync), when */
    get: operations['StudentsController_changes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/students/{id}/flags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Flag a worrying pupil to elevhälsa (anmälan till elevhälsan)
     * @description Any staff member of the pupil’s school. Stores a snapshot of the absence figures of the last 4 weeks and the watch-list rules hit at this moment. One flag per worry: while the pupil has a flag awaiting triage, or an open case, the answer is 409 with `code` (`flag-exists` or `case-open`) and `existing` (`ExistingWorryDto`: the flag to add a note to, or the case with its reference).
     */
    post: operations['FlagsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/students/{id}/guardian-notices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record that the guardians were told of a day’s invalid absence (how, when; by you)
     * @description The day must have invalid absence for the pupil (else 422); `informedAt` not in the future nor before the day. One notice per pupil and day: recording it again is a 409.
     */
    post: operations['GuardianNoticesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/students/{id}/register-extract': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A pupil's register extract (registerutdrag, GDPR art. 15): the principal of the pupil's school
     * @description Everything kept about the pupil and the guardians: the pupil's data and its corrections, attendance per week (lessons with `?lessons=true`), flags, investigations, guardian notices, cases with their timeline, consents, invitations, meetings, mapping, plans with every version, reviews, follow-ups and intervention courses — and who has read or changed the pupil's data (user, agency, organisation, when, what). The two long sections are bounded: the newest 2 000 lessons of the period `lessonsFrom`–`lessonsTo` and the newest 2 000 access-log rows of `accessFrom`–`accessTo`; `lessonsShown` and `accessedByShown` say how many there are and whether older ones were left out (ask for them with a period). Producing it is logged as `student.register_extract`.
     */
    get: operations['RegisterExtractController_extract'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/students/{id}/register-extract.html': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The register extract as a printable page in Swedish (Registerutdrag), for the family
     * @description The same content and access as the JSON. Under protected identity the guardians' contact details are left out of the print. Logged as `student.register_extract`.
     */
    get: operations['RegisterExtractController_html'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/students/lookup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Find a pupil by personnummer (in the body, never in a URL) */
    post: operations['StudentsController_lookup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Users (användare) of your own organisation that you may manage. */
    get: operations['UsersController_list'];
    put?: never;
    /**
     * Create a user in an agency of your own organisation.
     * @description No password: the answer carries a one-time setup code (valid 72 h) with which the user chooses one at `POST /auth/setup`. With mail configured the code is mailed to the user and not in the answer.
     */
    post: operations['UsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One user of your own organisation. */
    get: operations['UsersController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a user's display name or roles (not your own roles). */
    patch: operations['UsersController_update'];
    trace?: never;
  };
  '/api/v1/users/{id}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Deactivate a user: their tokens stop working at once. Users are never deleted. */
    post: operations['UsersController_deactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/mfa/reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reset a user's second factor (an administrator of the user's organisation): they enrol again.
     * @description Removes the TOTP secret and the recovery codes and ends open sign-in steps. Logged as `user.mfa.reset`.
     */
    post: operations['UserMfaController_reset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/setup-code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Issue a new one-time setup code (engångskod) for a user; earlier codes stop working.
     * @description Mailed to the user when mail is configured, otherwise in the answer, this once. Valid 72 h.
     */
    post: operations['UsersController_issueSetupCode'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AbsenceFigures: {
      /** @description Share of offered minutes, one decimal. */
      absencePercent: number;
      /** @description Valid plus invalid absence. */
      absentMinutes: number;
      /** Format: date */
      from: string;
      /** @description Ogiltig frånvaro. */
      invalidAbsenceMinutes: number;
      invalidAbsencePercent: number;
      offeredMinutes: number;
      /** @description Pupils counted (1 for a pupil, the class size for a class). */
      pupils: number;
      /** Format: date */
      to: string;
      /** @description Giltig frånvaro. */
      validAbsenceMinutes: number;
      validAbsencePercent: number;
      weeks: components['schemas']['AbsenceWeek'][];
    };
    AbsenceRuleDto: {
      /** @description Inclusive bounds of each parameter, as PUT enforces them. */
      bounds: {
        [key: string]: components['schemas']['ParamBoundsDto'];
      };
      /** @description The default parameters. */
      defaults: {
        [key: string]: number;
      };
      /** @description What the rule catches (Swedish). */
      description: string;
      enabled: boolean;
      /** @description True when your organisation has no override and the default applies. */
      isDefault: boolean;
      /** @enum {string} */
      kind: 'absence_share' | 'invalid_streak' | 'weekday_pattern' | 'rising_trend';
      /**
       * @description The parameters in force: the default merged with the organisation override.
       * @example {
       *       "percent": 10,
       *       "weeks": 4
       *     }
       */
      params: {
        [key: string]: number;
      };
      /** Format: date-time */
      updatedAt: string | null;
    };
    AbsenceRuleListDto: {
      items: components['schemas']['AbsenceRuleDto'][];
    };
    AbsenceWeek: {
      /** @description Share of offered minutes, one decimal. */
      absencePercent: number;
      /** @description Valid plus invalid absence. */
      absentMinutes: number;
      /** @description Ogiltig frånvaro. */
      invalidAbsenceMinutes: number;
      invalidAbsencePercent: number;
      offeredMinutes: number;
      /** @description Giltig frånvaro. */
      validAbsenceMinutes: number;
      validAbsencePercent: number;
      /**
       * @description ISO week.
       * @example 2026-W47
       */
      week: string;
      /**
       * Format: date
       * @description The Monday of the week.
       */
      weekStart: string;
    };
    AcceptFlagDto: {
      /**
       * Format: uuid
       * @description The case's coordinator (an elevhälsa user of the school); default: you, if you are elevhälsa.
       */
      coordinatorId?: string;
    };
    AcceptMobilisationDto: {
      /**
       * Format: uuid
       * @description The agency's representative in the case: an active agency worker.
       */
      representativeUserId: string;
    };
    AccessLogItem: {
      /** @example student.read */
      action: string;
      agencyId: string | null;
      /** Format: date-time */
      at: string;
      /** @description Facts of a change beyond ids, e.g. `{ rolesBefore, rolesAfter }` of a change of who holds a role. */
      detail: Record<string, never> | null;
      id: string;
      /** @enum {string} */
      outcome: 'allowed' | 'denied';
      requestId: string | null;
      subjectIds: string[];
      /** @example student */
      subjectType: string;
      userId: string | null;
    };
    AccessLogSearchDto: {
      /**
       * @description Only this action (verb-noun).
       * @example student.read
       */
      action?: string;
      /**
       * Format: uuid
       * @description Only entries made from this agency.
       */
      agencyId?: string;
      /** @description The nextCursor of the previous page, as given (ignored for CSV). */
      cursor?: string;
      /** @description From this instant (inclusive), ISO 8601. */
      from?: string;
      /** @default 50 */
      limit: number;
      /**
       * @description allowed or denied (nekad).
       * @enum {string}
       */
      outcome?: 'allowed' | 'denied';
      /**
       * @description A pupil's full personnummer or samordningsnummer: entries about the pupil and their cases.
       * @example 20120315-2388
       */
      personnummer?: string;
      /** @description Before this instant (exclusive), ISO 8601. */
      to?: string;
      /**
       * Format: uuid
       * @description Only entries made by this user.
       */
      userId?: string;
    };
    AccessLogSearchItem: {
      /** @example student.read */
      action: string;
      agencyId: string | null;
      agencyName: string | null;
      /** Format: date-time */
      at: string;
      id: string;
      /** @enum {string} */
      outcome: 'allowed' | 'denied';
      requestId: string | null;
      subjectIds: string[];
      /** @example student */
      subjectType: string;
      /** @description The acting user's name (staff, not pupils). */
      userDisplayName: string | null;
      userId: string | null;
    };
    ActionDto: {
      agency: components['schemas']['AgencyRefDto'];
      description: string;
      /** Format: date */
      dueDate: string;
      /**
       * @description The action's ETag: send it as If-Match with PATCH …/plan/actions/:actionId.
       * @example "a3"
       */
      etag: string;
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description The intervention of the catalogue it uses.
       */
      interventionId: string | null;
      /** @description Oldest first. */
      progressNotes: components['schemas']['ProgressNoteDto'][];
      responsible: components['schemas']['PersonRefDto'] | null;
      /** Format: date */
      startDate: string | null;
      /** @enum {string} */
      status: 'planned' | 'in_progress' | 'done' | 'cancelled';
      /** Format: date-time */
      updatedAt: string;
      /** @description The action's own version: grows with every change of this action (PUT or its agency's PATCH). */
      version: number;
    };
    ActionInputDto: {
      /**
       * Format: uuid
       * @description The responsible agency: the school or an agency mobilised into the case.
       */
      agencyId: string;
      /** @example Samtal med familjen varannan vecka. */
      description: string;
      /**
       * Format: date
       * @description Not before startDate.
       */
      dueDate: string;
      /**
       * Format: uuid
       * @description An existing action of this plan, to keep it (and its notes).
       */
      id?: string;
      /**
       * Format: uuid
       * @description The intervention (insats) the action uses: an active one of the catalogue of the case's organisation (an action keeps one retired since).
       */
      interventionId?: string;
      /**
       * Format: uuid
       * @description The responsible person: an active user of that agency.
       */
      responsibleUserId?: string;
      /** Format: date */
      startDate?: string;
      /** @enum {string} */
      status: 'planned' | 'in_progress' | 'done' | 'cancelled';
    };
    AddContributionDto: {
      /**
       * @description `pupil_view` is the pupil's own view (elevens röst), `guardian_view` the guardians'.
       * @enum {string}
       */
      section: 'school' | 'health' | 'home_family' | 'leisure_friends' | 'pupil_view' | 'guardian_view';
      text: string;
    };
    AddFlagNoteDto: {
      /**
       * @description What you add to the flag: a new observation about the same worry.
       * @example Borta även i dag; eleven säger att magen värker.
       */
      text: string;
    };
    AgencyDto: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      name: string;
      /** Format: uuid */
      organisationId: string;
      schoolUnitCode: string | null;
      /** @enum {string} */
      type: 'school' | 'social_services' | 'bup' | 'habilitation' | 'other';
    };
    AgencyRefDto: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @enum {string} */
      type: 'school' | 'social_services' | 'bup' | 'habilitation' | 'other';
    };
    AgencySummaryDto: {
      /** Format: uuid */
      id: string;
      name: string;
      /** Format: uuid */
      organisationId: string;
      /** @enum {string} */
      type: 'school' | 'social_services' | 'bup' | 'habilitation' | 'other';
    };
    AgreementDto: {
      agency: components['schemas']['AgencyRefDto'] | null;
      /** Format: date-time */
      agreedAt: string;
      /** Format: uuid */
      id: string;
      /** @description Who agreed; the pupil's or a guardian's name is null for an outside agency that may not see it. */
      name: string | null;
      /** @enum {string} */
      participant: 'pupil' | 'guardian' | 'agency';
      /** @description The version of the plan they agreed to. */
      planVersion: number;
      /** @description Who recorded the agreement. */
      recordedBy: components['schemas']['PersonRefDto'];
    };
    AgreementParticipantInputDto: {
      /**
       * Format: uuid
       * @description Required for `agency` (an agency in the case), else absent.
       */
      agencyId?: string;
      /** @example Vera Vårdnadshavare */
      name: string;
      /** @enum {string} */
      participant: 'pupil' | 'guardian' | 'agency';
    };
    AgreePlanDto: {
      /**
       * Format: date-time
       * @description When they agreed (not in the future).
       */
      agreedAt: string;
      participants: components['schemas']['AgreementParticipantInputDto'][];
    };
    AttendanceGoalStatsDto: {
      /** @description Plans (of cases opened in the period) with an attendance target in a goal. */
      count: number;
      /** @description Of those, plans whose latest review recorded the goal as reached (a plan not yet reviewed hasn't). */
      reached: number | null;
      /** @description reached / count, three decimals. */
      share: number | null;
    };
    AttendancePeriodDto: {
      /** @description Närvaro: 100 − absence % of offered minutes, one decimal; null when no lessons were offered. */
      attendancePercent: number | null;
      /** Format: date */
      from: string;
      /** Format: date */
      to: string;
    };
    BehaviourStatsDto: {
      /** @description Referred for the behaviour at the start, of the ended courses. */
      atStart: components['schemas']['CountShareDto'];
      /** @description A new intervention for the behaviour at the 6- and 18-month follow-up, of those followed up then. */
      newIntervention: {
        [key: string]: components['schemas']['CountShareDto'];
      };
    };
    CaseDto: {
      /** @description The statuses the case may move to next. */
      allowedTransitions: ('open' | 'mapping' | 'plan_active' | 'follow_up' | 'closed')[];
      /** Format: date-time */
      closedAt: string | null;
      closeReason: string | null;
      coordinator: components['schemas']['PersonRefDto'];
      /** Format: uuid */
      flagId: string | null;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      openedAt: string;
      /** @enum {string|null} */
      outcome: 'attendance_recovered' | 'partly_recovered' | 'not_recovered' | 'moved' | 'other' | null;
      /** @description Null for an outside agency whose consent does not include case_summary. */
      pupil: components['schemas']['CasePupilDto'] | null;
      /**
       * @description A neutral reference: safe in notifications and print.
       * @example NT-2026-0007
       */
      reference: string;
      /** Format: uuid */
      schoolId: string;
      schoolName: string;
      /** @enum {string} */
      status: 'open' | 'mapping' | 'plan_active' | 'follow_up' | 'closed';
      /** @description What of the case you may see. */
      visibleScopes: ('case_summary' | 'attendance' | 'health_notes' | 'mapping' | 'plan')[];
    };
    CasePupilDto: {
      className: string;
      firstName: string;
      /** Format: uuid */
      id: string;
      lastName: string;
      /** @example 20120315-**** */
      personnummerMasked: string;
    };
    CaseSummaryDto: {
      /** Format: date-time */
      closedAt: string | null;
      coordinator: components['schemas']['PersonRefDto'];
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      openedAt: string;
      /** @description Null for an outside agency whose consent does not include case_summary. */
      pupil: components['schemas']['CasePupilDto'] | null;
      /**
       * @description A neutral reference: safe in notifications and print.
       * @example NT-2026-0007
       */
      reference: string;
      /** Format: uuid */
      schoolId: string;
      schoolName: string;
      /** @enum {string} */
      status: 'open' | 'mapping' | 'plan_active' | 'follow_up' | 'closed';
    };
    ChangeAuthorDto: {
      displayName: string;
      /** Format: uuid */
      id: string;
    };
    ChangeStatusDto: {
      /**
       * @description Required when closing.
       * @enum {string}
       */
      outcome?: 'attendance_recovered' | 'partly_recovered' | 'not_recovered' | 'moved' | 'other';
      /** @description Why; required when closing. */
      reason?: string;
      /** @enum {string} */
      status: 'open' | 'mapping' | 'plan_active' | 'follow_up' | 'closed';
    };
    ConsentDto: {
      /** Format: uuid */
      agencyId: string;
      agencyName: string;
      documentReference: string | null;
      /** Format: date */
      givenAt: string;
      /** @enum {string} */
      givenBy: 'guardian' | 'pupil';
      /** @description Who gave it; null for an outside agency that may not see the pupil's or guardians' names. */
      givenByName: string | null;
      /** Format: uuid */
      id: string;
      /** @description Given, not expired, not withdrawn: the agency has access while mobilised. */
      inForce: boolean;
      scope: ('case_summary' | 'attendance' | 'health_notes' | 'mapping' | 'plan')[];
      /**
       * Format: date
       * @description The last day it is valid (inclusive); every consent ends.
       */
      validUntil: string;
      /** Format: date-time */
      withdrawnAt: string | null;
    };
    ContributionDto: {
      /** @description For which agency (signed). */
      agency: components['schemas']['AgencyRefDto'];
      /** @description Who wrote it (signed). */
      author: components['schemas']['PersonRefDto'];
      /** Format: date-time */
      createdAt: string;
      /** @description Whether you may edit it: only its own agency, while the case is not closed. */
      editable: boolean;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      section: 'school' | 'health' | 'home_family' | 'leisure_friends' | 'pupil_view' | 'guardian_view';
      text: string;
      /** Format: date-time */
      updatedAt: string;
    };
    CountShareDto: {
      count: number | null;
      /** @description count / base, three decimals. */
      share: number | null;
    };
    CourseDto: {
      /** @description The same for the 8 weeks with lessons up to the end (the end day included). */
      attendanceBeforeEnd: number | null;
      /** @description Attendance % in the 8 most recent weeks with lessons before the start, computed when it was recorded; null without lessons or without the attendance scope. */
      attendanceBeforeStart: number | null;
      /** Format: uuid */
      caseId: string;
      endedBy: components['schemas']['PersonRefDto'] | null;
      /** Format: date */
      endedOn: string | null;
      /** @enum {string|null} */
      endReason: 'completed' | 'placement' | 'lack_of_engagement' | 'moved' | 'other' | null;
      /** @description Once the course has ended: its 6- and 18-month follow-ups, recorded or not; empty before. */
      followUps: components['schemas']['CourseFollowUpDto'][];
      /** Format: uuid */
      id: string;
      intervention: components['schemas']['InterventionRefDto'];
      referredBehaviours: (
        'school_absence' | 'crime' | 'drugs' | 'aggression' | 'conflicts_at_home' | 'running_away' | 'other'
      )[];
      startedBy: components['schemas']['PersonRefDto'];
      /** Format: date */
      startedOn: string;
    };
    CourseFollowUpDto: {
      /** Format: date */
      dueOn: string;
      /**
       * @description Months after the course's end.
       * @enum {number}
       */
      months: 6 | 18;
      newInterventionFor:
        ('school_absence' | 'crime' | 'drugs' | 'aggression' | 'conflicts_at_home' | 'running_away' | 'other')[] | null;
      /**
       * Format: date
       * @description May be recorded from this day (14 days before due).
       */
      recordableFrom: string;
      /** Format: date-time */
      recordedAt: string | null;
      recordedBy: components['schemas']['PersonRefDto'] | null;
      schoolOrWork20h: boolean | null;
    };
    CreateAgencyDto: {
      /** @example Fältskolan */
      name: string;
      /**
       * @description Skolenhetskod (8 digits); required for schools, refused for others.
       * @example 12345678
       */
      schoolUnitCode?: string;
      /** @enum {string} */
      type: 'school' | 'social_services' | 'bup' | 'habilitation' | 'other';
    };
    CreatedUserDto: {
      active: boolean;
      /** Format: uuid */
      agencyId: string;
      agencyName: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      deactivatedAt: string | null;
      displayName: string;
      /** Format: uuid */
      id: string;
      roles: ('school_staff' | 'principal' | 'elevhalsa' | 'agency_worker' | 'admin' | 'auditor')[];
      /** @description The one-time code with which the user chooses a password. */
      setup: components['schemas']['SetupCodeDto'];
      username: string;
    };
    CreateFlagDto: {
      /**
       * @description What you see, and what you have tried.
       * @example Borta varje måndag sedan höstlovet. Har pratat med eleven och ringt hem två gånger.
       */
      text: string;
    };
    CreateGuardianNoticeDto: {
      /**
       * Format: date
       * @description The day of the invalid absence.
       */
      date: string;
      /**
       * Format: date-time
       * @description When they were told: not in the future, not before the day of the absence.
       * @example 2026-11-20T09:15:00+01:00
       */
      informedAt: string;
      /**
       * @description How the guardians were told.
       * @enum {string}
       */
      method: 'phone' | 'sms' | 'email' | 'letter' | 'in_person' | 'school_app';
    };
    CreateInterventionDto: {
      /** @description Offered now. A retired intervention (false) stays for history, never deleted. */
      active: boolean;
      description?: string;
      /** @description Evidence-based (evidensbaserad), e.g. MST. */
      evidenceBased: boolean;
      /** @example MST (multisystemisk terapi) */
      name: string;
      /**
       * @description The kind of agency that provides it.
       * @enum {string}
       */
      providerAgencyType: 'school' | 'social_services' | 'bup' | 'habilitation' | 'other';
      /** @example Ungdomar 12–17 år med allvarliga beteendeproblem */
      targetGroup?: string;
    };
    CreateInvestigationDto: {
      /**
       * Format: date
       * @description The day the huvudman was informed: not before startedOn, not in the future. May be set later (PATCH).
       */
      huvudmanInformedOn?: string;
      /**
       * Format: date
       * @description The day the investigation started; not in the future.
       * @example 2026-11-16
       */
      startedOn: string;
    };
    CreateSourceDto: {
      auth: components['schemas']['SourceAuthInput'];
      /**
       * @description https (plain http only on 127.0.0.1 outside production).
       * @example https://ss12000.exempel.se/v2.1
       */
      baseUrl: string;
      /** @example Östersunds skoldata */
      name: string;
      /** @description SS 12000 school units mapped to our schools by Organisation id. Schools not mapped here (by any source of the organisation) are matched by their skolenhetskod against `Organisation.schoolUnitCode` at each run. */
      schools: components['schemas']['SourceSchoolInput'][];
      /** @description Run on a schedule, every this many minutes. */
      syncEveryMinutes?: number;
      /**
       * @description Earliest lesson date read; default the start of the current term.
       * @example 2026-08-15
       */
      syncFrom?: string;
    };
    CreateStudentDto: {
      /** @example 7B */
      className: string;
      /** @description The school system's person id (SS 12000 Person.id). */
      externalId?: string;
      /** @example Elsa */
      firstName: string;
      /** @description 0 is förskoleklass. */
      grade: number;
      guardians: components['schemas']['GuardianInput'][];
      /** @example Lind */
      lastName: string;
      /**
       * @description Personnummer or samordningsnummer: YYYYMMDDNNNN, YYYYMMDD-NNNN, YYMMDD-NNNN or YYMMDD+NNNN (100 years or older).
       * @example 20120315-2388
       */
      personnummer: string;
      /**
       * @description Skyddade personuppgifter.
       * @default false
       */
      protectedIdentity: boolean;
      /**
       * Format: uuid
       * @description The pupil's school (an agency of type school).
       */
      schoolId: string;
    };
    CreateUserDto: {
      /** Format: uuid */
      agencyId: string;
      /** @example Kim Kurator */
      displayName: string;
      /** @description admin and auditor are never combined with school_staff, principal, elevhalsa or agency_worker (422). */
      roles: ('school_staff' | 'principal' | 'elevhalsa' | 'agency_worker' | 'admin' | 'auditor')[];
      /**
       * @description An e-mail address; used to log in.
       * @example kurator@storsjo.demo
       */
      username: string;
    };
    DeclineMobilisationDto: {
      /** @example Ärendet hör inte till vårt uppdrag. */
      reason: string;
    };
    DismissFlagDto: {
      /** @example Frånvaron är utredd: planerad operation, giltig. */
      reason: string;
    };
    EditContributionDto: {
      text: string;
    };
    EndCourseDto: {
      /**
       * Format: date
       * @description Not in the future, not before the course started.
       */
      endedOn: string;
      /**
       * @description Completed (fullföljd), ended by a placement outside the home, by lack of engagement, moved, other.
       * @enum {string}
       */
      reason: 'completed' | 'placement' | 'lack_of_engagement' | 'moved' | 'other';
    };
    ErasureRefusalDto: {
      /** @enum {string} */
      code: 'kept-case' | 'kept-flag' | 'kept-investigation' | 'kept-guardian-notice';
      /** @description English explanation; clients show their own text for the code. */
      message: string;
    };
    ExistingWorryDto: {
      /**
       * Format: date-time
       * @description When the flag was made, or the case opened.
       */
      createdAt: string;
      /** Format: uuid */
      id: string;
      /**
       * @description The case's reference; null for a flag.
       * @example NT-2026-0042
       */
      reference: string | null;
      /** @enum {string} */
      type: 'flag' | 'case';
    };
    ExtractAccessDto: {
      /**
       * @description What was done (verb-noun).
       * @example student.read
       */
      action: string;
      agency: string | null;
      /** Format: date-time */
      at: string;
      organisation: string | null;
      /**
       * @description Which kind of data.
       * @example case
       */
      subjectType: string;
      user: string | null;
    };
    ExtractAttendanceDto: {
      /** @description Only with `?lessons=true`: the newest lessons of the period (`lessonsFrom`, `lessonsTo`), oldest first. */
      lessons: components['schemas']['ExtractLessonDto'][] | null;
      /** @description How many lessons there are and are shown. */
      lessonsShown: components['schemas']['ExtractListLimitDto'] | null;
      /** @description Per ISO week; null when nothing is recorded. */
      perWeek: components['schemas']['AbsenceFigures'] | null;
    };
    ExtractCaseDto: {
      /** Format: date-time */
      closedAt: string | null;
      closeReason: string | null;
      consents: components['schemas']['ExtractConsentDto'][];
      coordinator: string;
      /** Format: date */
      firstSignalOn: string | null;
      followUps: components['schemas']['ExtractFollowUpDto'][];
      /** Format: uuid */
      id: string;
      /** @description Interventions (insatser) started in the case. */
      interventionCourses: components['schemas']['ExtractCourseDto'][];
      invitations: components['schemas']['ExtractInvitationDto'][];
      mapping: components['schemas']['ExtractMappingDto'][];
      meetings: components['schemas']['ExtractMeetingDto'][];
      /** Format: date-time */
      openedAt: string;
      outcome: string | null;
      /** @description The plan as it is now. */
      plan: components['schemas']['PlanDto'] | null;
      /** Format: date-time */
      planAgreedAt: string | null;
      /** @description Every version of the plan, oldest first. */
      planVersions: components['schemas']['ExtractPlanVersionDto'][];
      reference: string;
      reviews: components['schemas']['ExtractReviewDto'][];
      status: string;
      timeline: components['schemas']['ExtractEventDto'][];
    };
    ExtractChangeDto: {
      /** Format: date-time */
      changedAt: string;
      /** @description Who changed it (null: the SS 12000 sync). */
      changedBy: string | null;
      /** @example className */
      field: string;
      /** @description The new value (JSON). */
      newValue: Record<string, never> | null;
      /** @description The earlier value (JSON). */
      oldValue: Record<string, never> | null;
      /** @enum {string} */
      source: 'user' | 'sync';
    };
    ExtractConsentDto: {
      agency: string;
      /** Format: date */
      givenAt: string;
      /** @enum {string} */
      givenBy: 'guardian' | 'pupil';
      givenByName: string;
      /** Format: uuid */
      id: string;
      recordedBy: string;
      scope: string[];
      /** Format: date */
      validUntil: string | null;
      /** Format: date-time */
      withdrawnAt: string | null;
    };
    ExtractCourseDto: {
      attendanceBeforeEndPercent: number | null;
      attendanceBeforeStartPercent: number | null;
      /** Format: date */
      endedOn: string | null;
      endReason: string | null;
      followUps: components['schemas']['ExtractCourseFollowUpDto'][];
      /** Format: uuid */
      id: string;
      intervention: string;
      referredBehaviours: string[];
      startedBy: string;
      /** Format: date */
      startedOn: string;
    };
    ExtractCourseFollowUpDto: {
      /** @enum {number} */
      months: 6 | 18;
      newInterventionFor: string[];
      /** Format: date-time */
      recordedAt: string;
      recordedBy: string;
      schoolOrWork20h: boolean;
    };
    ExtractEventDto: {
      actor: string | null;
      agency: string | null;
      /** Format: date-time */
      at: string;
      data: {
        [key: string]: unknown;
      };
      kind: string;
    };
    ExtractFlagDto: {
      /** Format: date-time */
      createdAt: string;
      createdBy: string;
      dismissReason: string | null;
      /** Format: uuid */
      id: string;
      notes: components['schemas']['ExtractFlagNoteDto'][];
      /** @description The absence figures when flagged. */
      snapshot: Record<string, never>;
      /** @enum {string} */
      status: 'new' | 'accepted' | 'dismissed';
      text: string;
      /** Format: date-time */
      triagedAt: string | null;
      triagedBy: string | null;
    };
    ExtractFlagNoteDto: {
      /** Format: date-time */
      at: string;
      by: string;
      text: string;
    };
    ExtractFollowUpDto: {
      attendancePercent: number | null;
      /** Format: date */
      dueOn: string;
      /** Format: uuid */
      id: string;
      /** @enum {number} */
      months: 6 | 18;
      newInterventions: string[] | null;
      note: string | null;
      /** Format: date-time */
      recordedAt: string | null;
      schoolOrWork20h: boolean | null;
    };
    ExtractGuardianDto: {
      email: string | null;
      /** Format: uuid */
      id: string;
      name: string;
      phone: string | null;
      /** Format: date-time */
      registeredAt: string;
      relation: string;
    };
    ExtractGuardianNoticeDto: {
      /** Format: date */
      absenceDate: string;
      /** Format: date-time */
      informedAt: string;
      method: string;
      recordedBy: string;
    };
    ExtractInvestigationDto: {
      /** Format: date */
      huvudmanInformedOn: string | null;
      /** Format: uuid */
      id: string;
      recordedBy: string;
      /** Format: date */
      startedOn: string;
    };
    ExtractInvitationDto: {
      agency: string;
      /** Format: date */
      deadline: string;
      declineReason: string | null;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      invitedAt: string;
      invitedBy: string;
      message: string | null;
      representative: string | null;
      /** Format: date-time */
      respondedAt: string | null;
      /** @enum {string} */
      status: 'pending' | 'accepted' | 'declined';
    };
    ExtractLessonDto: {
      attendedMinutes: number;
      /** Format: date */
      date: string;
      invalidAbsenceMinutes: number;
      offeredMinutes: number;
      reason: string | null;
      source: string;
      /** @example 08:20 */
      startTime: string;
      validAbsenceMinutes: number;
    };
    ExtractListLimitDto: {
      /** Format: date */
      from: string | null;
      limit: number;
      /** @description Rows in this extract (the newest). */
      shown: number;
      /** Format: date */
      to: string | null;
      /** @description Rows in the period asked for. */
      total: number;
      /** @description True when older rows were left out: ask for them with a period. */
      truncated: boolean;
    };
    ExtractMappingDto: {
      agency: string;
      author: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      section: string;
      text: string;
      /** Format: date-time */
      updatedAt: string;
    };
    ExtractMeetingDto: {
      agencies: string[];
      decisions: string | null;
      guardiansPresent: boolean;
      /** Format: uuid */
      id: string;
      minutes: string | null;
      place: string | null;
      pupilPresent: boolean;
      /** Format: date-time */
      startsAt: string;
    };
    ExtractPlanVersionDto: {
      agency: string;
      change: string;
      /** Format: date-time */
      changedAt: string;
      changedBy: string;
      /** @description The plan as it was in this version. */
      plan: components['schemas']['PlanDto'];
      version: number;
    };
    ExtractPupilDto: {
      /** @description Every correction, with the earlier value (art. 16). */
      changes: components['schemas']['ExtractChangeDto'][];
      className: string;
      externalId: string | null;
      firstName: string;
      grade: number;
      guardians: components['schemas']['ExtractGuardianDto'][];
      /** Format: uuid */
      id: string;
      lastName: string;
      /** @description Personuppgiftsansvarig: the organisation responsible. */
      organisationName: string;
      /** @description In full: the extract is the data held about the pupil. */
      personnummer: string;
      /** @description Skyddade personuppgifter. */
      protectedIdentity: boolean;
      /** Format: date-time */
      registeredAt: string;
      /** Format: uuid */
      schoolId: string;
      schoolName: string;
    };
    ExtractReviewDto: {
      attendanceAfterPercent: number | null;
      attendanceBeforePercent: number | null;
      decisions: string | null;
      goalReached: boolean;
      /** Format: uuid */
      id: string;
      recordedBy: string;
      /** Format: date */
      reviewedOn: string;
    };
    FlagDto: {
      className: string;
      /** Format: date-time */
      createdAt: string;
      createdBy: components['schemas']['PersonRefDto'];
      dismissReason: string | null;
      firstName: string;
      grade: number;
      /** Format: uuid */
      id: string;
      lastName: string;
      /** @description Later observations added to this flag, oldest first. */
      notes: components['schemas']['FlagNoteDto'][];
      /** @example 20120315-**** */
      personnummerMasked: string;
      /** Format: uuid */
      schoolId: string;
      snapshot: components['schemas']['FlagSnapshotDto'];
      /** @enum {string} */
      status: 'new' | 'accepted' | 'dismissed';
      /** Format: uuid */
      studentId: string;
      text: string;
      /** Format: date-time */
      triagedAt: string | null;
      triagedBy: components['schemas']['PersonRefDto'] | null;
    };
    FlagNoteDto: {
      /** Format: date-time */
      createdAt: string;
      createdBy: components['schemas']['PersonRefDto'];
      /** Format: uuid */
      id: string;
      text: string;
    };
    FlagSnapshotDto: {
      /** @description Absence over the last 4 weeks (28 days) up to the day of flagging. */
      figures: components['schemas']['AbsenceFigures'];
      /** @description The watch-list rules the pupil hit at that moment. */
      rulesHit: components['schemas']['RuleHitDto'][];
      /** Format: date-time */
      takenAt: string;
    };
    FollowUpDto: {
      /** @description Attendance in the 4 weeks up to recording, computed; null when no lessons were offered. */
      attendancePercent: number | null;
      /** Format: uuid */
      caseId: string;
      /** Format: date */
      dueOn: string;
      /** Format: uuid */
      id: string;
      /**
       * @description Months after closure.
       * @enum {number}
       */
      months: 6 | 18;
      newInterventions: ('social_services' | 'bup' | 'habilitation' | 'other')[] | null;
      note: string | null;
      /**
       * Format: date
       * @description May be recorded from this day (14 days before due).
       */
      recordableFrom: string;
      /** Format: date-time */
      recordedAt: string | null;
      recordedBy: components['schemas']['PersonRefDto'] | null;
      schoolOrWork20h: boolean | null;
    };
    FollowUpDueDto: {
      /** Format: uuid */
      caseId: string;
      className: string;
      /** @description The case's coordinator (display name). */
      coordinator: string;
      /** Format: date */
      dueOn: string;
      firstName: string;
      /** Format: uuid */
      followUpId: string;
      lastName: string;
      /**
       * @description Months after closure.
       * @enum {number}
       */
      months: 6 | 18;
      /**
       * Format: date
       * @description May be recorded from this day (14 days before due).
       */
      recordableFrom: string;
      /** @example NT-2026-0001 */
      reference: string;
      /** @enum {string} */
      status: 'open' | 'mapping' | 'plan_active' | 'follow_up' | 'closed';
      /** Format: uuid */
      studentId: string;
    };
    FollowUpStatsDto: {
      /** @description In school or work at least 20 h/week. */
      backInSchoolOrWork20h: number | null;
      /** @description Median attendance % in the 4 weeks before recording. */
      medianAttendancePercent: number | null;
      /**
       * @description Follow-ups that needed a new intervention, per kind (social_services, bup, habilitation, other); null when suppressed.
       * @example {
       *       "social_services": 7,
       *       "bup": null,
       *       "habilitation": null,
       *       "other": null
       *     }
       */
      newInterventions: {
        [key: string]: number | null;
      };
      /** @description Follow-ups recorded (of cases closed in the period). */
      recorded: number | null;
    };
    GiveConsentDto: {
      /**
       * Format: uuid
       * @description The agency the consent lets in (not the school itself).
       */
      agencyId: string;
      /** @description Where the signed consent is kept (diarienummer, document id). */
      documentReference?: string;
      /**
       * Format: date
       * @description The day consent was given (not in the future).
       * @example 2026-11-23
       */
      givenAt: string;
      /**
       * @description Whose consent it is: the right to decide moves to the child with maturity.
       * @enum {string}
       */
      givenBy: 'guardian' | 'pupil';
      /** @example Anna Lind */
      givenByName: string;
      /** @description What the agency may see: consent may be partial. */
      scope: ('case_summary' | 'attendance' | 'health_notes' | 'mapping' | 'plan')[];
      /**
       * Format: date
       * @description The last day it is valid; expiry works like withdrawal. Absent: the default validity (CONSENT_DEFAULT_VALIDITY_MONTHS, 12 months from givenAt); at most CONSENT_MAX_VALIDITY_MONTHS (24) after givenAt.
       */
      validUntil?: string;
    };
    GoalDto: {
      /** Format: uuid */
      id: string;
      target: components['schemas']['GoalTargetDto'] | null;
      text: string;
    };
    GoalInputDto: {
      /**
       * Format: uuid
       * @description An existing goal of this plan, to keep it (and its id).
       */
      id?: string;
      /** @description A measurable target (at least one member), e.g. attendance ≥ 80 % by a date. */
      target?: components['schemas']['GoalTargetInputDto'];
      /** @example Eleven är i skolan varje dag. */
      text: string;
    };
    GoalTargetDto: {
      attendancePercent: number | null;
      /** Format: date */
      byDate: string | null;
      text: string | null;
    };
    GoalTargetInputDto: {
      /**
       * @description Attendance at least this share (%).
       * @example 80
       */
      attendancePercent?: number;
      /**
       * Format: date
       * @description Reached by this day.
       * @example 2026-12-18
       */
      byDate?: string;
      /** @description A target in words, when it is not an attendance share. */
      text?: string;
    };
    GuardianDto: {
      /** @description True when contact details are withheld because of protected identity. */
      contactHidden: boolean;
      /** @description Hidden (null) under protected identity. */
      email: string | null;
      /** Format: uuid */
      id: string;
      name: string;
      /** @description Hidden (null) under protected identity. */
      phone: string | null;
      relation: string;
    };
    GuardianInput: {
      /** @example anna@exempel.se */
      email?: string;
      /** @example Anna Andersson */
      name: string;
      /** @example 070-1740605 */
      phone?: string;
      /**
       * @description How the guardian relates to the pupil.
       * @example vårdnadshavare
       */
      relation: string;
    };
    GuardianNoticeDto: {
      /** Format: date-time */
      createdAt: string;
      /** Format: date */
      date: string;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      informedAt: string;
      /** @enum {string} */
      method: 'phone' | 'sms' | 'email' | 'letter' | 'in_person' | 'school_app';
      /** @description Who recorded (and informed). */
      recordedBy: components['schemas']['PersonRefDto'];
      /** Format: uuid */
      studentId: string;
    };
    GuardianNoticeItemDto: {
      className: string;
      /** Format: date */
      date: string;
      firstName: string;
      grade: number;
      /** @description null: guardians not yet recorded as informed. */
      informed: components['schemas']['NoticeInformedDto'] | null;
      /** @description Invalid-absence minutes that day. */
      invalidAbsenceMinutes: number;
      lastName: string;
      /** @example 20120315-**** */
      personnummerMasked: string;
      /** Format: uuid */
      studentId: string;
    };
    HandOverDto: {
      /**
       * Format: uuid
       * @description An active elevhälsa user of the pupil's school.
       */
      coordinatorId: string;
    };
    ImportDto: {
      /** @description The first 100 problems, by line. */
      errors: components['schemas']['ImportErrorDto'][];
      /** Format: date-time */
      finishedAt: string | null;
      /** @enum {string} */
      format: 'csv' | 'ss12000';
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      mode: 'all_or_nothing' | 'partial';
      /** @description Rows written (unchanged rows included: a re-import changes nothing). */
      rowsImported: number;
      /** @description Rows with at least one problem. */
      rowsRejected: number;
      /** @description Data rows read (without the CSV header). */
      rowsTotal: number;
      /** Format: date-time */
      startedAt: string;
      /** @enum {string} */
      status: 'running' | 'completed' | 'rejected' | 'failed';
    };
    ImportErrorDto: {
      /**
       * @description Machine-readable and stable (clients word it themselves): `invalid-date`, `in-future`, `invalid-time`, `invalid-minutes`, `minutes-exceed-offered`, `invalid-personnummer`, `unknown-pupil`, `duplicate-lesson`, `wrong-field-count`, `invalid-header`, `invalid-file`, ….
       * @example invalid-personnummer
       */
      code: string;
      /**
       * @description Column (CSV) or member path (JSON), or `row`/`file`/`header`/`encoding`.
       * @example personnummer
       */
      field: string;
      /**
       * @description Line of the file (the CSV header is line 1; for JSON, where the object starts).
       * @example 14
       */
      line: number;
      /**
       * @description Why, in English; never quotes the value.
       * @example the check digit is wrong
       */
      reason: string;
    };
    InboxPupilDto: {
      className: string;
      firstName: string;
      lastName: string;
    };
    InterventionDto: {
      active: boolean;
      /** Format: date-time */
      createdAt: string;
      description: string | null;
      evidenceBased: boolean;
      /** Format: uuid */
      id: string;
      name: string;
      /** Format: uuid */
      organisationId: string;
      /** @enum {string} */
      providerAgencyType: 'school' | 'social_services' | 'bup' | 'habilitation' | 'other';
      targetGroup: string | null;
      /** Format: date-time */
      updatedAt: string;
    };
    InterventionFollowUpStatsDto: {
      /** @description Ended courses whose follow-up can be recorded by today (from 14 days before it falls due). */
      due: number | null;
      /** @description Followed up (recorded), of those due. */
      followedUp: components['schemas']['CountShareDto'];
      /** @description In school or work at least 20 h/week, of those followed up. */
      schoolOrWork20h: components['schemas']['CountShareDto'];
    };
    InterventionRefDto: {
      /** @description false: retired from the catalogue since. */
      active: boolean;
      evidenceBased: boolean;
      /** Format: uuid */
      id: string;
      name: string;
      /** @enum {string} */
      providerAgencyType: 'school' | 'social_services' | 'bup' | 'habilitation' | 'other';
    };
    InterventionResultDto: {
      /** @description Per referred behaviour (school_absence, crime, drugs, aggression, conflicts_at_home, running_away, other). */
      behaviours: {
        [key: string]: components['schemas']['BehaviourStatsDto'];
      };
      /** @description Courses ended in the period. */
      coursesEnded: number | null;
      /** @description How they ended, of the courses ended: completed, placement, lack_of_engagement. */
      endReasons: {
        [key: string]: components['schemas']['CountShareDto'];
      };
      /** @description Follow-ups 6 and 18 months after the course’s end ("6", "18"). */
      followUps: {
        [key: string]: components['schemas']['InterventionFollowUpStatsDto'];
      };
      intervention: components['schemas']['InterventionRefDto'];
      /** @description Median attendance % in the 8 weeks with lessons up to the course’s end. */
      medianAttendanceBeforeEnd: number | null;
      /** @description Median attendance % in the 8 weeks with lessons before the course started. */
      medianAttendanceBeforeStart: number | null;
    };
    InterventionStatsDto: {
      /** Format: date */
      from: string;
      interventions: components['schemas']['InterventionResultDto'][];
      /** Format: uuid */
      organisationId: string;
      /**
       * Format: uuid
       * @description Null: the whole organisation.
       */
      schoolId: string | null;
      /** @description The cells that are null because of suppression, as `<interventionId>.<figure>`. */
      suppressed: string[];
      /** @example 2026HT */
      term: string;
      /** @description The current term and the three before it, newest first. */
      terms: components['schemas']['TermDto'][];
      /** Format: date */
      to: string;
    };
    InvestigationDto: {
      /** Format: date-time */
      createdAt: string;
      /** Format: date */
      huvudmanInformedOn: string | null;
      /** Format: uuid */
      id: string;
      recordedBy: components['schemas']['PersonRefDto'];
      /** Format: uuid */
      schoolId: string;
      /** Format: date */
      startedOn: string;
      /** Format: uuid */
      studentId: string;
    };
    InvestigationListDto: {
      items: components['schemas']['InvestigationDto'][];
      /** @description Always null: a pupil has few investigations. */
      nextCursor: string | null;
    };
    InviteAgencyDto: {
      /**
       * Format: uuid
       * @description The agency invited (socialtjänsten, BUP, habiliteringen, other).
       */
      agencyId: string;
      /**
       * Format: date
       * @description Last day to answer: a working day in the future. Default: 5 working days from today.
       */
      deadline?: string;
      /** @description A short note to the agency. The agency reads it before consent may be in force: write no personal details here. */
      message?: string;
    };
    LeadTimeFigureDto: {
      /**
       * @example openedToPlanAgreed
       * @enum {string}
       */
      measure:
        | 'signalToFlag'
        | 'signalToCaseOpened'
        | 'flagToCaseOpened'
        | 'openedToFirstAgencyAccepted'
        | 'openedToFirstMeeting'
        | 'openedToPlanAgreed'
        | 'signalToPlanAgreed';
      /** @description Median whole days between the two steps, over cases opened in the term that reached both. */
      medianDays: number | null;
      /** @description 90th percentile, whole days. */
      p90Days: number | null;
    };
    LeadTimesDto: {
      /** @description Whole days from the case opening to each later step. */
      daysFromOpening: Record<string, never>;
      /** @description Whole days from the first signal to each step (null where a step has not happened): flag, caseOpened, firstAgencyAccepted, firstMeeting, planAgreed. */
      daysFromSignal: Record<string, never>;
      /** Format: date-time */
      firstAgencyAcceptedAt: string | null;
      /** Format: date-time */
      firstMeetingAt: string | null;
      /**
       * Format: date
       * @description First day the absence rule was met.
       */
      firstSignalOn: string | null;
      /** Format: date-time */
      flaggedAt: string | null;
      /** Format: date-time */
      openedAt: string;
      /**
       * Format: date-time
       * @description Set by the plan (next issue).
       */
      planAgreedAt: string | null;
    };
    LeadTimeStatDto: {
      /** @description Cases with this step done in the period. */
      cases: number;
      /** @example openedToFirstAgencyAccepted */
      measure: string;
      medianDays: number | null;
      p90Days: number | null;
    };
    LessonDto: {
      attendanceMinutes: number;
      /** Format: date */
      date: string;
      externalId: string | null;
      invalidAbsenceMinutes: number;
      offeredMinutes: number;
      reason: string | null;
      /** @description False for an SS 12000 lesson not yet reported (isReported=false): no minutes yet, and left out of the absence figures and the watch list until it is reported. */
      reported: boolean;
      /** @enum {string} */
      source: 'manual' | 'csv' | 'ss12000' | 'demo';
      /** @example 08:10 */
      startTime: string;
      /** Format: uuid */
      studentId: string;
      /** Format: date-time */
      updatedAt: string;
      validAbsenceMinutes: number;
    };
    LoginDto: {
      /** @example Demo-2026! */
      password: string;
      /** @example mentor@storsjo.demo */
      username: string;
    };
    LookupStudentDto: {
      /**
       * @description Personnummer or samordningsnummer: YYYYMMDDNNNN, YYYYMMDD-NNNN, YYMMDD-NNNN or YYMMDD+NNNN (100 years or older).
       * @example 20120315-2388
       */
      personnummer: string;
    };
    MappingDto: {
      /** Format: uuid */
      caseId: string;
      /** @description Every section, always in the same order. */
      sections: components['schemas']['MappingSectionDto'][];
    };
    MappingSectionDto: {
      contributions: components['schemas']['ContributionDto'][];
      /** @enum {string} */
      section: 'school' | 'health' | 'home_family' | 'leisure_friends' | 'pupil_view' | 'guardian_view';
      /** @description False when your agency's consent does not cover the section: you then see only your own contributions in it. */
      visible: boolean;
    };
    MeDto: {
      agency: components['schemas']['AgencySummaryDto'];
      displayName: string;
      /** Format: uuid */
      id: string;
      roles: string[];
      username: string;
    };
    MeetingDto: {
      agencies: components['schemas']['AgencyRefDto'][];
      /** Format: uuid */
      caseId: string;
      /** Format: date-time */
      createdAt: string;
      createdBy: components['schemas']['PersonRefDto'];
      decisions: string | null;
      guardiansPresent: boolean;
      /** Format: uuid */
      id: string;
      minutes: string | null;
      place: string | null;
      pupilPresent: boolean;
      /** Format: date-time */
      startsAt: string;
      /** Format: date-time */
      updatedAt: string;
      videoLink: string | null;
    };
    MfaCodeDto: {
      /**
       * @description The 6-digit code the authenticator app shows now.
       * @example 123456
       */
      code: string;
    };
    MfaEnrolmentRequiredDto: {
      /** @description Opaque; good only as `Authorization: Bearer` for POST /auth/mfa/totp and POST /auth/mfa/totp/confirm. */
      enrolmentToken: string;
      /**
       * @description Seconds the enrolmentToken works.
       * @example 900
       */
      expiresIn: number;
      /**
       * @description Your role requires a second factor and you have none: enrol first.
       * @enum {boolean}
       */
      mfaEnrolmentRequired: true;
    };
    MfaRequiredDto: {
      /**
       * @description Seconds the mfaToken works.
       * @example 300
       */
      expiresIn: number;
      /**
       * @description The password (or the provider) was right; a second factor must follow.
       * @enum {boolean}
       */
      mfaRequired: true;
      /** @description Opaque; send it with a code to POST /auth/mfa/verify. Void after five wrong codes. */
      mfaToken: string;
    };
    MfaVerifyDto: {
      /**
       * @description A 6-digit TOTP code, or an unused recovery code (`XXXX-XXXX-XXXX-XXXX`).
       * @example 123456
       */
      code: string;
      /** @description From the login answer `{ mfaRequired: true, mfaToken }`. */
      mfaToken: string;
    };
    MobilisationDto: {
      agency: components['schemas']['AgencyRefDto'];
      /** Format: uuid */
      caseId: string;
      /** @description The invited agency may open the case now: not declined, the case open, and a consent for the agency in force (any scope). False for an accepted invitation whose consent is missing, withdrawn or expired. */
      caseReadable: boolean;
      /** @description The case's neutral reference (never the pupil's name). */
      caseReference: string;
      /** Format: date */
      deadline: string;
      declineReason: string | null;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      invitedAt: string;
      invitedBy: components['schemas']['PersonRefDto'];
      message: string | null;
      /** @description Pending and past its deadline. */
      overdue: boolean;
      /** @description The pupil's name and class: only while the agency is mobilised and its consent in force covers `case_summary`. */
      pupil: components['schemas']['InboxPupilDto'] | null;
      representative: components['schemas']['PersonRefDto'] | null;
      /** Format: date-time */
      respondedAt: string | null;
      school: components['schemas']['AgencyRefDto'];
      /** @enum {string} */
      status: 'pending' | 'accepted' | 'declined';
    };
    NoticeInformedDto: {
      /** Format: date-time */
      informedAt: string;
      /** @enum {string} */
      method: 'phone' | 'sms' | 'email' | 'letter' | 'in_person' | 'school_app';
      recordedBy: components['schemas']['PersonRefDto'];
    };
    NotificationDto: {
      /** Format: uuid */
      caseId: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      flagId: string | null;
      /** Format: uuid */
      id: string;
      /**
       * @example mobilisation.invited
       * @enum {string}
       */
      kind:
        | 'mobilisation.invited'
        | 'mobilisation.representative'
        | 'mobilisation.accepted'
        | 'mobilisation.declined'
        | 'mobilisation.deadline-soon'
        | 'mobilisation.overdue'
        | 'mobilisation.escalated'
        | 'action.assigned'
        | 'action.due-soon'
        | 'action.overdue'
        | 'review.due'
        | 'follow-up.due'
        | 'flag.untriaged'
        | 'flag.accepted'
        | 'flag.dismissed'
        | 'consent.withdrawn'
        | 'school-access.changed'
        | 'school-access.setup-code';
      /**
       * @description Path in the web app: /cases/:id, /flags/:id or /mobilisations.
       * @example /inbjudningar
       */
      link: string;
      /** Format: date-time */
      readAt: string | null;
      /**
       * @description Swedish; names a case only by its neutral reference, never the pupil's name or personnummer.
       * @example Ny inbjudan till ärende NT-2026-0042
       */
      title: string;
    };
    OidcExchangeDto: {
      /** @description The one-time code the callback put in the web app's address (`/logga-in/kommunens-konto#kod=…`). */
      code: string;
    };
    OidcStatusDto: {
      /** @description Whether single sign-on through the organisation's provider is configured. */
      enabled: boolean;
    };
    OpenCaseDto: {
      /**
       * Format: uuid
       * @description An elevhälsa user of the pupil's school; default: you.
       */
      coordinatorId?: string;
      /** Format: uuid */
      studentId: string;
    };
    OutcomeStatsDto: {
      /**
       * @description Cases opened in the period, by their status now.
       * @example {
       *       "open": null,
       *       "mapping": null,
       *       "plan_active": 6,
       *       "follow_up": null,
       *       "closed": 12
       *     }
       */
      casesByStatus: {
        [key: string]: number | null;
      };
      /** @description Follow-up results by months after closure ("6", "18"), over cases closed in the period. */
      followUps: {
        [key: string]: components['schemas']['FollowUpStatsDto'];
      };
      /**
       * Format: date
       * @description First day of the term.
       */
      from: string;
      /** @description Lead times of the cases opened in the term, per measure (first signal → flag → case opened → first agency accepted → first meeting → plan agreed): median and 90th percentile in whole days, null (named in `suppressed` as `leadTimes.<measure>.median`/`.p90`) when fewer than 5 pupils are behind them. */
      leadTimes: components['schemas']['LeadTimeFigureDto'][];
      /** @description Median whole days from opening to the plan agreed, over cases opened in the period (rounded). */
      medianDaysToPlan: number | null;
      /** Format: uuid */
      organisationId: string;
      /** @description Null when fewer than 5 pupils. */
      plansWithAttendanceGoal: components['schemas']['AttendanceGoalStatsDto'] | null;
      /**
       * Format: uuid
       * @description Null: the whole organisation.
       */
      schoolId: string | null;
      /** @description The cells that are null because of suppression, e.g. `casesByStatus.open`, `followUps.18.recorded`. */
      suppressed: string[];
      /**
       * @description The term the figures are for.
       * @example 2026HT
       */
      term: string;
      /** @description The current term and the 3 before it, newest first: the terms to choose from. */
      terms: components['schemas']['TermDto'][];
      /**
       * Format: date
       * @description Last day of the term (inclusive).
       */
      to: string;
    };
    OverviewItemDto: {
      /** @description Absence % (valid and invalid) over the last 8 weeks. */
      absencePercent: number;
      absentMinutes: number;
      className: string;
      firstName: string;
      grade: number;
      invalidAbsencePercent: number;
      /**
       * Format: date
       * @description The latest earlier investigation (more than 12 months ago), if any.
       */
      lastInvestigationStartedOn: string | null;
      lastName: string;
      offeredMinutes: number;
      /** @description A flag to elevhälsa awaits triage. */
      openFlag: boolean;
      /** @example 20120315-**** */
      personnummerMasked: string;
      /** Format: uuid */
      studentId: string;
    };
    PageOfAccessLogItem: {
      items: components['schemas']['AccessLogItem'][];
      nextCursor: string | null;
    };
    PageOfAccessLogSearchItem: {
      items: components['schemas']['AccessLogSearchItem'][];
      nextCursor: string | null;
    };
    PageOfAgencyDto: {
      items: components['schemas']['AgencyDto'][];
      nextCursor: string | null;
    };
    PageOfAgencyRefDto: {
      items: components['schemas']['AgencyRefDto'][];
      nextCursor: string | null;
    };
    PageOfCaseSummaryDto: {
      items: components['schemas']['CaseSummaryDto'][];
      nextCursor: string | null;
    };
    PageOfConsentDto: {
      items: components['schemas']['ConsentDto'][];
      nextCursor: string | null;
    };
    PageOfCourseDto: {
      items: components['schemas']['CourseDto'][];
      nextCursor: string | null;
    };
    PageOfFlagDto: {
      items: components['schemas']['FlagDto'][];
      nextCursor: string | null;
    };
    PageOfFollowUpDto: {
      items: components['schemas']['FollowUpDto'][];
      nextCursor: string | null;
    };
    PageOfFollowUpDueDto: {
      items: components['schemas']['FollowUpDueDto'][];
      nextCursor: string | null;
    };
    PageOfGuardianNoticeItemDto: {
      items: components['schemas']['GuardianNoticeItemDto'][];
      nextCursor: string | null;
    };
    PageOfImportDto: {
      items: components['schemas']['ImportDto'][];
      nextCursor: string | null;
    };
    PageOfInterventionDto: {
      items: components['schemas']['InterventionDto'][];
      nextCursor: string | null;
    };
    PageOfLessonDto: {
      items: components['schemas']['LessonDto'][];
      nextCursor: string | null;
    };
    PageOfMeetingDto: {
      items: components['schemas']['MeetingDto'][];
      nextCursor: string | null;
    };
    PageOfMobilisationDto: {
      items: components['schemas']['MobilisationDto'][];
      nextCursor: string | null;
    };
    PageOfNotificationDto: {
      items: components['schemas']['NotificationDto'][];
      nextCursor: string | null;
    };
    PageOfOverviewItemDto: {
      items: components['schemas']['OverviewItemDto'][];
      nextCursor: string | null;
    };
    PageOfPlanVersionSummaryDto: {
      items: components['schemas']['PlanVersionSummaryDto'][];
      nextCursor: string | null;
    };
    PageOfRetentionRunDto: {
      items: components['schemas']['RetentionRunDto'][];
      nextCursor: string | null;
    };
    PageOfReviewDto: {
      items: components['schemas']['ReviewDto'][];
      nextCursor: string | null;
    };
    PageOfReviewDueDto: {
      items: components['schemas']['ReviewDueDto'][];
      nextCursor: string | null;
    };
    PageOfSchoolAccountDto: {
      items: components['schemas']['SchoolAccountDto'][];
      nextCursor: string | null;
    };
    PageOfStudentChangeDto: {
      items: components['schemas']['StudentChangeDto'][];
      nextCursor: string | null;
    };
    PageOfStudentSummaryDto: {
      items: components['schemas']['StudentSummaryDto'][];
      nextCursor: string | null;
    };
    PageOfSyncRunDto: {
      items: components['schemas']['SyncRunDto'][];
      nextCursor: string | null;
    };
    PageOfTimelineEventDto: {
      items: components['schemas']['TimelineEventDto'][];
      nextCursor: string | null;
    };
    PageOfUserDto: {
      items: components['schemas']['UserDto'][];
      nextCursor: string | null;
    };
    PageOfWatchlistItemDto: {
      items: components['schemas']['WatchlistItemDto'][];
      nextCursor: string | null;
    };
    PageOfWorkListItemDto: {
      items: components['schemas']['WorkListItemDto'][];
      nextCursor: string | null;
    };
    ParamBoundsDto: {
      description: string;
      max: number;
      min: number;
    };
    PatchActionDto: {
      /** @description A progress note, signed with you and your agency. */
      progressNote?: string;
      /** @enum {string} */
      status?: 'planned' | 'in_progress' | 'done' | 'cancelled';
    };
    PatchGuardianInput: {
      /** @description As phone. */
      email?: string | null;
      /**
       * Format: uuid
       * @description An existing guardian of the pupil; leave out for a new one.
       */
      id?: string;
      /** @example Anna Andersson */
      name: string;
      /** @description Left out: kept as stored. null: cleared (only by a caller who sees it). */
      phone?: string | null;
      /** @example vårdnadshavare */
      relation: string;
    };
    PatchSourceDto: {
      /** @description Replaces the auth, secret included. */
      auth?: components['schemas']['SourceAuthInput'];
      baseUrl?: string;
      name?: string;
      schools?: components['schemas']['SourceSchoolInput'][];
      /** @description null: no schedule. */
      syncEveryMinutes?: number | null;
      syncFrom?: string | null;
    };
    PatchStudentDto: {
      /** @example 7B */
      className?: string;
      /** @description The school system's person id; null removes it. */
      externalId?: string | null;
      grade?: number;
      /** @description The complete list: listed with id are updated, without id added, the others removed. */
      guardians?: components['schemas']['PatchGuardianInput'][];
      /** @description Skyddade personuppgifter. */
      protectedIdentity?: boolean;
    };
    PersonRefDto: {
      displayName: string;
      /** Format: uuid */
      id: string;
    };
    PlanDto: {
      actions: components['schemas']['ActionDto'][];
      /** @description The newest version anyone agreed to (null: not agreed yet). */
      agreedVersion: number | null;
      /** @description Who agreed, when, to which version. */
      agreements: components['schemas']['AgreementDto'][];
      /** Format: uuid */
      caseId: string;
      /** @description True when the plan's content was replaced (PUT) after the version agreed: the plan in force is not the one agreed. Agencies updating their actions and the agreement itself do not count. */
      changedSinceAgreement: boolean;
      /** Format: date-time */
      createdAt: string;
      goals: components['schemas']['GoalDto'][];
      /** @description The guardians' view. */
      guardianView: string | null;
      /** Format: uuid */
      id: string;
      /** @description The pupil's own words. */
      pupilView: string | null;
      reviewDates: string[];
      /** Format: date-time */
      updatedAt: string;
      updatedBy: components['schemas']['PersonRefDto'];
      /** @description Grows with every change; the ETag is `"<version>"`. */
      version: number;
    };
    PlanVersionDto: {
      agency: components['schemas']['AgencyRefDto'];
      /** @enum {string} */
      change: 'created' | 'replaced' | 'action.updated' | 'agreed';
      /** Format: date-time */
      changedAt: string;
      changedBy: components['schemas']['PersonRefDto'];
      /** @description The plan as it was in this version. */
      plan: components['schemas']['PlanDto'];
      version: number;
    };
    PlanVersionSummaryDto: {
      agency: components['schemas']['AgencyRefDto'];
      /** @enum {string} */
      change: 'created' | 'replaced' | 'action.updated' | 'agreed';
      /** Format: date-time */
      changedAt: string;
      changedBy: components['schemas']['PersonRefDto'];
      version: number;
    };
    ProblemDetails: {
      /** @example The request has invalid fields. */
      detail?: string;
      /** @description Field-level list for validation failures. */
      errors?: components['schemas']['ProblemFieldError'][];
      /** @example /api/v1/users */
      instance: string;
      /** @description Quote it when asking for help: it finds the request in the logs. */
      requestId: string;
      /** @example 400 */
      status: number;
      /** @example Bad Request */
      title: string;
      /** @example /problems/validation */
      type: string;
    };
    ProblemFieldError: {
      /**
       * @description Machine-readable and stable: clients show their own words for it. From the validators: `required`, `unknown-field`, `not-text`, `not-whole-number`, `too-small`, `too-large`, `too-short`, `too-long`, `not-a-choice`, `invalid-id`, `invalid-format`, `invalid-date`, …; from the rules: `blank`, `in-future`, `not-in-future`, `before-start`, `not-in-case`, `not-working-day`, `already-exists`, `unknown`, ….
       * @example invalid-personnummer
       */
      code: string;
      /** @example personnummer */
      field: string;
      /**
       * @description In English, for developers.
       * @example personnummer has an invalid check digit
       */
      message: string;
    };
    ProgressNoteDto: {
      /** @description For which agency (signed). */
      agency: components['schemas']['AgencyRefDto'];
      /** @description Who wrote it (signed). */
      author: components['schemas']['PersonRefDto'];
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      text: string;
    };
    PutPlanDto: {
      /** @description Actions in order; an existing action left out is removed. */
      actions: components['schemas']['ActionInputDto'][];
      /** @description Goals in order; an existing goal left out is removed. */
      goals: components['schemas']['GoalInputDto'][];
      /** @description The guardians' view (vårdnadshavarnas syn). */
      guardianView?: string;
      /** @description The pupil's own words about the plan (elevens röst). */
      pupilView?: string;
      /** @description When the plan is followed up. Default: none. */
      reviewDates?: string[];
    };
    RecordCourseFollowUpDto: {
      /** @description Behaviours for which the pupil got a new intervention (from social services or the prison and probation service) since the end; empty for none. */
      newInterventionFor: (
        'school_absence' | 'crime' | 'drugs' | 'aggression' | 'conflicts_at_home' | 'running_away' | 'other'
      )[];
      /** @description In school, a work placement or work at least 20 hours a week. */
      schoolOrWork20h: boolean;
    };
    RecordFollowUpDto: {
      /** @description New interventions needed since closure, by whom; empty for none. */
      newInterventions: ('social_services' | 'bup' | 'habilitation' | 'other')[];
      note?: string;
      /** @description In school, a work placement or work at least 20 hours a week (fungerande sysselsättning, as in MST). */
      schoolOrWork20h: boolean;
    };
    RecordLessonDto: {
      /** @description Default: offered minus absent minutes. */
      attendanceMinutes?: number;
      /**
       * Format: date
       * @example 2026-11-20
       */
      date: string;
      /** @description The school system's id of this attendance record. */
      externalId?: string;
      /** @example 60 */
      invalidAbsenceMinutes: number;
      /**
       * @description Scheduled (offered) minutes.
       * @example 60
       */
      offeredMinutes: number;
      /** @example Ogiltig frånvaro */
      reason?: string;
      /** @example 08:10 */
      startTime: string;
      /** @example 0 */
      validAbsenceMinutes: number;
    };
    RecordMinutesDto: {
      /** @description What was decided, and by whom. */
      decisions?: string;
      /** @description Short minutes (minnesanteckningar). */
      minutes?: string;
    };
    RecordReviewDto: {
      /** @description What the team decided (beslut). */
      decisions?: string;
      /** @description Whether the plan's goal was reached (the team's judgement at the review). */
      goalReached: boolean;
      /**
       * @description Length in weeks of both measured periods: before the plan started and up to the review.
       * @default 4
       */
      periodWeeks: number;
      /**
       * Format: date
       * @description The day of the review (not in the future).
       * @example 2026-11-23
       */
      reviewedOn: string;
    };
    RecoveryCodesDto: {
      /**
       * @description Ten one-time recovery codes, shown this once (only their hashes are kept).
       * @example [
       *       "7K3Q-DM0Z-PX2R-WTA9"
       *     ]
       */
      recoveryCodes: string[];
      /** @description Only when enrolling with an enrolment token: the sign-in is complete, here are the tokens. */
      session?: components['schemas']['TokenPairDto'];
    };
    RefreshDto: {
      refreshToken: string;
    };
    RegisterExtractDto: {
      /** @description Who has read or changed the pupil's data (art. 15(1)(c)): allowed accesses, oldest first. */
      accessedBy: components['schemas']['ExtractAccessDto'][];
      /** @description How many access-log rows there are and are shown. */
      accessedByShown: components['schemas']['ExtractListLimitDto'];
      attendance: components['schemas']['ExtractAttendanceDto'];
      cases: components['schemas']['ExtractCaseDto'][];
      /** @description Absence reports to elevhälsa. */
      flags: components['schemas']['ExtractFlagDto'][];
      guardianNotices: components['schemas']['ExtractGuardianNoticeDto'][];
      /** @description Frånvaroutredningar. */
      investigations: components['schemas']['ExtractInvestigationDto'][];
      /** Format: date-time */
      producedAt: string;
      pupil: components['schemas']['ExtractPupilDto'];
    };
    RetentionDueDto: {
      /**
       * Format: date-time
       * @description What is older than this is due.
       */
      cutoff: string;
      /** @enum {string} */
      dataClass:
        | 'attendance_lesson'
        | 'attendance_day'
        | 'guardian_notice'
        | 'dismissed_flag'
        | 'absence_investigation'
        | 'closed_case'
        | 'notification'
        | 'attendance_import'
        | 'sign_in_session'
        | 'access_log';
      /** @description Items due now (lessons, days, flags, cases not held, notifications, imports, sign-in records, access-log rows in whole months past the period). */
      due: number;
    };
    RetentionHoldDto: {
      /**
       * Format: uuid
       * @description The case concerned: the held case itself, or for an investigation the case that holds it.
       */
      caseId: string;
      /**
       * @description The class of the item kept.
       * @enum {string}
       */
      dataClass: 'closed_case' | 'absence_investigation';
      /**
       * Format: uuid
       * @description The item kept: the case, or the investigation.
       */
      id: string;
      /**
       * @description `open-investigation`: the pupil has an absence investigation not yet reported to the huvudman; `pending-invitation`: the case has an unanswered invitation; `open-case`: the investigation's pupil has a case that is not closed.
       * @enum {string}
       */
      reason: 'open-investigation' | 'pending-invitation' | 'open-case';
      /**
       * @description That case's reference.
       * @example NT-2019-0042
       */
      reference: string;
      /**
       * Format: date-time
       * @description What the item's period counts from: the case's closure, the day the huvudman was informed.
       */
      since: string;
    };
    RetentionPreviewDto: {
      /**
       * Format: date-time
       * @description The moment the preview was computed for.
       */
      at: string;
      classes: components['schemas']['RetentionDueDto'][];
      /** @description Items past their period kept under a legal hold (closed cases, absence investigations). */
      holds: components['schemas']['RetentionHoldDto'][];
    };
    RetentionRuleDto: {
      /**
       * @description The data class the rule keeps.
       * @enum {string}
       */
      dataClass:
        | 'attendance_lesson'
        | 'attendance_day'
        | 'guardian_notice'
        | 'dismissed_flag'
        | 'absence_investigation'
        | 'closed_case'
        | 'notification'
        | 'attendance_import'
        | 'sign_in_session'
        | 'access_log';
      /** @description The default period (docs/DATA-PROTECTION.md). */
      defaultPeriod: number;
      /** @description The legal basis for keeping the data (Swedish). */
      legalBasis: string;
      /** @description The longest period allowed. */
      maxPeriod: number;
      /** @description The shortest period allowed. */
      minPeriod: number;
      /**
       * @description The organisation's period, in `unit`.
       * @example 12
       */
      period: number;
      /**
       * @description Unit of the period. `school_years`: the current school year (from the first day of HT) and the `period − 1` before it are kept.
       * @enum {string}
       */
      unit: 'days' | 'months' | 'years' | 'school_years';
      /** Format: date-time */
      updatedAt: string;
      /**
       * Format: uuid
       * @description Who last changed the period.
       */
      updatedBy: string | null;
    };
    RetentionRuleListDto: {
      items: components['schemas']['RetentionRuleDto'][];
    };
    RetentionRunCountDto: {
      /** @enum {string} */
      dataClass:
        | 'attendance_lesson'
        | 'attendance_day'
        | 'guardian_notice'
        | 'dismissed_flag'
        | 'absence_investigation'
        | 'closed_case'
        | 'notification'
        | 'attendance_import'
        | 'sign_in_session'
        | 'access_log';
      /** @description Items of the class past their period kept under a legal hold. */
      held: number;
      /** @description Rows erased (every table of the class), of your organisation's data. */
      rows: number;
    };
    RetentionRunDto: {
      /** @description Counts only, your organisation's. */
      counts: components['schemas']['RetentionRunCountDto'][];
      /** @description Why a run failed (a code, no data). */
      failure?: string | null;
      /** Format: date-time */
      finishedAt: string | null;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      startedAt: string;
      /** @enum {string} */
      status: 'running' | 'finished' | 'failed';
      /** @enum {string} */
      trigger: 'schedule' | 'manual';
    };
    ReviewDto: {
      /** @description The weeks up to the review, from the plan start at most. */
      after: components['schemas']['AttendancePeriodDto'];
      /** @description The weeks before the plan started (computed). */
      before: components['schemas']['AttendancePeriodDto'];
      /** Format: uuid */
      caseId: string;
      /** Format: date-time */
      createdAt: string;
      decisions: string | null;
      goalReached: boolean;
      /** Format: uuid */
      id: string;
      recordedBy: components['schemas']['PersonRefDto'];
      /** Format: date */
      reviewedOn: string;
    };
    ReviewDueDto: {
      /** Format: uuid */
      caseId: string;
      className: string;
      /** @description The case's coordinator (display name). */
      coordinator: string;
      firstName: string;
      lastName: string;
      /**
       * Format: date
       * @description The case's latest review, if any.
       */
      lastReviewedOn: string | null;
      /** @example NT-2026-0001 */
      reference: string;
      /**
       * Format: date
       * @description A review date of the plan (the plan's reviewDates).
       */
      reviewDate: string;
      /** @enum {string} */
      status: 'open' | 'mapping' | 'plan_active' | 'follow_up' | 'closed';
      /** Format: uuid */
      studentId: string;
    };
    RoleGrantDto: {
      /** Format: date-time */
      at: string;
      byDisplayName: string | null;
      /**
       * Format: uuid
       * @description The administrator who made the change.
       */
      byUserId: string | null;
      rolesAfter: ('school_staff' | 'principal' | 'elevhalsa' | 'agency_worker' | 'admin' | 'auditor')[];
      rolesBefore: ('school_staff' | 'principal' | 'elevhalsa' | 'agency_worker' | 'admin' | 'auditor')[];
    };
    RuleHitDto: {
      /**
       * @description In Swedish.
       * @example 14 % frånvaro senaste 4 veckorna, varav 6 % ogiltig
       */
      explanation: string;
      /** @description The numbers behind the explanation (percentages, days, weeks, thresholds). */
      figures: {
        [key: string]: unknown;
      };
      /** @enum {string} */
      rule: 'absence_share' | 'invalid_streak' | 'weekday_pattern' | 'rising_trend';
    };
    RunCountsDto: {
      absences: number;
      attendances: number;
      calendarEvents: number;
      deleted: number;
      groups: number;
      persons: number;
    };
    RunErrorDto: {
      /** @example person */
      entity: string;
      /** @example civicNo.value */
      field: string;
      /** @description The SS 12000 id (never a personnummer or name). */
      id: string | null;
      reason: string;
    };
    RunStartedDto: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: 'queued' | 'running' | 'succeeded' | 'failed';
    };
    ScheduleMeetingDto: {
      /** @description Participating agencies: the pupil's school or agencies mobilised into the case. */
      agencyIds: string[];
      /** @description Are the guardians taking part? */
      guardiansPresent: boolean;
      /**
       * @description Place or videoLink.
       * @example Storsjöskolan, elevhälsans rum
       */
      place?: string;
      /** @description Is the pupil taking part? */
      pupilPresent: boolean;
      /**
       * Format: date-time
       * @description In the future, with offset.
       * @example 2026-11-24T13:00:00+01:00
       */
      startsAt: string;
      /**
       * @description An https link.
       * @example https://meet.example.se/abc
       */
      videoLink?: string;
    };
    SchoolAccountDto: {
      active: boolean;
      /** Format: date-time */
      createdAt: string;
      displayName: string;
      /** Format: uuid */
      id: string;
      /** @description The latest change that gave the account a role (creation included); null if none was recorded. */
      latestGrant: components['schemas']['RoleGrantDto'] | null;
      roles: ('school_staff' | 'principal' | 'elevhalsa' | 'agency_worker' | 'admin' | 'auditor')[];
      username: string;
    };
    SchoolLeadTimesDto: {
      /** Format: date */
      from: string;
      measures: components['schemas']['LeadTimeStatDto'][];
      /** Format: uuid */
      schoolId: string;
      /** Format: date */
      to: string;
    };
    SetupCodeDto: {
      /**
       * @description `email`: mailed to the user (SMTP is configured), not in this answer; `shown`: in `setupCode`, this once.
       * @enum {string}
       */
      delivered: 'email' | 'shown';
      /**
       * Format: date-time
       * @description 72 hours after issue.
       */
      expiresAt: string;
      /**
       * @description Only when `delivered` is `shown`: give it to the user; it is never shown again.
       * @example 7K3QD-M0ZPX-2RWTA-9HFCN
       */
      setupCode?: string;
    };
    SetupDto: {
      /**
       * @description The one-time setup code (engångskod).
       * @example 7K3QD-M0ZPX-2RWTA-9HFCN
       */
      code: string;
      /** @description At least 12 characters. */
      newPassword: string;
      /** @example kurator@storsjo.demo */
      username: string;
    };
    SourceAuthDto: {
      clientId?: string;
      scope?: string;
      /** @description Whether a token or client secret is stored (it is never returned). */
      secretStored: boolean;
      tokenUrl?: string;
      /** @enum {string} */
      type: 'none' | 'bearer' | 'oauth2_client_credentials';
    };
    SourceAuthInput: {
      clientId?: string;
      /** @description Stored encrypted, never returned. */
      clientSecret?: string;
      scope?: string;
      /** @description type bearer: the token. Stored encrypted, never returned. */
      token?: string;
      /** @description type oauth2_client_credentials: the token endpoint. */
      tokenUrl?: string;
      /** @enum {string} */
      type: 'none' | 'bearer' | 'oauth2_client_credentials';
    };
    SourceDto: {
      auth: components['schemas']['SourceAuthDto'];
      baseUrl: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      lastRun: components['schemas']['SyncRunDto'] | null;
      name: string;
      schools: components['schemas']['SourceSchoolDto'][];
      syncEveryMinutes: number | null;
      /** @example 2026-08-15 */
      syncFrom: string | null;
    };
    SourceSchoolDto: {
      /** Format: uuid */
      agencyId: string;
      agencyName: string;
      /** Format: uuid */
      organisationId: string;
    };
    SourceSchoolInput: {
      /**
       * Format: uuid
       * @description Our school agency it is.
       */
      agencyId: string;
      /**
       * Format: uuid
       * @description The SS 12000 Organisation (school unit) id.
       */
      organisationId: string;
    };
    StartCourseDto: {
      /**
       * Format: uuid
       * @description An active intervention of the catalogue of the case's organisation.
       */
      interventionId: string;
      /** @description The behaviours the pupil was referred for (remitterade beteenden); at least one. */
      referredBehaviours: (
        'school_absence' | 'crime' | 'drugs' | 'aggression' | 'conflicts_at_home' | 'running_away' | 'other'
      )[];
      /**
       * Format: date
       * @description Not in the future.
       */
      startedOn: string;
    };
    StudentChangeDto: {
      /** Format: date-time */
      changedAt: string;
      /** @description The user; null for a sync. */
      changedBy: components['schemas']['ChangeAuthorDto'] | null;
      /** @example className */
      field: string;
      /** @description Grows with every change; the order of the history. */
      id: string;
      newValue: Record<string, never> | null;
      /** @description The earlier value (guardians: a list; contacts hidden as on the pupil). */
      oldValue: Record<string, never> | null;
      /** @enum {string} */
      source: 'user' | 'sync';
      /**
       * Format: uuid
       * @description The SS 12000 source of a sync.
       */
      syncSourceId: string | null;
      /** @description The pupil's version after the change (its ETag). */
      version: number;
    };
    StudentDto: {
      className: string;
      /** @description Samordningsnummer rather than personnummer. */
      coordinationNumber: boolean;
      /** Format: date-time */
      createdAt: string;
      externalId: string | null;
      firstName: string;
      grade: number;
      guardians: components['schemas']['GuardianDto'][];
      /** Format: uuid */
      id: string;
      lastName: string;
      /**
       * @description Masked: lists never show the full number.
       * @example 20120315-****
       */
      personnummerMasked: string;
      protectedIdentity: boolean;
      /** Format: uuid */
      schoolId: string;
      schoolName: string;
      /** @description Grows with every change; the ETag is `"<version>"`, sent back as If-Match with a PATCH. */
      version: number;
    };
    StudentSummaryDto: {
      className: string;
      firstName: string;
      grade: number;
      /** Format: uuid */
      id: string;
      lastName: string;
      /**
       * @description Masked: lists never show the full number.
       * @example 20120315-****
       */
      personnummerMasked: string;
      protectedIdentity: boolean;
      /** Format: uuid */
      schoolId: string;
    };
    SyncRunDto: {
      counts: components['schemas']['RunCountsDto'];
      errors: components['schemas']['RunErrorDto'][];
      /** @description Why a failed run stopped. */
      failure: string | null;
      /** Format: date-time */
      finishedAt: string | null;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      startedAt: string | null;
      /** @enum {string} */
      status: 'queued' | 'running' | 'succeeded' | 'failed';
      /** @enum {string} */
      trigger: 'manual' | 'schedule';
    };
    TermDatesDto: {
      /**
       * @description First day of every autumn term (HT); HT ends the day before VT starts.
       * @example 08-15
       */
      autumnStart: string;
      /** @description The term today (Swedish time) falls in, with these dates. */
      currentTerm: components['schemas']['TermDto'];
      /** Format: uuid */
      organisationId: string;
      /**
       * @description First day of every spring term (VT); VT ends the day before HT starts.
       * @example 01-16
       */
      springStart: string;
    };
    TermDto: {
      /**
       * Format: date
       * @description First day.
       */
      from: string;
      /**
       * @description The term: year and HT (autumn) or VT (spring).
       * @example 2026HT
       */
      term: string;
      /**
       * Format: date
       * @description Last day (inclusive).
       */
      to: string;
    };
    TimelineEventDto: {
      actor: components['schemas']['PersonRefDto'] | null;
      /**
       * @example {
       *       "id": "uuid",
       *       "name": "Storsjöskolan"
       *     }
       */
      agency: Record<string, never> | null;
      /** Format: date-time */
      at: string;
      /** @description Ids and short facts of the event. */
      data: Record<string, never>;
      id: string;
      /** @example case.opened */
      kind: string;
    };
    TokenPairDto: {
      /** @description JWT for the Authorization: Bearer header. */
      accessToken: string;
      /**
       * @description Seconds until the access token expires.
       * @example 900
       */
      expiresIn: number;
      /** @description Opaque; exchange it once at /auth/refresh. */
      refreshToken: string;
    };
    TotpEnrolmentDto: {
      /**
       * @description Shown as a QR code for the authenticator app.
       * @example otpauth://totp/N%C3%A4rvaroteam:kim%40example.se?issuer=N%C3%A4rvaroteam&secret=…&algorithm=SHA1&digits=6&period=30
       */
      otpauthUri: string;
      /**
       * @description Base32; for typing into the app by hand.
       * @example JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP
       */
      secret: string;
    };
    UnreadCountDto: {
      /** @example 3 */
      count: number;
    };
    UpdateAbsenceRuleDto: {
      /** @description A disabled rule never puts a pupil on the watch list. */
      enabled: boolean;
      /**
       * @description Whole numbers within the bounds GET /absence-rules shows. An omitted parameter takes its default; an unknown one, or one out of bounds, is a 400 naming `params.<name>`.
       * @example {
       *       "percent": 15,
       *       "weeks": 4
       *     }
       */
      params?: {
        [key: string]: number;
      };
    };
    UpdateInterventionDto: {
      /** @description false retires it (kept for history); true offers it again. */
      active?: boolean;
      description?: string | null;
      evidenceBased?: boolean;
      name?: string;
      /** @enum {string} */
      providerAgencyType?: 'school' | 'social_services' | 'bup' | 'habilitation' | 'other';
      targetGroup?: string | null;
    };
    UpdateInvestigationDto: {
      /**
       * Format: date
       * @description The day the huvudman was informed: not before startedOn, not in the future.
       */
      huvudmanInformedOn: string;
    };
    UpdateRetentionRuleDto: {
      /**
       * @description The new period, in the rule's unit, within its bounds (else 422).
       * @example 24
       */
      period: number;
    };
    UpdateTermDatesDto: {
      /**
       * @description First day of the autumn term (HT), MM-DD in July–September.
       * @example 08-15
       */
      autumnStart?: string;
      /**
       * @description First day of the spring term (VT), MM-DD in January–March.
       * @example 01-16
       */
      springStart?: string;
    };
    UpdateUserDto: {
      displayName?: string;
      /** @description Not your own (403). admin and auditor are never combined with a role that reads pupils or cases (422). */
      roles?: ('school_staff' | 'principal' | 'elevhalsa' | 'agency_worker' | 'admin' | 'auditor')[];
    };
    UserDto: {
      active: boolean;
      /** Format: uuid */
      agencyId: string;
      agencyName: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      deactivatedAt: string | null;
      displayName: string;
      /** Format: uuid */
      id: string;
      roles: ('school_staff' | 'principal' | 'elevhalsa' | 'agency_worker' | 'admin' | 'auditor')[];
      username: string;
    };
    WatchlistCaseDto: {
      /** Format: uuid */
      id: string;
      /** @example NT-2026-0042 */
      reference: string;
      /** @enum {string} */
      status: 'open' | 'mapping' | 'plan_active' | 'follow_up';
    };
    WatchlistItemDto: {
      /** @description Absence % over the absence_share window (one decimal). */
      absencePercent: number;
      /** @description The pupil's open case, for those who may read the school's cases (principal, elevhälsa); null when there is none or the caller may not read cases. */
      case: components['schemas']['WatchlistCaseDto'] | null;
      className: string;
      firstName: string;
      grade: number;
      /** @description The pupil has an open case (not closed). Told to every reader of the list; the case itself only in `case`. */
      hasOpenCase: boolean;
      /** @description Of which invalid (ogiltig), %. */
      invalidAbsencePercent: number;
      /** @description A frånvaroutredning started within the 12 months before the reference day. */
      investigationStarted: boolean;
      lastName: string;
      /** @description A flag to elevhälsa about the pupil awaits triage. */
      openFlag: boolean;
      /** @example 20120315-**** */
      personnummerMasked: string;
      rulesHit: components['schemas']['RuleHitDto'][];
      /** Format: uuid */
      studentId: string;
    };
    WorkListItemDto: {
      agency: components['schemas']['AgencyRefDto'];
      /** Format: uuid */
      caseId: string;
      /** @description The case's neutral reference (never the pupil's name). */
      caseReference: string;
      description: string;
      /** @description Not done or cancelled, and due today or within 7 days. */
      due: boolean;
      /** Format: date */
      dueDate: string;
      /** Format: uuid */
      id: string;
      /** @description Not done or cancelled, and the due date has passed. */
      overdue: boolean;
      responsible: components['schemas']['PersonRefDto'] | null;
      /** Format: date */
      startDate: string | null;
      /** @enum {string} */
      status: 'planned' | 'in_progress' | 'done' | 'cancelled';
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  InvestigationsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateInvestigationDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvestigationDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AbsenceRulesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AbsenceRuleListDto'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AbsenceRulesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        kind: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateAbsenceRuleDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AbsenceRuleDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AccessLogController_list: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        /** @description From this instant (inclusive), ISO 8601. */
        from?: string;
        limit?: number;
        /** @description Only entries about this subject id (a pupil, a case, a user…). */
        subjectId?: string;
        subjectType?: string;
        /** @description Before this instant (exclusive), ISO 8601. */
        to?: string;
        /** @description Only entries of this user. */
        userId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfAccessLogItem'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AccessLogSearchController_find: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AccessLogSearchDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfAccessLogSearchItem'];
          'text/csv': components['schemas']['PageOfAccessLogSearchItem'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ActionsController_list: {
    parameters: {
      query?: {
        /** @description Your agency's actions. Exactly one of mine/agency. */
        agency?: 'true' | 'false';
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        limit?: number;
        /** @description Actions you are responsible for. */
        mine?: 'true' | 'false';
        status?: 'planned' | 'in_progress' | 'done' | 'cancelled';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfWorkListItemDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AgenciesController_list: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfAgencyDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AgenciesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateAgencyDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AgencyDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AttendanceImportController_list: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfImportDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AttendanceImportController_create: {
    parameters: {
      query?: {
        /** @description `all_or_nothing` (default): any invalid row rejects the whole file (422 with the report). `partial`: the valid rows are written, the others are reported. */
        mode?: 'all_or_nothing' | 'partial';
      };
      header: {
        'content-type': string;
      };
      path?: never;
      cookie?: never;
    };
    /** @description text/csv: the CSV file as it stands. application/json: an SS 12000 v2.1.0 `/calendarEvents?expand=attendance` or `/attendances` page. */
    requestBody: {
      content: {
        'application/json':
          | string
          | {
              data: (
                | {
                    _embedded?: {
                      attendance?: {
                        absenceReason?: string;
                        /** @description Optional: absent means offered − absence. */
                        attendanceMinutes?: number;
                        /** @description The lesson: its times come from the CalendarEvent. */
                        calendarEvent: {
                          /** Format: uuid */
                          id: string;
                        };
                        /**
                         * Format: uuid
                         * @description Stored as the lesson’s external id.
                         */
                        id: string;
                        invalidAbsenceMinutes?: number;
                        /** @description false: not yet reported, left out of every figure. */
                        isReported: boolean;
                        meta: {
                          /** Format: date-time */
                          created: string;
                          /** Format: date-time */
                          modified: string;
                        };
                        /** @description Present elsewhere (counts as present). */
                        otherAttendanceMinutes?: number;
                        /** Format: date-time */
                        reportedTimestamp?: string;
                        /** @description The pupil's externalId. */
                        student: {
                          /** Format: uuid */
                          id: string;
                        };
                        validAbsenceMinutes?: number;
                      }[];
                    };
                    activity: {
                      /** Format: uuid */
                      id: string;
                    };
                    /** @description true removes every lesson of the event. */
                    cancelled?: boolean;
                    /** Format: date-time */
                    endTime: string;
                    /** Format: uuid */
                    id: string;
                    meta: {
                      /** Format: date-time */
                      created: string;
                      /** Format: date-time */
                      modified: string;
                    };
                    /**
                     * Format: date-time
                     * @description Lesson date and start, in Europe/Stockholm.
                     */
                    startTime: string;
                    studentExceptions?: {
                      /** Format: date-time */
                      endTime?: string;
                      participates?: boolean;
                      /** Format: date-time */
                      startTime?: string;
                      student?: {
                        /** Format: uuid */
                        id: string;
                      };
                      teachingLength?: number;
                    }[];
                    /** @description Offered minutes; else end − start. */
                    teachingLengthStudent?: number;
                  }
                | {
                    absenceReason?: string;
                    /** @description Optional: absent means offered − absence. */
                    attendanceMinutes?: number;
                    /** @description The lesson: its times come from the CalendarEvent. */
                    calendarEvent: {
                      /** Format: uuid */
                      id: string;
                    };
                    /**
                     * Format: uuid
                     * @description Stored as the lesson’s external id.
                     */
                    id: string;
                    invalidAbsenceMinutes?: number;
                    /** @description false: not yet reported, left out of every figure. */
                    isReported: boolean;
                    meta: {
                      /** Format: date-time */
                      created: string;
                      /** Format: date-time */
                      modified: string;
                    };
                    /** @description Present elsewhere (counts as present). */
                    otherAttendanceMinutes?: number;
                    /** Format: date-time */
                    reportedTimestamp?: string;
                    /** @description The pupil's externalId. */
                    student: {
                      /** Format: uuid */
                      id: string;
                    };
                    validAbsenceMinutes?: number;
                  }
              )[];
              pageToken?: string | null;
            };
        'text/csv':
          | string
          | {
              data: (
                | {
                    _embedded?: {
                      attendance?: {
                        absenceReason?: string;
                        /** @description Optional: absent means offered − absence. */
                        attendanceMinutes?: number;
                        /** @description The lesson: its times come from the CalendarEvent. */
                        calendarEvent: {
                          /** Format: uuid */
                          id: string;
                        };
                        /**
                         * Format: uuid
                         * @description Stored as the lesson’s external id.
                         */
                        id: string;
                        invalidAbsenceMinutes?: number;
                        /** @description false: not yet reported, left out of every figure. */
                        isReported: boolean;
                        meta: {
                          /** Format: date-time */
                          created: string;
                          /** Format: date-time */
                          modified: string;
                        };
                        /** @description Present elsewhere (counts as present). */
                        otherAttendanceMinutes?: number;
                        /** Format: date-time */
                        reportedTimestamp?: string;
                        /** @description The pupil's externalId. */
                        student: {
                          /** Format: uuid */
                          id: string;
                        };
                        validAbsenceMinutes?: number;
                      }[];
                    };
                    activity: {
                      /** Format: uuid */
                      id: string;
                    };
                    /** @description true removes every lesson of the event. */
                    cancelled?: boolean;
                    /** Format: date-time */
                    endTime: string;
                    /** Format: uuid */
                    id: string;
                    meta: {
                      /** Format: date-time */
                      created: string;
                      /** Format: date-time */
                      modified: string;
                    };
                    /**
                     * Format: date-time
                     * @description Lesson date and start, in Europe/Stockholm.
                     */
                    startTime: string;
                    studentExceptions?: {
                      /** Format: date-time */
                      endTime?: string;
                      participates?: boolean;
                      /** Format: date-time */
                      startTime?: string;
                      student?: {
                        /** Format: uuid */
                        id: string;
                      };
                      teachingLength?: number;
                    }[];
                    /** @description Offered minutes; else end − start. */
                    teachingLengthStudent?: number;
                  }
                | {
                    absenceReason?: string;
                    /** @description Optional: absent means offered − absence. */
                    attendanceMinutes?: number;
                    /** @description The lesson: its times come from the CalendarEvent. */
                    calendarEvent: {
                      /** Format: uuid */
                      id: string;
                    };
                    /**
                     * Format: uuid
                     * @description Stored as the lesson’s external id.
                     */
                    id: string;
                    invalidAbsenceMinutes?: number;
                    /** @description false: not yet reported, left out of every figure. */
                    isReported: boolean;
                    meta: {
                      /** Format: date-time */
                      created: string;
                      /** Format: date-time */
                      modified: string;
                    };
                    /** @description Present elsewhere (counts as present). */
                    otherAttendanceMinutes?: number;
                    /** Format: date-time */
                    reportedTimestamp?: string;
                    /** @description The pupil's externalId. */
                    student: {
                      /** Format: uuid */
                      id: string;
                    };
                    validAbsenceMinutes?: number;
                  }
              )[];
              pageToken?: string | null;
            };
      };
    };
    responses: {
      /** @description Imported (with `?mode=partial`, the rejected rows are in `errors`). */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unsupported Media Type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description All-or-nothing rejected the file (or it is unreadable: truncated JSON, bad encoding): problem details with `importId`, `rowsTotal`, `rowsRejected` and `errors` [{ line, field, reason }]. Nothing was written. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            errors?: components['schemas']['ImportErrorDto'][];
            /** Format: uuid */
            importId?: string;
            rowsRejected?: number;
            rowsTotal?: number;
          };
        };
      };
      /** @description Service Unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AttendanceImportController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AuthController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      /** @description The tokens; or, with a second factor, `{ mfaRequired, mfaToken }`; or, when your role requires one and you have none, `{ mfaEnrolmentRequired, enrolmentToken }` (MFA_REQUIRED_ROLES). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | components['schemas']['TokenPairDto']
            | components['schemas']['MfaRequiredDto']
            | components['schemas']['MfaEnrolmentRequiredDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AuthController_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeDto'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MfaController_enrol: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TotpEnrolmentDto'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MfaController_confirm: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MfaCodeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecoveryCodesDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MfaController_verify: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MfaVerifyDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenPairDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  OidcController_status: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OidcStatusDto'];
        };
      };
    };
  };
  OidcController_callback: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the web app. */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  OidcController_exchange: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OidcExchangeDto'];
      };
    };
    responses: {
      /** @description The tokens; or, with a second factor, `{ mfaRequired, mfaToken }`; or, when your role requires one and you have none, `{ mfaEnrolmentRequired, enrolmentToken }` (MFA_REQUIRED_ROLES). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | components['schemas']['TokenPairDto']
            | components['schemas']['MfaRequiredDto']
            | components['schemas']['MfaEnrolmentRequiredDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  OidcController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the provider, or to the sign-in error page. */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AuthController_refresh: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenPairDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too Many Requests */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AuthController_setup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetupDto'];
      };
    };
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Too Many Requests
       *
       *     Too Many Requests
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_list: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        limit?: number;
        status?: 'open' | 'mapping' | 'plan_active' | 'follow_up' | 'closed';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfCaseSummaryDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_open: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OpenCaseDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CaseDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CaseDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ConsentsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfConsentDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ConsentsController_give: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['GiveConsentDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsentDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ConsentsController_withdraw: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        consentId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsentDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_handOver: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['HandOverDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CaseDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  FollowUpsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfFollowUpDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  FollowUpsController_record: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        months: 6 | 18;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordFollowUpDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FollowUpDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CourseController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfCourseDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CourseController_start: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StartCourseDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CourseDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CourseController_end: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        courseId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EndCourseDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CourseDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CourseController_recordFollowUp: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        courseId: string;
        id: string;
        months: 6 | 18;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordCourseFollowUpDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CourseDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_leadTimes: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadTimesDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MappingController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MappingDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MappingController_add: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddContributionDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContributionDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MappingController_edit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        contributionId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EditContributionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContributionDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MeetingsController_list: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfMeetingDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MeetingsController_schedule: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ScheduleMeetingDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeetingDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MeetingsController_recordMinutes: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        meetingId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordMinutesDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeetingDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MobilisationsController_listForCase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfMobilisationDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MobilisationsController_invite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['InviteAgencyDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MobilisationDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  PlanController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  PlanController_put: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the plan as you read it (`"7"`); `*` is refused. A stale one gets 412. */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PutPlanDto'];
      };
    };
    responses: {
      /** @description The plan was replaced. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanDto'];
        };
      };
      /** @description The plan was created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Failed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Required */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  PlanPrintController_html: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  PlanController_updateAction: {
    parameters: {
      query?: never;
      header: {
        /** @description The ETag of the action as you read it (`"a3"`); `*` is refused. A stale one gets 412. */
        'If-Match': string;
      };
      path: {
        actionId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PatchActionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Failed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Required */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  PlanController_agree: {
    parameters: {
      query?: never;
      header: {
        /** @description The ETag of the plan as you read it (`"7"`); `*` is refused. A stale one gets 412. */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AgreePlanDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Failed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Required */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  PlanController_versions: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfPlanVersionSummaryDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  PlanController_version: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanVersionDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ReviewsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfReviewDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ReviewsController_record: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordReviewDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_changeStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangeStatusDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CaseDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_timeline: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfTimelineEventDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  FlagsController_list: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        limit?: number;
        /** @description Default: every status. `new` is the inbox. */
        status?: 'new' | 'accepted' | 'dismissed';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfFlagDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  FlagsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FlagDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  FlagsController_accept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AcceptFlagDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CaseDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  FlagsController_dismiss: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DismissFlagDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FlagDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  FlagsController_addNote: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddFlagNoteDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FlagDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  DueListsController_followUps: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        limit?: number;
        /** @description Also list what falls due within this many days from today (overdue items are always listed). */
        withinDays?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfFollowUpDueDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  HealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Health Check is successful */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
              } & {
                [key: string]: unknown;
              };
            };
            /** @example {} */
            error?: {
              [key: string]: {
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example ok
             * @enum {string}
             */
            status?: 'ok' | 'degraded';
          };
        };
      };
      /**
       * @description Service Unavailable
       *
       *     The Health Check is not successful
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       },
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect",
             *         "responseTime": 3005
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
              } & {
                [key: string]: unknown;
              };
            };
            /**
             * @example {
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect",
             *         "responseTime": 3005
             *       }
             *     }
             */
            error?: {
              [key: string]: {
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example error
             * @enum {string}
             */
            status?: 'error' | 'shutting_down';
          };
        };
      };
    };
  };
  InterventionController_list: {
    parameters: {
      query?: {
        /** @description Only offered (true) or only retired (false) ones. */
        active?: 'true' | 'false';
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfInterventionDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  InterventionController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateInterventionDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InterventionDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  InterventionController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateInterventionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InterventionDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MobilisationsController_inbox: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        limit?: number;
        /** @description `overdue`: pending and past its deadline. */
        status?: 'pending' | 'accepted' | 'declined' | 'overdue';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfMobilisationDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MobilisationsController_accept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AcceptMobilisationDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MobilisationDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MobilisationsController_decline: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DeclineMobilisationDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MobilisationDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  NotificationsController_list: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfNotificationDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  NotificationsController_markRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  NotificationsController_unreadCount: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnreadCountDto'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  OrganisationController_read: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TermDatesDto'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  OrganisationController_update: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateTermDatesDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TermDatesDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MobilisationsController_partnerAgencies: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfAgencyRefDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  RetentionController_preview: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RetentionPreviewDto'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  RetentionController_rules: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RetentionRuleListDto'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  RetentionController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        dataClass: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateRetentionRuleDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RetentionRuleDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  RetentionController_runs: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfRetentionRunDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  RetentionController_start: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RetentionRunDto'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  DueListsController_reviews: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        limit?: number;
        /** @description Also list what falls due within this many days from today (overdue items are always listed). */
        withinDays?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfReviewDueDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SchoolAccountsController_list: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfSchoolAccountDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AttendanceController_classAbsence: {
    parameters: {
      query?: {
        /** @description First day (inclusive). Default: 12 weeks before `to`. */
        from?: string;
        /** @description Last day (inclusive). Default: today. */
        to?: string;
      };
      header?: never;
      path: {
        className: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AbsenceFigures'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  GuardianNoticesController_list: {
    parameters: {
      query?: {
        /** @description Only this class (a mentor’s own class). */
        className?: string;
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        /** @description The school day. Default: today in Sweden. */
        date?: string;
        limit?: number;
        /** @description `true`: only pupils whose guardians are not yet informed. */
        pending?: 'true' | 'false';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfGuardianNoticeItemDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  InvestigationsController_overview: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        /** @description Reference day. Default: today in Sweden. */
        date?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfOverviewItemDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CasesController_schoolLeadTimes: {
    parameters: {
      query?: {
        /** @description Cases opened from this day. Default: a year before `to`. */
        from?: string;
        /** @description Cases opened up to this day. Default: today. */
        to?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SchoolLeadTimesDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  WatchlistController_list: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        /** @description Reference day (inclusive end of every window). Default: today in Sweden. */
        date?: string;
        limit?: number;
        /** @description `absence`: highest absence % first; `name`: last name, first name; `rules`: most rules hit first, then absence. */
        sort?: 'absence' | 'name' | 'rules';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfWatchlistItemDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SourcesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SourceDto'][];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SourcesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateSourceDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SourceDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SourcesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SourceDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SourcesController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SourcesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PatchSourceDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SourceDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SourcesController_listRuns: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfSyncRunDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SourcesController_startRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RunStartedDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SourcesController_getRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        runId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SyncRunDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  InterventionStatsController_results: {
    parameters: {
      query?: {
        /** @description A school of your organisation. Principals and elevhälsa: their own (the default); admins: default all of it. */
        schoolId?: string;
        /** @description A term that has begun (year and HT or VT, the organisation's term dates). Default: the current term (Swedish time). */
        term?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InterventionStatsDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  InterventionStatsController_reportCsv: {
    parameters: {
      query?: {
        /** @description A school of your organisation. Principals and elevhälsa: their own (the default); admins: default all of it. */
        schoolId?: string;
        /** @description A term that has begun (year and HT or VT, the organisation's term dates). Default: the current term (Swedish time). */
        term?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  InterventionStatsController_reportHtml: {
    parameters: {
      query?: {
        /** @description A school of your organisation. Principals and elevhälsa: their own (the default); admins: default all of it. */
        schoolId?: string;
        /** @description A term that has begun (year and HT or VT, the organisation's term dates). Default: the current term (Swedish time). */
        term?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  OutcomeStatsController_outcomes: {
    parameters: {
      query?: {
        /** @description A school of your organisation. Principals and elevhälsa: their own school only (the default); admins: default the whole organisation. */
        schoolId?: string;
        /** @description A term that has begun: year and HT (autumn) or VT (spring), bounded by the organisation's term dates (`GET /organisation/terms`; default HT 15 Aug–15 Jan, VT 16 Jan–14 Aug). Default: the current term (Swedish time). */
        term?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OutcomeStatsDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  StudentsController_list: {
    parameters: {
      query?: {
        className?: string;
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        grade?: number;
        limit?: number;
        /** @description Defaults to your own school. */
        schoolId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfStudentSummaryDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  StudentsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateStudentDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StudentDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  StudentsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StudentDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ErasureController_erase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Erased. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  StudentsController_patch: {
    parameters: {
      query?: never;
      header: {
        /** @description The ETag of the pupil as you read it (`"3"`). */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PatchStudentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StudentDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Failed */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Precondition Required */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AttendanceController_studentAbsence: {
    parameters: {
      query?: {
        /** @description First day (inclusive). Default: 12 weeks before `to`. */
        from?: string;
        /** @description Last day (inclusive). Default: today. */
        to?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AbsenceFigures'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  InvestigationsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvestigationListDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  InvestigationsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateInvestigationDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvestigationDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AttendanceController_lessons: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        from?: string;
        limit?: number;
        to?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfLessonDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AttendanceController_record: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordLessonDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LessonDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  StudentsController_changes: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfStudentChangeDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  FlagsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateFlagDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FlagDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  GuardianNoticesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateGuardianNoticeDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GuardianNoticeDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  RegisterExtractController_extract: {
    parameters: {
      query?: {
        /** @description Who read or changed the data: from this day. */
        accessFrom?: string;
        /** @description Who read or changed the data: up to and including this day. */
        accessTo?: string;
        /** @description Also list every lesson (lesson-level attendance); default only per week. */
        lessons?: boolean;
        /** @description Lessons from this day (with `lessons=true`). */
        lessonsFrom?: string;
        /** @description Lessons up to and including this day. */
        lessonsTo?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegisterExtractDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  RegisterExtractController_html: {
    parameters: {
      query?: {
        /** @description Who read or changed the data: from this day. */
        accessFrom?: string;
        /** @description Who read or changed the data: up to and including this day. */
        accessTo?: string;
        /** @description Also list every lesson (lesson-level attendance); default only per week. */
        lessons?: boolean;
        /** @description Lessons from this day (with `lessons=true`). */
        lessonsFrom?: string;
        /** @description Lessons up to and including this day. */
        lessonsTo?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  StudentsController_lookup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LookupStudentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StudentDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  UsersController_list: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as given. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PageOfUserDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  UsersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedUserDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  UsersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  UsersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUserDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /**
       * @description Forbidden
       *
       *     Forbidden
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unprocessable Content */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  UsersController_deactivate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  UserMfaController_reset: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  UsersController_issueSetupCode: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SetupCodeDto'];
        };
      };
      /** @description Bad Request */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Unauthorized */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Not Found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
}
