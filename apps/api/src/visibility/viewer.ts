import { type Actor, dayOf, type Role } from '@accord/domain';
import type { AccessReader, Seat } from './access.reader';

/** Whether a confidential field is shown to the viewer, and why not when it is withheld. */
export type ConfidentialAccess = { granted: true } | { granted: false; reason: string };

interface Standing {
  seats: Seat[];
  /** The roles the data-sharing agreements in force share with, and how many agreements. */
  shared: Set<Role>;
  agreements: number;
  /** The agreements' ids, as a refusal names them: read only when a field is refused. */
  listed: () => Promise<string>;
}

/**
 * One signed-in reader, for one request (or one subscription): which initiatives they see, and
 * which confidential fields. Members and observers of an initiative see it; nobody else does.
 * A member is anyone holding, for the partner they act for, a seat that has not ended.
 */
export class Viewer {
  private readonly standings = new Map<string, Promise<Standing>>();
  private visible: Promise<string[]> | undefined;

  constructor(
    private readonly access: AccessReader,
    readonly actor: Actor,
    private readonly now: () => Date,
  ) {}

  private today(): string {
    return dayOf(this.now().toISOString());
  }

  private standing(initiativeId: string): Promise<Standing> {
    let standing = this.standings.get(initiativeId);
    if (!standing) {
      const day = this.today();
      const { personId, partnerId } = this.actor;
      let listed: Promise<string> | undefined;
      standing = Promise.all([
        this.access.seats(initiativeId, personId, partnerId, day),
        this.access.sharedRoles(initiativeId),
      ]).then(([seats, { roles, agreements }]) => ({
        seats,
        shared: roles,
        agreements,
        listed: () =>
          (listed ??= this.access.sharingAgreements(initiativeId).then((ids) => ids.join(', '))),
      }));
      this.standings.set(initiativeId, standing);
    }
    return standing;
  }

  /**
   * Judge this initiative afresh, once the read models have applied the event at `position`
   * that changed its roster or agreements.
   */
  async reconsider(initiativeId: string, position: number): Promise<void> {
    await this.access.caughtUpTo(position);
    this.standings.delete(initiativeId);
    this.visible = undefined;
  }

  async isMember(initiativeId: string): Promise<boolean> {
    return (await this.standing(initiativeId)).seats.length > 0;
  }

  /** Every initiative the viewer is a member or observer of. */
  visibleInitiatives(): Promise<string[]> {
    const { personId, partnerId } = this.actor;
    return (this.visible ??= this.access.initiativesOf(personId, partnerId, this.today()));
  }

  /** Whether the viewer holds, today, one of these roles in some initiative. */
  async holdsAnyRole(roles: readonly Role[]): Promise<boolean> {
    const { personId, partnerId } = this.actor;
    const held = await this.access.rolesInOffice(personId, partnerId, this.today());
    return held.some((role) => roles.includes(role));
  }

  /** A stream is seen as its owner is (see canSee). */
  async canSeeStream(stream: string): Promise<boolean> {
    const owner = await this.access.streamOwner(stream);
    return owner !== undefined && this.canSee(owner);
  }

  /** An entity is seen with its initiative; a person, and a person's own events, as the person is. */
  async canSee(item: unknown): Promise<boolean> {
    const initiativeId = (item as { initiativeId?: string | null } | null)?.initiativeId;
    if (initiativeId) return this.isMember(initiativeId);
    const { category, entityId } = item as { category?: string; entityId?: string };
    return category === 'person' && entityId !== undefined && this.canSeePerson(entityId);
  }

  /** A person is seen by themselves and by members of an initiative the person belongs to. */
  async canSeePerson(personId: string): Promise<boolean> {
    if (personId === this.actor.personId) return true;
    const theirs = await this.access.initiativesOfPerson(personId);
    const mine = new Set(await this.visibleInitiatives());
    return theirs.some((initiativeId) => mine.has(initiativeId));
  }

  /**
   * Confidential fields of an initiative are read by the roles its data-sharing agreements in
   * force name, and by the people of the partners the data belongs to (`owners`).
   */
  async confidential(initiativeId: string, owners: readonly string[]): Promise<ConfidentialAccess> {
    const { seats, agreements, shared, listed } = await this.standing(initiativeId);
    const day = this.today();
    const inOffice = seats.filter((seat) => seat.officeFrom <= day).map((seat) => seat.role);
    if (inOffice.length > 0 && owners.includes(this.actor.partnerId)) return { granted: true };
    if (inOffice.some((role) => shared.has(role))) return { granted: true };
    const held = inOffice.length > 0 ? inOffice.join(', ') : 'no role in office';
    if (agreements === 0)
      return {
        granted: false,
        reason: `confidential: no data-sharing agreement in force in initiative ${initiativeId} shares it, and it is not your partner's data`,
      };
    return {
      granted: false,
      reason:
        `confidential: the data-sharing agreements in force (${await listed()}) ` +
        `share it with ${shared.size > 0 ? [...shared].join(', ') : 'no role'}; you hold ${held}`,
    };
  }
}
