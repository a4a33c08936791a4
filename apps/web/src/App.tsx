import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AccessLogPage } from './admin/AccessLogPage';
import { AdminAgenciesPage } from './admin/AdminAgenciesPage';
import { AdminUsersPage } from './admin/AdminUsersPage';
import { Shell } from './components/Shell';
import { CasePage } from './case/CasePage';
import { ActionsPage } from './pages/ActionsPage';
import { CasesPage } from './pages/CasesPage';
import { FlagPage } from './pages/FlagPage';
import { FlagsPage } from './pages/FlagsPage';
import { HomePage } from './pages/HomePage';
import { InvitationsPage } from './pages/InvitationsPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { OverviewPage } from './pages/OverviewPage';
import { AbsenceRulesPage } from './school/AbsenceRulesPage';
import { GuardianNoticesPage } from './school/GuardianNoticesPage';
import { ImportPage } from './school/ImportPage';
import { InvestigationsPage } from './school/InvestigationsPage';
import { LessonEntryPage } from './school/LessonEntryPage';
import { FollowUpsDuePage, ReviewsDuePage } from './followup/DuePages';
import { SchoolAccountsPage } from './pages/SchoolAccountsPage';
import { InterventionResultsPage } from './pages/InterventionResultsPage';
import { InterventionsPage } from './pages/InterventionsPage';
import { SchoolDataPage } from './admin/SchoolDataPage';
import { RetentionPage } from './admin/RetentionPage';
import { SetupPasswordPage } from './pages/SetupPasswordPage';
import { StudentPage } from './pages/StudentPage';
import { WatchlistPage } from './pages/WatchlistPage';
import { useSession } from './session';
import { SecurityPage } from './signin/SecurityPage';
import { SignInErrorPage } from './signin/SignInErrorPage';
import { SsoLandingPage } from './signin/SsoLandingPage';
import { texts } from './texts';

/** Pages behind the login: without a session, go to the login page and come back here after. */
function RequireSession() {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading')
    return (
      <Center mih="100vh">
        <Loader aria-label={texts.common.loading} />
      </Center>
    );
  if (status === 'anonymous') {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/logga-in?next=${next}`} replace />;
  }
  return <Shell />;
}

// Swedish paths, so a shared link reads as what it is: /arenden/<id> is a case.
export function App() {
  return (
    <Routes>
      <Route path="/logga-in" element={<LoginPage />} />
      <Route path="/logga-in/kommunens-konto" element={<SsoLandingPage />} />
      <Route path="/logga-in/fel" element={<SignInErrorPage />} />
      <Route path="/valj-losenord" element={<SetupPasswordPage />} />
      <Route element={<RequireSession />}>
        <Route index element={<HomePage />} />
        <Route path="bevakning" element={<WatchlistPage />} />
        <Route path="elever/:id" element={<StudentPage />} />
        <Route path="oversikt" element={<OverviewPage />} />
        <Route path="anmalningar" element={<FlagsPage />} />
        <Route path="anmalningar/:id" element={<FlagPage />} />
        <Route path="arenden" element={<CasesPage />} />
        <Route path="arenden/:id" element={<CasePage />} />
        <Route path="inbjudningar" element={<InvitationsPage />} />
        <Route path="atgarder" element={<ActionsPage />} />
        <Route path="notiser" element={<NotificationsPage />} />
        <Route path="skolans-konton" element={<SchoolAccountsPage />} />
        <Route path="narvaroimport" element={<ImportPage />} />
        <Route path="vardnadshavarbesked" element={<GuardianNoticesPage />} />
        <Route path="franvaroutredningar" element={<InvestigationsPage />} />
        <Route path="franvaroregler" element={<AbsenceRulesPage />} />
        <Route path="anvandare" element={<AdminUsersPage />} />
        <Route path="verksamheter" element={<AdminAgenciesPage />} />
        <Route path="atkomstlogg" element={<AccessLogPage />} />
        <Route path="tvastegsverifiering" element={<SecurityPage />} />
        <Route path="insatser" element={<InterventionsPage />} />
        <Route path="resultat-per-insats" element={<InterventionResultsPage />} />
        <Route path="skoldata" element={<SchoolDataPage />} />
        <Route path="gallring" element={<RetentionPage />} />
        <Route path="lektionsnarvaro" element={<LessonEntryPage />} />
        <Route path="avstamningar" element={<ReviewsDuePage />} />
        <Route path="uppfoljningar" element={<FollowUpsDuePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
