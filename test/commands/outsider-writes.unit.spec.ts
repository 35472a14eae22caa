import { type Actor, type CommandName, permissionOf } from '@accord/domain';
import { CommandCaller } from '../support/command-caller';
import { PROPOSE_DECISION } from '../support/decisions.operations';
import { expectNoErrors } from '../support/fixtures';
import {
  answerOf,
  missingCounterparts,
  NO_ROLE,
  OUTSIDER,
  replaceIds,
  stringsOf,
} from '../support/outsider.fixtures';
import {
  GROUPS,
  holder,
  PERSONAS,
  permitted,
  POLICY_FIXTURES,
  setUpWorld,
  type World,
} from '../support/policy.fixtures';

/** The member who runs each command first: the last persona with a role the policy lets run it. */
function ownerOf(command: CommandName): Actor {
  const owners = PERSONAS.filter((p) => p.role !== null && permitted(command, p));
  return owners[owners.length - 1]!.actor;
}

/** Commands whose target is an initiative's entity (the others launch one, or are about people). */
const aboutAnInitiative = (command: CommandName) => permissionOf(command).who !== 'anyone';

/**
 * What someone who may not see an initiative learns by writing to it: nothing. Every mutation is
 * run first by a member, then by an outsider and by a member partner's person with no role,
 * replaying the member's commandId and trying every other way a write answers (a new command, a
 * stale expectedRevision, a commandId used for another command there), against the hidden entity
 * and against ids nobody recorded; the two answers (the API's errors, toGraphQLError) must be the
 * same, tell nothing the member learnt (their receipt and the events they appended), and nothing
 * is written. Through the command path on an in-memory ledger; test/e2e/outsider-writes.e2e-spec.ts
 * makes such calls through the HTTP API.
 */
describe('Writes tell an outsider nothing of a hidden initiative, through the command path', () => {
  let caller: CommandCaller;

  beforeAll(async () => {
    caller = await CommandCaller.open();
  });
  afterAll(() => caller.stop());

  describe.each(GROUPS)('%s', (group, commands) => {
    let world: World;
    /** A commandId already used in the hidden initiative, for another command. */
    const otherCommandId = `oracle-${group}-propose`;

    beforeAll(async () => {
      world = await setUpWorld(caller, `oracle-${group}`);
      expectNoErrors(
        await caller.gql(
          PROPOSE_DECISION,
          {
            input: {
              commandId: otherCommandId,
              initiativeId: world.initiativeId,
              title: 'Motion',
              motion: 'm',
              rationale: 'r',
            },
          },
          holder('chair'),
        ),
      );
    });

    it.each(commands)(
      '%s: a replayed commandId, and every other write, answers as for an id that does not exist',
      async (command) => {
        const inputFields = caller.inputFieldsOf(command);
        const fixture = POLICY_FIXTURES[command]!;
        const owner = ownerOf(command);
        const input = (await fixture.prepare(world))(owner).input as Record<string, unknown>;
        const ownerCommandId = `oracle-${group}-${command}`;
        const first = await caller.gql(
          fixture.document,
          { input: { ...input, commandId: ownerCommandId } },
          owner,
        );
        expectNoErrors(first);
        // What the member's answer told them, beyond what the outsider sends anyway.
        const sent = JSON.stringify({ ...input, commandId: ownerCommandId });
        const secrets = stringsOf(first.data).filter(
          (text) => text.length >= 8 && !sent.includes(text) && !/^[A-Z_]+$/.test(text),
        );

        for (const outsider of [OUTSIDER, NO_ROLE]) {
          // The replay the issue names: someone else's commandId, with their input.
          const replay = {
            ...input,
            commandId: ownerCommandId,
            ...(inputFields.has('personId') && !aboutAnInitiative(command)
              ? { personId: owner.personId }
              : {}),
          };
          const before = await caller.eventCount();
          const replayed = await caller.gql(fixture.document, { input: replay }, outsider);
          expect(await caller.eventCount()).toBe(before);
          expect({ outsider, data: replayed.data ?? null }).toEqual({ outsider, data: null });
          expect(replayed.errors?.[0]?.extensions.code).toMatch(
            /^(NOT_FOUND|DOMAIN_RULE_VIOLATED|CONFLICT)$/,
          );
          const text = JSON.stringify(replayed);
          expect({ outsider, told: secrets.filter((secret) => text.includes(secret)) }).toEqual({
            outsider,
            told: [],
          });
          expect(text).not.toMatch(/rolesNeeded|actualRevision|duplicate/);

          if (!aboutAnInitiative(command)) {
            expect(replayed.errors?.[0]?.extensions).toMatchObject({
              code: 'CONFLICT',
              rule: 'COMMAND_ID_REUSED',
            });
            continue;
          }
          const missing = missingCounterparts(input);
          const variants: Record<string, Record<string, unknown>> = {
            'the member’s commandId': { commandId: ownerCommandId },
            'a new commandId': { commandId: `${ownerCommandId}-new-${outsider.personId}` },
            'a commandId used there for another command': { commandId: otherCommandId },
            ...(inputFields.has('expectedRevision')
              ? { 'a stale expectedRevision': { expectedRevision: 0 } }
              : {}),
          };
          for (const [variant, extra] of Object.entries(variants)) {
            const hidden = await caller.gql(
              fixture.document,
              { input: { ...input, ...extra } },
              outsider,
            );
            const absent = await caller.gql(
              fixture.document,
              { input: { ...replaceIds(input, missing), ...extra } },
              outsider,
            );
            expect(await caller.eventCount()).toBe(before);
            expect({ outsider, variant, answer: replaceIds(answerOf(hidden), missing) }).toEqual({
              outsider,
              variant,
              answer: answerOf(absent),
            });
            expect(hidden.errors?.[0]?.extensions.code).toMatch(
              /^(NOT_FOUND|DOMAIN_RULE_VIOLATED)$/,
            );
          }
        }
      },
    );
  });
});
