import { useEffect, useRef, useState } from 'preact/hooks';
import { TimeBanner, TimeControl } from './components/time-control';
import { WorkspaceContext } from './context';
import { useQuery } from './data';
import { SignedInPersonDocument } from './graphql/generated';
import { whenSignedOut } from './graphql/client';
import { followLink, match, useLocation } from './router';
import { AccountabilityScreen } from './screens/accountability';
import { AccountabilityCompareScreen } from './screens/accountability-compare';
import { AgreementScreen, AgreementsScreen } from './screens/agreements';
import { BenefitPoolsScreen } from './screens/benefit-pools';
import { ChangesScreen } from './screens/changes';
import { CommitmentScreen } from './screens/commitment';
import { CommitmentsScreen } from './screens/commitments';
import { DecisionScreen } from './screens/decision';
import { DecisionsScreen } from './screens/decisions';
import { HistoryScreen } from './screens/history';
import { IndicatorsScreen } from './screens/indicators';
import { InitiativeScreen } from './screens/initiative';
import { MeetingsScreen } from './screens/meetings';
import { MyInitiativesScreen } from './screens/my-initiatives';
import { RisksScreen } from './screens/risks';
import { RosterScreen } from './screens/roster';
import { SignInScreen, SignedOutScreen } from './screens/sign-in';
import { currentSession, sessionInPage, type SignedIn, signOut } from './session';
import { timePointOf, timeSearch } from './time-travel';

type Session = { state: 'checking' } | { state: 'out' } | { state: 'in'; me: SignedIn };

function Screen({ path }: { path: string }) {
  let params: Record<string, string> | null;
  if (match('/', path)) return <MyInitiativesScreen />;
  if ((params = match('/initiatives/:id', path))) return <InitiativeScreen id={params.id!} />;
  if ((params = match('/initiatives/:id/decisions', path)))
    return <DecisionsScreen initiativeId={params.id!} />;
  if ((params = match('/initiatives/:id/decisions/:decisionId', path)))
    return <DecisionScreen initiativeId={params.id!} decisionId={params.decisionId!} />;
  if ((params = match('/initiatives/:id/commitments', path)))
    return <CommitmentsScreen initiativeId={params.id!} />;
  if ((params = match('/initiatives/:id/commitments/:commitmentId', path)))
    return <CommitmentScreen initiativeId={params.id!} commitmentId={params.commitmentId!} />;
  if ((params = match('/initiatives/:id/agreements', path)))
    return <AgreementsScreen initiativeId={params.id!} />;
  if ((params = match('/initiatives/:id/agreements/:agreementId', path)))
    return <AgreementScreen initiativeId={params.id!} agreementId={params.agreementId!} />;
  if ((params = match('/initiatives/:id/indicators', path)))
    return <IndicatorsScreen initiativeId={params.id!} />;
  if ((params = match('/initiatives/:id/risks', path)))
    return <RisksScreen initiativeId={params.id!} />;
  if ((params = match('/initiatives/:id/benefits', path)))
    return <BenefitPoolsScreen initiativeId={params.id!} />;
  if ((params = match('/initiatives/:id/meetings', path)))
    return <MeetingsScreen initiativeId={params.id!} />;
  if ((params = match('/initiatives/:id/roster', path)))
    return <RosterScreen initiativeId={params.id!} />;
  if ((params = match('/initiatives/:id/changes', path)))
    return <ChangesScreen initiativeId={params.id!} />;
  if ((params = match('/initiatives/:id/history/:entityId', path)))
    return <HistoryScreen initiativeId={params.id!} entityId={params.entityId!} />;
  if ((params = match('/initiatives/:id/accountability/compare', path)))
    return <AccountabilityCompareScreen initiativeId={params.id!} />;
  if ((params = match('/initiatives/:id/accountability', path)))
    return <AccountabilityScreen initiativeId={params.id!} />;
  return (
    <>
      <h1>Not found</h1>
      <p>
        There is no page at this address. <a href="/">Go to my initiatives</a>.
      </p>
    </>
  );
}

export function App() {
  const location = useLocation();
  // Signed in when the page came: the server wrote who into it, no need to ask (a first load
  // then waits for one round trip less). Otherwise, or after signing out, ask.
  const [session, setSession] = useState<Session>(() => {
    const me = sessionInPage();
    return me ? { state: 'in', me } : { state: 'checking' };
  });
  const onSignInPage = location.path === '/sign-in';

  // A session that ended after the page came (it expired, or was signed out in another tab):
  // the API answers UNAUTHENTICATED, and the reader gets the sign-in screen, not an error.
  useEffect(() => {
    whenSignedOut(() => setSession({ state: 'out' }));
    return () => whenSignedOut(undefined);
  }, []);

  useEffect(() => {
    if (onSignInPage || session.state === 'in') return;
    void currentSession().then((me) => setSession(me ? { state: 'in', me } : { state: 'out' }));
  }, [onSignInPage]);

  // After a client-side navigation, focus moves to the new screen, as a page load would.
  const firstPath = useRef(location.path);
  useEffect(() => {
    if (location.path !== firstPath.current) document.getElementById('content')?.focus();
    firstPath.current = '';
  }, [location.path]);
  // The tab's title names the screen (its heading), for history, bookmarks and screen readers.
  useEffect(() => {
    const name = () => {
      const heading = document.querySelector('main h1')?.textContent;
      const title = heading ? `${heading} · Accord` : 'Accord workspace';
      if (document.title !== title) document.title = title;
    };
    name();
    const observer = new MutationObserver(name);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);

  if (onSignInPage) return <SignInScreen />;
  if (session.state === 'checking') return <p role="status">Loading…</p>;
  if (session.state === 'out') return <SignedOutScreen />;

  const point = timePointOf(location);
  const leave = async () => {
    await signOut();
    setSession({ state: 'out' });
  };
  return (
    <WorkspaceContext.Provider value={{ me: session.me, point }}>
      <div onClick={followLink}>
        <a class="skip" href="#content">
          Skip to content
        </a>
        <header class="top">
          <a class="brand" href={`/${timeSearch(point)}`}>
            Accord
          </a>
          <div class="who">
            <SignedInAs me={session.me} />
            <button type="button" class="secondary" onClick={() => void leave()}>
              Sign out
            </button>
          </div>
        </header>
        <TimeControl key={JSON.stringify(point)} />
        <TimeBanner />
        <main id="content" tabIndex={-1}>
          <Screen path={location.path} />
        </main>
      </div>
    </WorkspaceContext.Provider>
  );
}

/** The signed-in person by name once the directory answers; by id if never registered. */
function SignedInAs({ me }: { me: SignedIn }) {
  const state = useQuery(SignedInPersonDocument, { personId: me.personId });
  return (
    <span>
      {state.data?.person.name ?? me.personId} <span class="muted">of {me.partnerId}</span>
    </span>
  );
}
