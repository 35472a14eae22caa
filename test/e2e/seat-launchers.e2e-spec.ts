import { type Actor } from '@accord/domain';
import { CommandExecutor } from '../../apps/api/src/ledger/command-executor';
import { CommandTable } from '../../apps/api/src/ledger/ledger-command';
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

  const table = () => app.app.get(CommandTable);
  const executor = () => app.app.get(CommandExecutor);
  const old = (commandId: string, actor: Actor) => ({
    commandId,
    correlationId: 'old',
    actor,
    occurredAt: LAUNCHED_AT,
  });

  /** Launches as a ledger did before launching seated the launcher: the launch event only. */
  const launchWithoutSeat = (initiativeId: string) =>
    executor().execute(table().row('LaunchInitiative'), {
      type: 'LaunchInitiative',
      data: { initiativeId, name: 'Old', problemStatement: 'p', commonAgenda: 'a' },
      envelope: old(`old-launch-${initiativeId}`, OLD_LAUNCHER),
    });

  /** A roster begun by other means (another person seated under another command id). */
  const seatSomeoneElse = (initiativeId: string) =>
    executor().execute(table().row('SeatLauncher'), {
      type: 'SeatLauncher',
      data: { initiativeId, assignmentId: `other-${initiativeId}` },
      envelope: old(`other-seat-${initiativeId}`, CITY_HALL),
    });

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
