import { assignmentsInOffice, type RosterState } from '../roster/roster.state';
import type { Actor } from '../shared/decider';
import { type CommandName, type Grant, mutationOf, type Permission, permissionOf } from './policy';

/** What a command is about, for the policy: its initiative, and the partner it concerns if any. */
export interface Subject {
  initiativeId: string;
  partnerId?: string;
}

/** The actor may not run the command: nothing is decided and nothing is written. */
export class NotPermittedError extends Error {
  constructor(
    readonly command: CommandName,
    readonly actor: Actor,
    readonly initiativeId: string,
    /** The roles that would have permitted it, e.g. `partner_representative of food-bank`. */
    readonly rolesNeeded: readonly string[],
  ) {
    super(
      `${mutationOf(command)} needs ${rolesNeeded.join(' or ')} in initiative ${initiativeId}; ` +
        `${actor.personId} (for ${actor.partnerId}) holds none of these`,
    );
    this.name = 'NotPermittedError';
  }
}

function grants(grant: Grant, held: ReadonlySet<string>, actor: Actor, subject: Subject): boolean {
  if (!held.has(grant.role)) return false;
  return grant.scope === 'initiative' || subject.partnerId === actor.partnerId;
}

/**
 * Whether the actor may run a command of this permission, judged on the initiative's roster
 * on the day of `at`. A role counts when the person holds it for the partner they act for.
 */
export function permits(
  permission: Permission,
  roster: RosterState,
  actor: Actor,
  at: string,
  subject: Subject,
): boolean {
  if (permission.who === 'anyone') return true;
  const held = new Set(
    assignmentsInOffice(roster, at)
      .filter((a) => a.personId === actor.personId && a.partnerId === actor.partnerId)
      .map((a) => a.role),
  );
  return permission.grants.some((grant) => grants(grant, held, actor, subject));
}

/** The roles a permission names, for a refusal: `backbone_staff`, `signatory of food-bank`. */
export function rolesNeeded(permission: Permission, subject: Subject): string[] {
  if (permission.who === 'anyone') return [];
  return permission.grants.map((grant) =>
    grant.scope === 'partner' ? `${grant.role} of ${subject.partnerId ?? '?'}` : grant.role,
  );
}

/** Throws NotPermittedError unless the policy lets the actor run the command now. */
export function authorise(
  command: CommandName,
  check: { roster: RosterState; actor: Actor; at: string; subject: Subject },
): void {
  const permission = permissionOf(command);
  const { roster, actor, at, subject } = check;
  if (permits(permission, roster, actor, at, subject)) return;
  throw new NotPermittedError(
    command,
    actor,
    subject.initiativeId,
    rolesNeeded(permission, subject),
  );
}
