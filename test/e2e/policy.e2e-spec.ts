import Database from 'better-sqlite3';
import { join } from 'node:path';
import { COMMAND_NAMES, type CommandName, mutationOf } from '@accord/domain';
import { expectNoErrors } from '../support/fixtures';
import { LAUNCH } from '../support/operations';
import {
  GROUPS,
  LAUNCHER,
  PERSONAS,
  permitted,
  POLICY_FIXTURES,
  setUpWorld,
  type World,
} from '../support/policy.fixtures';
import { ROLE_ASSIGNMENTS } from '../support/roster.fixtures';
import { TestApp } from '../support/test-app';

/**
 * The policy table through the HTTP API: every cell of it runs through the command path in
 * test/commands/policy.unit.spec.ts (the same fixtures, ~1 000 calls); here, a command a
 * partner's people may run and one the initiative's steering members may, each by every persona
 * (allowed, FORBIDDEN, or answered NOT_FOUND), prove the API answers those cells the same way.
 * SQLite only: the check reads the roster through the event-store port, which the conformance
 * suite holds equal on both stores.
 */
const THROUGH_HTTP: ReadonlyArray<[string, CommandName[]]> = [
  ['commitments', ['MakeCommitment', 'AcceptCommitment']],
];

describe('Who may do what: every cell of the policy table, on sqlite', () => {
  let app: TestApp;
  let log: Database.Database;
  /** app.eventCount(), counted in SQL on one open connection: it runs twice per call below. */
  const eventCount = () =>
    (log.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;

  beforeAll(async () => {
    app = await TestApp.start({ store: 'sqlite' });
    log = new Database(join(app.storage.dir, 'accord.db'), { readonly: true, fileMustExist: true });
  });
  afterAll(async () => {
    log.close();
    await app.stop();
  });

  it('counts the events the app counts', async () => {
    expectNoErrors(
      await app.gql(
        LAUNCH,
        { input: { name: 'n', problemStatement: 'p', commonAgenda: 'a' } },
        LAUNCHER,
      ),
    );
    expect(eventCount()).toBe(await app.eventCount());
    expect(eventCount()).toBeGreaterThan(0);
  });

  it('knows how to call every mutation of the schema, and the table names no other', async () => {
    const schema = await app.gql('{ __schema { mutationType { fields { name } } } }');
    expectNoErrors(schema);
    const mutations = (schema.data.__schema.mutationType.fields as { name: string }[])
      .map((f) => f.name)
      .sort();
    expect(mutations).toEqual(COMMAND_NAMES.map(mutationOf).sort());
    expect(Object.keys(POLICY_FIXTURES).sort()).toEqual([...COMMAND_NAMES].sort());
    expect(GROUPS.flatMap(([, commands]) => commands).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('makes the launcher backbone staff from the day of the launch, once however often retried', async () => {
    const input = {
      initiativeId: 'seated',
      name: 'Seated',
      problemStatement: 'p',
      commonAgenda: 'a',
      commandId: 'launch-seated',
      occurredAt: '2026-02-03T10:00:00.000Z',
    };
    expectNoErrors(await app.gql(LAUNCH, { input }, LAUNCHER));
    const events = eventCount();
    const retried = await app.gql(LAUNCH, { input }, LAUNCHER);
    expectNoErrors(retried);
    expect(retried.data.launchInitiative.receipt.duplicate).toBe(true);
    expect(eventCount()).toBe(events);
    const roster = await app.gql(ROLE_ASSIGNMENTS, { initiativeId: 'seated' }, LAUNCHER);
    expectNoErrors(roster);
    expect(roster.data.roleAssignments).toEqual([
      expect.objectContaining({
        personId: 'launcher',
        partnerId: 'backbone',
        role: 'BACKBONE_STAFF',
        termStart: '2026-02-03',
        termEnd: null,
        status: 'ASSIGNED',
      }),
    ]);
  });

  describe.each(THROUGH_HTTP)('%s', (group, commands) => {
    let world: World;

    beforeAll(async () => {
      world = await setUpWorld(app, `policy-${group}`);
    });

    it.each(commands)(
      '%s: each permitted role succeeds, every other member is FORBIDDEN, and nothing is written',
      async (command) => {
        const fixture = POLICY_FIXTURES[command];
        if (!fixture) {
          throw new Error(
            `no fixture says how to call ${mutationOf(command)}: add one to test/support/policy.fixtures.ts`,
          );
        }
        const allowed = PERSONAS.filter((persona) => permitted(command, persona));
        const refused = PERSONAS.filter((persona) => !permitted(command, persona));
        expect(allowed.length).toBeGreaterThan(0);

        const variablesFor = await fixture.prepare(world);
        for (const persona of refused) {
          const before = eventCount();
          const res = await app.gql(fixture.document, variablesFor(persona.actor), persona.actor);
          if (persona.role === null) {
            // Holding no role, they may not see the initiative: answered as for one that does
            // not exist (test/commands/outsider-writes.unit.spec.ts compares the two answers).
            expect({ caller: persona.label, code: res.errors?.[0]?.extensions.code }).toEqual({
              caller: persona.label,
              code: expect.stringMatching(/^(NOT_FOUND|DOMAIN_RULE_VIOLATED)$/),
            });
          } else {
            expect({ caller: persona.label, error: res.errors?.[0]?.extensions }).toMatchObject({
              caller: persona.label,
              error: { code: 'FORBIDDEN', mutation: mutationOf(command), actor: persona.actor },
            });
            expect(res.errors?.[0]?.extensions.rolesNeeded.length).toBeGreaterThan(0);
          }
          expect(eventCount()).toBe(before);
        }
        for (const persona of allowed) {
          const variables = (await fixture.prepare(world))(persona.actor);
          const before = eventCount();
          const res = await app.gql(fixture.document, variables, persona.actor);
          expect({ caller: persona.label, errors: res.errors ?? [] }).toEqual({
            caller: persona.label,
            errors: [],
          });
          expect(eventCount()).toBeGreaterThan(before);
        }
      },
    );
  });
});
