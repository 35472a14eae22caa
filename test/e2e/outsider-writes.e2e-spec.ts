import Database from 'better-sqlite3';
import { join } from 'node:path';
import { type Actor, type CommandName, permissionOf } from '@accord/domain';
import { PROPOSE_DECISION } from '../support/decisions.operations';
import { expectNoErrors } from '../support/fixtures';
import {
  answerOf,
  missingCounterparts,
  mutationsOfSchema,
  NO_ROLE,
  OUTSIDER,
  replaceIds,
  stringsOf,
} from '../support/outsider.fixtures';
import { RELINQUISH_ROLE } from '../support/roster.fixtures';
import {
  BETA,
  GROUPS,
  holder,
  PERSONAS,
  permitted,
  POLICY_FIXTURES,
  setUpWorld,
  type World,
} from '../support/policy.fixtures';
import { TestApp } from '../support/test-app';

/** The member who runs each command first: the last persona with a role the policy lets run it. */
function ownerOf(command: CommandName): Actor {
  const owners = PERSONAS.filter((p) => p.role !== null && permitted(command, p));
  return owners[owners.length - 1]!.actor;
}

/** Commands whose target is an initiative's entity (the others launch one, or are about people). */
const aboutAnInitiative = (command: CommandName) => permissionOf(command).who !== 'anyone';

/**
 * Every mutation, through the command path: test/commands/outsider-writes.unit.spec.ts. Here, one
 * about an initiative's entity and one about people, through the HTTP API.
 */
const THROUGH_HTTP: ReadonlyArray<[string, CommandName[]]> = [
  ['commitments', ['ReviseCommitment']],
  ['people', ['RegisterPerson']],
];

/**
 * What someone who may not see an initiative learns by writing to it: nothing. A mutation is
 * run first by a member, then by an outsider and by a member partner's person with
 * no role, replaying the member's commandId and trying every other way a write answers (a new
 * command, a stale expectedRevision, a commandId used for another command there), against the
 * hidden entity and against ids nobody recorded; the two answers must be the same, and nothing is
 * written. SQLite: the write path is the same on every store (the conformance suite holds them
 * equal).
 */
describe('Writes tell an outsider nothing of a hidden initiative, on sqlite', () => {
  let app: TestApp;
  let log: Database.Database;
  let schema: Awaited<ReturnType<typeof mutationsOfSchema>>;
  const eventCount = () =>
    (log.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;

  beforeAll(async () => {
    app = await TestApp.start({ store: 'sqlite' });
    log = new Database(join(app.storage.dir, 'accord.db'), { readonly: true, fileMustExist: true });
    schema = await mutationsOfSchema(app);
  });
  afterAll(async () => {
    log.close();
    await app.stop();
  });

  it('covers every mutation of the schema', () => {
    const tested = GROUPS.flatMap(([, commands]) => commands).sort();
    expect(schema.map((m) => m.command).sort()).toEqual(tested);
    for (const { command } of schema) expect(POLICY_FIXTURES[command]).toBeDefined();
  });

  it('a mutation shows no more than a query: after stepping down from their last role, the entity is null beside the receipt', async () => {
    const world = await setUpWorld(app, 'oracle-last-role');
    const observer = holder('observer', BETA);
    const res = await app.gql(
      RELINQUISH_ROLE,
      {
        input: {
          initiativeId: world.initiativeId,
          assignmentId: world.assignmentOf(observer),
          reason: 'moving on',
        },
      },
      observer,
    );
    expectNoErrors(res);
    expect(res.data.relinquishRole.receipt.duplicate).toBe(false);
    expect(res.data.relinquishRole.assignment).toBeNull();
    expect(res.extensions?.redacted).toEqual([
      expect.objectContaining({
        path: ['relinquishRole', 'assignment'],
        field: 'RoleAssignmentPayload.assignment',
      }),
    ]);
    const read = await app.gql(
      '{ roleAssignments(initiativeId: "oracle-last-role") { assignmentId } }',
      {},
      observer,
    );
    expect(read.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  describe.each(THROUGH_HTTP)('%s', (group, commands) => {
    let world: World;
    /** A commandId already used in the hidden initiative, for another command. */
    const otherCommandId = `oracle-${group}-propose`;

    beforeAll(async () => {
      world = await setUpWorld(app, `oracle-${group}`);
      expectNoErrors(
        await app.gql(
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
        const { inputFields } = schema.find((m) => m.command === command)!;
        const fixture = POLICY_FIXTURES[command]!;
        const owner = ownerOf(command);
        const input = (await fixture.prepare(world))(owner).input as Record<string, unknown>;
        const ownerCommandId = `oracle-${group}-${command}`;
        const first = await app.gql(
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
          const before = eventCount();
          const replayed = await app.gql(fixture.document, { input: replay }, outsider);
          expect(eventCount()).toBe(before);
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
            const hidden = await app.gql(
              fixture.document,
              { input: { ...input, ...extra } },
              outsider,
            );
            const absent = await app.gql(
              fixture.document,
              { input: { ...replaceIds(input, missing), ...extra } },
              outsider,
            );
            expect(eventCount()).toBe(before);
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
