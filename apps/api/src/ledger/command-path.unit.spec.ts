import { type Actor, NotPermittedError } from '@accord/domain';
import { CommandIdReusedError, ConcurrencyConflictError } from './ledger.errors';
import { CommandSpec } from './testing/command-spec';

const ANA: Actor = { personId: 'ana', partnerId: 'city-hall' };
const BO: Actor = { personId: 'bo', partnerId: 'food-bank' };
const OUTSIDER: Actor = { personId: 'zed', partnerId: 'elsewhere' };
const INITIATIVE = 'reading';
const LAUNCHED_AT = '2026-01-05T09:00:00.000Z';

const launch = {
  initiativeId: INITIATIVE,
  name: 'Reading by Nine',
  problemStatement: 'Too few children read at grade level',
  commonAgenda: 'Every child reads by third grade',
};
const join = (actor: Actor, organisationName: string) => ({
  initiativeId: INITIATIVE,
  partnerId: actor.partnerId,
  organisationName,
  sector: 'NONPROFIT',
});
const representative = (actor: Actor) => ({
  assignmentId: `rep-${actor.personId}`,
  initiativeId: INITIATIVE,
  personId: actor.personId,
  partnerId: actor.partnerId,
  role: 'partner_representative',
  customRole: null,
  termStart: '2026-01-05',
  termEnd: null,
});
const commitment = {
  commitmentId: 'meals',
  initiativeId: INITIATIVE,
  partnerId: BO.partnerId,
  description: '500 meals a week',
  resources: { money: null, inKind: 'meals', hours: null },
  dueDate: '2026-12-31',
};

describe('the command path (every area table, the generic handler, the executor) on an in-memory ledger', () => {
  let spec: CommandSpec;
  beforeEach(async () => {
    spec = await CommandSpec.open();
  });
  afterEach(() => spec.stop());

  const launched = () =>
    spec.given(
      ['LaunchInitiative', launch, ANA, { occurredAt: LAUNCHED_AT }],
      ['JoinInitiative', join(BO, 'Food Bank'), ANA, { occurredAt: LAUNCHED_AT }],
      ['AssignRole', representative(BO), ANA, { occurredAt: LAUNCHED_AT }],
    );

  it('a launch seats its launcher in the same call: the follow-up row runs before the answer', async () => {
    const recorded = await spec
      .when('LaunchInitiative', launch, ANA, { occurredAt: LAUNCHED_AT })
      .recorded();
    expect(recorded.map((event) => event.type)).toEqual([
      'InitiativeLaunched.v1',
      'RoleAssigned.v1',
    ]);
    expect(recorded[1]!.data).toMatchObject({
      initiativeId: INITIATIVE,
      personId: ANA.personId,
      partnerId: ANA.partnerId,
      role: 'backbone_staff',
    });
  });

  it('records what the decider decides, with the other streams the row needs folded in', async () => {
    await launched();
    const recorded = await spec.when('MakeCommitment', commitment, BO).recorded();
    expect(recorded).toEqual([
      expect.objectContaining({
        type: 'CommitmentMade.v1',
        data: expect.objectContaining({ commitmentId: 'meals', partnerId: BO.partnerId }),
      }),
    ]);
  });

  it('refuses an actor whose roles do not grant the command, naming the roles it needs', async () => {
    await launched();
    const error = await spec
      .when('MakeCommitment', { ...commitment, partnerId: ANA.partnerId }, BO)
      .refused();
    expect(error).toBeInstanceOf(NotPermittedError);
    expect(error.message).toContain('partner_representative of city-hall');
  });

  it('answers someone outside the initiative as if it did not exist, and records nothing', async () => {
    await launched();
    const error = await spec
      .when('MakeCommitment', { ...commitment, partnerId: OUTSIDER.partnerId }, OUTSIDER)
      .refused();
    expect(error.code).toBe('COMMITMENT.INITIATIVE_NOT_FOUND');
    const unknown = await spec
      .when('MakeCommitment', { ...commitment, initiativeId: 'no-such-initiative' }, BO)
      .refused();
    expect(unknown.code).toBe(error.code);
  });

  it('a retried commandId with the same input returns the first receipt and records nothing new', async () => {
    await launched();
    const first = await spec.when('MakeCommitment', commitment, BO, { commandId: 'c-1' }).receipt();
    const retry = spec.when('MakeCommitment', commitment, BO, { commandId: 'c-1' });
    expect(await retry.recorded()).toEqual([]);
    expect(await retry.receipt()).toEqual({ ...first, duplicate: true });
  });

  it('a commandId reused with another input or for another command is refused', async () => {
    await launched();
    await spec.given(['MakeCommitment', commitment, BO, { commandId: 'c-1' }]);
    const otherInput = await spec
      .when('MakeCommitment', { ...commitment, description: 'changed' }, BO, { commandId: 'c-1' })
      .refused();
    expect(otherInput).toBeInstanceOf(CommandIdReusedError);
    expect((otherInput as CommandIdReusedError).usedFor).toBe('another input');
    const otherCommand = await spec
      .when('ReportProgress', { commitmentId: 'meals', percent: 10, note: 'n' }, BO, {
        commandId: 'c-1',
      })
      .refused();
    expect((otherCommand as CommandIdReusedError).usedFor).toBe('another command');
  });

  it('a retry is not answered to someone who may not run the command', async () => {
    await launched();
    await spec.given(['MakeCommitment', commitment, BO, { commandId: 'c-1' }]);
    const error = await spec
      .when('MakeCommitment', commitment, OUTSIDER, { commandId: 'c-1' })
      .refused();
    expect(error.code).toBe('COMMITMENT.INITIATIVE_NOT_FOUND');
  });

  it('an expectedRevision the stream has moved past is a conflict, and records nothing', async () => {
    await launched();
    await spec.given(
      ['MakeCommitment', commitment, BO],
      ['ReportProgress', { commitmentId: 'meals', percent: 10, note: 'started' }, BO],
    );
    const stale = await spec
      .when('ReportProgress', { commitmentId: 'meals', percent: 20, note: 'more' }, BO, {
        expectedRevision: 0,
      })
      .refused();
    expect(stale).toBeInstanceOf(ConcurrencyConflictError);
    const current = await spec
      .when('ReportProgress', { commitmentId: 'meals', percent: 20, note: 'more' }, BO, {
        expectedRevision: 1,
      })
      .recorded();
    expect(current.map((event) => event.type)).toEqual(['ProgressReported.v1']);
  });

  it('a revoked member cannot act by dating the command before the revocation', async () => {
    await launched();
    await spec.given([
      'RevokeRole',
      { initiativeId: INITIATIVE, assignmentId: 'rep-bo', reason: 'left' },
      ANA,
    ]);
    const error = await spec
      .when('MakeCommitment', commitment, BO, { occurredAt: '2026-02-01T00:00:00.000Z' })
      .refused();
    // Judged on the roster as recorded now: Bo holds no role, so the initiative reads as absent.
    expect(error.code).toBe('COMMITMENT.INITIATIVE_NOT_FOUND');
  });
});
