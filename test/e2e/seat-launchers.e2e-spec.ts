import { type Actor, initiativeDecider, rosterDecider } from '@accord/domain';
import { CommandExecutor } from '../../apps/api/src/ledger/command-executor';
import { FoldedStreams } from '../../apps/api/src/ledger/folded-streams';
import { initiativeStream, rosterStream } from '../../apps/api/src/ledger/streams';
import { cli } from '../support/cli';
import { expectNoErrors, launchWithPartners } from '../support/fixtures';
import { ROSTER } from '../support/roster.fixtures';
import { CITY_HALL, FEATURE_STORES, TestApp } from '../support/test-app';

const OLD_LAUNCHER: Actor = { personId: 'olu', partnerId: 'city-hall' };
const LAUNCHED_AT = '2021-03-04T10:00:00.000Z';

describe.each(FEATURE_STORES)('npm run accord -- seat-launchers, on %s', (store) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ store });
  });
  afterAll(() => app.stop());

  /** Launches as a ledger did before launching seated the launcher: the launch event only. */
  const launchWithoutSeat = (initiativeId: string) =>
    app.app.get(CommandExecutor).execute({
      commandType: 'LaunchInitiative',
      stream: initiativeStream(initiativeId),
      decider: initiativeDecider,
      envelope: {
        commandId: `old-launch-${initiativeId}`,
        correlationId: 'old',
        actor: OLD_LAUNCHER,
        occurredAt: LAUNCHED_AT,
      },
      subject: () => null,
      decide: (state) =>
        initiativeDecider.decide(
          {
            type: 'LaunchInitiative',
            actor: OLD_LAUNCHER,
            now: LAUNCHED_AT,
            data: { initiativeId, name: 'Old', problemStatement: 'p', commonAgenda: 'a' },
          },
          state,
        ),
    });

  /** A roster begun by other means (another person seated under another command id). */
  const seatSomeoneElse = async (initiativeId: string) => {
    await app.app.get(CommandExecutor).execute({
      commandType: 'SeatLauncher',
      stream: rosterStream(initiativeId),
      decider: rosterDecider,
      envelope: {
        commandId: `other-seat-${initiativeId}`,
        correlationId: 'old',
        actor: CITY_HALL,
        occurredAt: LAUNCHED_AT,
      },
      subject: () => null,
      decide: async (roster) =>
        rosterDecider.decide(
          {
            type: 'SeatLauncher',
            actor: CITY_HALL,
            now: LAUNCHED_AT,
            data: { initiativeId, assignmentId: `other-${initiativeId}` },
            initiative: await stateOf(initiativeId),
          },
          roster,
        ),
    });
  };
  const stateOf = (initiativeId: string) => app.app.get(FoldedStreams).initiative(initiativeId);

  it('seats the launcher of every initiative with an empty roster, once, and no other', async () => {
    await launchWithPartners(app, 'seated');
    await launchWithoutSeat('unseated');
    await launchWithoutSeat('rostered');
    await seatSomeoneElse('rostered');
    const hidden = await app.gql('{ initiative(id: "unseated") { name } }', {}, OLD_LAUNCHER);
    expect(hidden.errors?.[0]?.extensions.code).toBe('NOT_FOUND');

    const first = await cli(app, ['seat-launchers']);
    expect(first).toMatchObject({ code: 0 });
    expect(first.output.trim().split('\n')).toEqual([
      'seated: already seated',
      'unseated: seated',
      'rostered: has a roster',
    ]);

    const roster = await app.gql(ROSTER, { initiativeId: 'unseated' }, OLD_LAUNCHER);
    expectNoErrors(roster);
    expect(roster.data.roster).toEqual([
      expect.objectContaining({
        personId: 'olu',
        partnerId: 'city-hall',
        role: 'BACKBONE_STAFF',
        termStart: '2021-03-04',
      }),
    ]);

    const events = await app.eventCount();
    const again = await cli(app, ['seat-launchers']);
    expect(again.output).toContain('unseated: already seated');
    expect(await app.eventCount()).toBe(events);
  }, 120_000);
});
