import { useEffect, useState } from 'preact/hooks';
import { navigate } from '../router';
import { issuerSignInUrl, redeemCode } from '../session';

/** /sign-in#code=…: spends the one-time code, then leaves the code out of the address bar. */
export function SignInScreen() {
  const [failure, setFailure] = useState<string | null>(null);
  const [throughIssuer, setThroughIssuer] = useState(false);
  useEffect(() => {
    const fragment = new URLSearchParams(window.location.hash.slice(1));
    const code = fragment.get('code');
    window.history.replaceState(null, '', '/sign-in');
    // Sent back by the server when signing in through the OpenID Connect issuer failed.
    const refused = fragment.get('error');
    if (refused) {
      setThroughIssuer(true);
      setFailure(`Signing in did not work: ${refused}.`);
      return;
    }
    if (!code) {
      setFailure('This address carries no sign-in code.');
      return;
    }
    redeemCode(code).then(
      () => navigate('/', { replace: true }),
      (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
    );
  }, []);
  return (
    <main id="content">
      <h1>Signing in</h1>
      {failure ? (
        <>
          <p class="form-error" role="alert">
            {failure}
          </p>
          {throughIssuer ? (
            <p>
              <a class="button" href="/auth/oidc/sign-in">
                Try again
              </a>
            </p>
          ) : (
            <SignInHelp />
          )}
        </>
      ) : (
        <p role="status">Checking your sign-in link…</p>
      )}
    </main>
  );
}

function SignInHelp() {
  return (
    <p>
      Ask whoever runs this Accord server for a new link; they make one with{' '}
      <code>
        npm run accord -- sign-in-link --person &lt;you&gt; --partner &lt;your organisation&gt;
      </code>
      . A link works once, for 15 minutes.
    </p>
  );
}

export function SignedOutScreen() {
  // undefined while asking the server; null when people sign in with a link instead.
  const [issuer, setIssuer] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    void issuerSignInUrl().then(setIssuer, () => setIssuer(null));
  }, []);
  return (
    <main id="content">
      <h1>Accord workspace</h1>
      <p>You are not signed in.</p>
      {issuer ? (
        <p>
          <a class="button" href={issuer}>
            Sign in
          </a>
        </p>
      ) : (
        issuer === null && <SignInHelp />
      )}
    </main>
  );
}
