/** Who is signed in, from the server's session cookie (which scripts cannot read). */
export interface SignedIn {
  personId: string;
  partnerId: string;
}

/** Who the server wrote into the page it sent (see serve-workspace.ts), if anyone. */
export function sessionInPage(): SignedIn | null {
  const content = document.querySelector<HTMLMetaElement>('meta[name="accord-session"]')?.content;
  if (!content) return null;
  try {
    const { personId, partnerId } = JSON.parse(decodeURIComponent(content)) as SignedIn;
    return typeof personId === 'string' && typeof partnerId === 'string'
      ? { personId, partnerId }
      : null;
  } catch {
    return null;
  }
}

export async function currentSession(): Promise<SignedIn | null> {
  const response = await fetch('/auth/session', { credentials: 'same-origin' });
  if (!response.ok) return null;
  const session = (await response.json()) as ({ signedIn: true } & SignedIn) | { signedIn: false };
  return session.signedIn ? { personId: session.personId, partnerId: session.partnerId } : null;
}

/** Exchanges a one-time code from a sign-in link for a session cookie. */
export async function redeemCode(code: string): Promise<SignedIn> {
  const response = await fetch('/auth/sign-in', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const body = (await response.json().catch(() => ({}))) as SignedIn & { message?: string };
  if (!response.ok) throw new Error(body.message ?? 'this sign-in link did not work');
  return body;
}

export async function signOut(): Promise<void> {
  await fetch('/auth/sign-out', { method: 'POST', credentials: 'same-origin' });
}

/** Where a signed-out reader signs in, when the server signs people in through an issuer. */
export async function issuerSignInUrl(): Promise<string | null> {
  const response = await fetch('/auth/session', { credentials: 'same-origin' });
  if (!response.ok) return null;
  const session = (await response.json()) as { signedIn: boolean; signInUrl?: string };
  return !session.signedIn && session.signInUrl?.startsWith('/') ? session.signInUrl : null;
}
