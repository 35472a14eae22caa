import { ROLES, type Role } from '../roster/roster.events';
import { assigned, rosterAfter, rosterWith } from '../testing/roster-fixtures';
import { initiativeId, now } from '../testing/initiative-fixtures';
import { authorise, NotPermittedError, permits, type Subject } from './authorise';
import { COMMAND_NAMES, type CommandName, mutationOf, permissionOf, POLICY } from './policy';

const bo = { personId: 'bo', partnerId: 'food-bank' };
const ana = { personId: 'ana', partnerId: 'city-hall' };
const clerk = { personId: 'cy', partnerId: 'food-bank' };
const foodBanks: Subject = { initiativeId, partnerId: 'food-bank' };

/** The commands a role permits, whatever the partner. */
const commandsOf = (role: Role): CommandName[] =>
  COMMAND_NAMES.filter((command) => {
    const permission = permissionOf(command);
    return permission.who === 'roles' && permission.grants.some((g) => g.role === role);
  });

function refusal(command: CommandName, run: () => void): NotPermittedError {
  try {
    run();
  } catch (error) {
    if (error instanceof NotPermittedError) return error;
    throw error;
  }
  throw new Error(`${command} was permitted`);
}

describe('The policy table', () => {
  it('lets evaluators, observers and custom roles write nothing but stepping down', () => {
    expect(commandsOf('evaluator')).toEqual(['RelinquishRole']);
    expect(commandsOf('observer')).toEqual(['RelinquishRole']);
    expect(commandsOf('custom')).toEqual(['RelinquishRole']);
  });

  it('names the partner concerned wherever a role counts only for that partner', () => {
    for (const command of COMMAND_NAMES) {
      const permission = permissionOf(command);
      if (permission.who !== 'roles') continue;
      const partnerScoped = permission.grants.some((g) => g.scope === 'partner');
      expect({ command, named: 'partner' in permission }).toEqual({
        command,
        named: partnerScoped,
      });
    }
  });

  it('lets only voting members vote and only a data steward record measurements', () => {
    for (const command of ['CastVote', 'ChangeVote', 'DeclareConflictOfInterest'] as const) {
      expect(POLICY[command].grants).toEqual([{ role: 'steering_member', scope: 'initiative' }]);
    }
    expect(POLICY.RecordMeasurement.grants).toEqual([{ role: 'data_steward', scope: 'partner' }]);
    expect(POLICY.MakeCommitment.grants).toEqual([
      { role: 'partner_representative', scope: 'partner' },
    ]);
  });

  it('names each command after its mutation', () => {
    expect(mutationOf('MakeCommitment')).toBe('makeCommitment');
    expect(mutationOf('LinkDecisionToMeeting')).toBe('linkDecisionToMeeting');
  });
});

describe('Authorising a command', () => {
  const representatives = rosterWith({ partner_representative: [bo] });

  it('lets a partner representative act for their own partner', () => {
    expect(() =>
      authorise('MakeCommitment', {
        roster: representatives,
        actor: bo,
        at: now,
        subject: foodBanks,
      }),
    ).not.toThrow();
  });

  it("refuses a representative acting for another partner's commitment", () => {
    const error = refusal('MakeCommitment', () =>
      authorise('MakeCommitment', {
        roster: representatives,
        actor: bo,
        at: now,
        subject: { initiativeId, partnerId: 'city-hall' },
      }),
    );
    expect(error.command).toBe('MakeCommitment');
    expect(error.actor).toEqual(bo);
    expect(error.rolesNeeded).toEqual(['partner_representative of city-hall']);
    expect(error.message).toBe(
      'makeCommitment needs partner_representative of city-hall in initiative i1; bo (for food-bank) holds none of these',
    );
  });

  it('counts a role only for the partner the person acts for in their token', () => {
    const asCityHall = { personId: 'bo', partnerId: 'city-hall' };
    const roster = rosterWith({ backbone_staff: [bo] });
    expect(permits(POLICY.ExpireAgreement, roster, bo, now, { initiativeId })).toBe(true);
    expect(permits(POLICY.ExpireAgreement, roster, asCityHall, now, { initiativeId })).toBe(false);
  });

  it('judges on the day of the command: not before the term, not after it ends or is revoked', () => {
    const term = rosterAfter(
      assigned(ana, 'backbone_staff', { termStart: '2026-02-01', termEnd: '2026-02-28' }),
    );
    const on = (at: string) => permits(POLICY.MissCommitment, term, ana, at, { initiativeId });
    expect(on('2026-01-31T23:59:59.000Z')).toBe(false);
    expect(on('2026-02-01T00:00:00.000Z')).toBe(true);
    expect(on('2026-02-28T23:00:00.000Z')).toBe(true);
    expect(on('2026-03-01T00:00:00.000Z')).toBe(false);
    const revoked = rosterAfter(assigned(ana, 'backbone_staff'), {
      type: 'RoleRevoked.v1',
      data: {
        assignmentId: 'backbone_staff-ana',
        initiativeId,
        personId: 'ana',
        reason: 'left the organisation',
        revokedAt: '2026-02-15T09:00:00.000Z',
      },
    });
    expect(
      permits(POLICY.MissCommitment, revoked, ana, '2026-02-14T09:00:00Z', { initiativeId }),
    ).toBe(true);
    expect(
      permits(POLICY.MissCommitment, revoked, ana, '2026-02-15T09:00:00Z', { initiativeId }),
    ).toBe(false);
  });

  it('refuses everyone but a steering member a vote, naming the role needed', () => {
    const everyRoleButSteering = ROLES.filter((role) => role !== 'steering_member');
    const roster = rosterWith(Object.fromEntries(everyRoleButSteering.map((r) => [r, [ana]])));
    const error = refusal('CastVote', () =>
      authorise('CastVote', { roster, actor: ana, at: now, subject: { initiativeId } }),
    );
    expect(error.rolesNeeded).toEqual(['steering_member']);
  });

  it("lets only the party's signatory in office sign for it", () => {
    const signatories = rosterWith({ signatory: [ana, bo], partner_representative: [clerk] });
    const forFoodBank = { initiativeId, partnerId: 'food-bank' };
    const sign = (roster: typeof signatories, actor: typeof ana) =>
      permits(POLICY.SignAgreement, roster, actor, now, forFoodBank);
    expect(sign(signatories, bo)).toBe(true);
    expect(sign(signatories, clerk)).toBe(false);
    expect(sign(signatories, ana)).toBe(false);
    const notYet = rosterAfter(assigned(bo, 'signatory', { termStart: '2026-06-01' }));
    const over = rosterAfter(
      assigned(bo, 'signatory', { termStart: '2025-01-01', termEnd: '2026-02-28' }),
    );
    expect(sign(notYet, bo)).toBe(false);
    expect(sign(over, bo)).toBe(false);
  });

  it('lets anyone launch an initiative', () => {
    expect(permits(POLICY.LaunchInitiative, rosterAfter(), ana, now, { initiativeId })).toBe(true);
  });
});
