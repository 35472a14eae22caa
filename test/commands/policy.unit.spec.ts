import { COMMAND_NAMES, mutationOf } from '@accord/domain';
import { CommandCaller, MUTATION_ROWS } from '../support/command-caller';
import {
  GROUPS,
  PERSONAS,
  permitted,
  POLICY_FIXTURES,
  setUpWorld,
  type World,
} from '../support/policy.fixtures';

/**
 * Every cell of the policy table: each mutation by every role held for the partner it concerns
 * and for another partner, by a member's person without a role, and by an outsider. Driven by
 * the table (POLICY) and one "how to call it" fixture per mutation, through the command path
 * (the mutation rows, every area's command table, the executor) on an in-memory ledger; the
 * answers are the API's (toGraphQLError). test/e2e/policy.e2e-spec.ts makes one call of each
 * kind through the HTTP API.
 */
describe('Who may do what: every cell of the policy table, through the command path', () => {
  let caller: CommandCaller;

  beforeAll(async () => {
    caller = await CommandCaller.open();
  });
  afterAll(() => caller.stop());

  it('knows how to call every mutation of the API, and the table names no other', () => {
    const mutations = Object.keys(caller.schema.getMutationType()!.getFields()).sort();
    expect(mutations).toEqual(COMMAND_NAMES.map(mutationOf).sort());
    expect([...MUTATION_ROWS.keys()].sort()).toEqual([...COMMAND_NAMES].sort());
    expect(Object.keys(POLICY_FIXTURES).sort()).toEqual([...COMMAND_NAMES].sort());
    expect(GROUPS.flatMap(([, commands]) => commands).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  describe.each(GROUPS)('%s', (group, commands) => {
    let world: World;

    beforeAll(async () => {
      world = await setUpWorld(caller, `policy-${group}`);
    });

    it.each(commands)(
      '%s: each permitted role succeeds, every other member is FORBIDDEN, and nothing is written',
      async (command) => {
        const fixture = POLICY_FIXTURES[command]!;
        const allowed = PERSONAS.filter((persona) => permitted(command, persona));
        const refused = PERSONAS.filter((persona) => !permitted(command, persona));
        expect(allowed.length).toBeGreaterThan(0);

        const variablesFor = await fixture.prepare(world);
        for (const persona of refused) {
          const before = await caller.eventCount();
          const res = await caller.gql(
            fixture.document,
            variablesFor(persona.actor),
            persona.actor,
          );
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
          expect(await caller.eventCount()).toBe(before);
        }
        for (const persona of allowed) {
          const variables = (await fixture.prepare(world))(persona.actor);
          const before = await caller.eventCount();
          const res = await caller.gql(fixture.document, variables, persona.actor);
          expect({ caller: persona.label, errors: res.errors ?? [] }).toEqual({
            caller: persona.label,
            errors: [],
          });
          expect(await caller.eventCount()).toBeGreaterThan(before);
        }
      },
    );
  });
});
