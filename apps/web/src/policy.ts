import { POLICY } from '../../../libs/domain/src/authorisation/policy';
import type { SignedIn } from './session';

/** A seat of the roster as the API gives it (roles in capitals). */
export interface Seat {
  personId: string;
  partnerId: string;
  role: string;
}

export type Command = keyof typeof POLICY;

/**
 * Whether the signed-in person may run a command, by the same policy table the API enforces
 * (imported, not copied): a form appears only for those the server would let through. A role
 * counts when held for the partner the person signed in for; a partner-scoped role only for
 * `partnerId`, the partner the command concerns.
 */
export function may(command: Command, roster: readonly Seat[], me: SignedIn, partnerId?: string) {
  const permission = POLICY[command];
  if (permission.who === 'anyone') return true;
  const mine = roster.filter(
    (seat) => seat.personId === me.personId && seat.partnerId === me.partnerId,
  );
  return permission.grants.some((grant) =>
    mine.some(
      (seat) =>
        seat.role.toLowerCase() === grant.role &&
        (grant.scope === 'initiative' || seat.partnerId === partnerId),
    ),
  );
}
