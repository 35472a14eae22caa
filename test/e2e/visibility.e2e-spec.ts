import type { Actor } from '@accord/domain';
import { type Client } from 'graphql-ws';
import type { AddressInfo } from 'node:net';
import { expectNoErrors } from '../support/fixtures';
import { DRAFT_AGREEMENT, SIGN_AGREEMENT } from '../support/agreements.operations';
import { REGISTER_PERSON } from '../support/people.operations';
import {
  ALPHA,
  BETA,
  holder,
  LAUNCHER,
  MAKE_IN_WORLD,
  permitted,
  PERSONAS,
  POLICY_FIXTURES,
  setUpWorld,
  type World,
} from '../support/policy.fixtures';
import { REVOKE_ROLE } from '../support/roster.fixtures';
import {
  MATERIALISE_RISK,
  PLAN_MITIGATION,
  SHARE_RISK,
} from '../support/risks-benefits.operations';
import { type GraphqlResponse, ALL_STORES, TestApp } from '../support/test-app';
import { Subscriber, wsClient } from '../support/ws-subscriber';

const OUTSIDER: Actor = { personId: 'zed', partnerId: 'elsewhere' };
const NO_ROLE: Actor = { personId: 'nobody.alpha', partnerId: ALPHA };
/** Of beta: the data the tests read is alpha's, which alpha's own people always see. */
const OBSERVER = holder('observer', BETA);
const EVALUATOR = holder('evaluator', BETA);
const ALPHA_REPRESENTATIVE = holder('partner_representative', ALPHA);
const BETA_REPRESENTATIVE = holder('partner_representative', BETA);

interface Ids {
  initiativeId: string;
  commitmentId: string;
  decisionId: string;
  meetingId: string;
  agreementId: string;
  indicatorId: string;
  riskId: string;
  poolId: string;
  assignmentId: string;
  personId: string;
}

/** One read per root query of the schema: `hidden` says what a reader who may not see gets. */
interface Read {
  document: string;
  variables: (ids: Ids) => Record<string, unknown>;
  /** NOT_FOUND, or an answer that leaves the initiative out. */
  hidden: 'NOT_FOUND' | ((data: any, ids: Ids) => void);
}

/**
 * What a reader who may see gets: an answer, not null; a list or page that is not empty; and,
 * read by id, the entity with that id.
 */
function expectSeen(answer: unknown, variables: Record<string, unknown>): void {
  expect(answer ?? null).not.toBeNull();
  const items = Array.isArray(answer) ? answer : [answer];
  expect(items.length).toBeGreaterThan(0);
  for (const item of items as Record<string, unknown>[]) {
    for (const count of ['totalCount', 'eventCount'])
      if (count in item) expect(item[count]).toBeGreaterThan(0);
  }
  for (const key of ['id', 'personId'])
    if (typeof variables[key] === 'string')
      expect(JSON.stringify(answer)).toContain(`"${variables[key]}"`);
}

const notFound = 'NOT_FOUND' as const;
const byId = (field: string, key: keyof Ids, select: string): Read => ({
  document: `query($id: ID!) { ${field}(id: $id) { ${select} } }`,
  variables: (ids) => ({ id: ids[key] }),
  hidden: notFound,
});
const ofInitiative = (field: string, select: string, extra = ''): Read => ({
  document: `query($initiativeId: ID!) { ${field}(initiativeId: $initiativeId${extra}) { ${select} } }`,
  variables: (ids) => ({ initiativeId: ids.initiativeId }),
  hidden: notFound,
});

const READS: Record<string, Read> = {
  initiative: byId('initiative', 'initiativeId', 'initiativeId name'),
  initiatives: {
    document: '{ initiatives(first: 100) { totalCount edges { node { initiativeId } } } }',
    variables: () => ({}),
    hidden: (data, ids) =>
      expect(data.initiatives.edges.map((e: any) => e.node.initiativeId)).not.toContain(
        ids.initiativeId,
      ),
  },
  commitment: byId('commitment', 'commitmentId', 'commitmentId'),
  commitments: {
    document: `query($initiativeId: ID) { commitments(filter: { initiativeId: $initiativeId }) { totalCount } }`,
    variables: (ids) => ({ initiativeId: ids.initiativeId }),
    hidden: notFound,
  },
  decision: byId('decision', 'decisionId', 'decisionId'),
  decisions: ofInitiative('decisions', 'totalCount'),
  meeting: byId('meeting', 'meetingId', 'meetingId'),
  meetings: ofInitiative('meetings', 'totalCount'),
  agreement: byId('agreement', 'agreementId', 'agreementId'),
  agreements: ofInitiative('agreements', 'totalCount'),
  indicator: byId('indicator', 'indicatorId', 'indicatorId'),
  indicators: ofInitiative('indicators', 'totalCount'),
  risk: byId('risk', 'riskId', 'riskId'),
  riskRegister: ofInitiative('riskRegister', 'totalCount'),
  benefitPool: byId('benefitPool', 'poolId', 'poolId'),
  benefitPools: ofInitiative('benefitPools', 'totalCount'),
  roster: ofInitiative('roster', 'assignmentId'),
  roleAssignments: ofInitiative('roleAssignments', 'assignmentId'),
  roleAssignment: byId('roleAssignment', 'assignmentId', 'assignmentId'),
  accountability: ofInitiative('accountability', 'initiativeId'),
  changes: ofInitiative(
    'changes',
    'eventCount',
    ', from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z"',
  ),
  history: {
    document: 'query($entityId: ID!) { history(entityId: $entityId) { type } }',
    variables: (ids) => ({ entityId: ids.commitmentId }),
    hidden: notFound,
  },
  person: {
    document: 'query($personId: ID!) { person(personId: $personId) { personId name } }',
    variables: (ids) => ({ personId: ids.personId }),
    hidden: notFound,
  },
  people: {
    document: 'query($initiativeId: ID) { people(initiativeId: $initiativeId) { personId } }',
    variables: (ids) => ({ initiativeId: ids.initiativeId }),
    hidden: notFound,
  },
};
/** Root queries about the ledger as a whole (who may verify what: ledger-status.e2e-spec). */
const LEDGER_WIDE = ['projections', 'verifyLedger'];
/**
 * Read per tree, not per entity: transparency.e2e-spec.ts asks each of them, as a member and as
 * an outsider, about a hidden initiative and one that does not exist, and compares the answers.
 */
const CHECKED_IN_TRANSPARENCY = [
  'consistencyProof',
  'inclusionProof',
  'logCheckpoint',
  'witnessCoverage',
];

async function holdMeeting(w: World): Promise<string> {
  const fixture = POLICY_FIXTURES.HoldMeeting!;
  const caller = PERSONAS.find((p) => permitted('HoldMeeting', p))!.actor;
  const variables = (await fixture.prepare(w))(caller);
  const res = await w.app.gql(fixture.document, variables, caller);
  expectNoErrors(res);
  return res.data.holdMeeting.meeting.meetingId as string;
}

/** Drafts a data-sharing agreement naming these roles, and has both parties sign it. */
async function shareConfidentialWith(w: World, roles: string[]): Promise<string> {
  const data = await w.run(
    DRAFT_AGREEMENT,
    {
      initiativeId: w.initiativeId,
      kind: 'DATA_SHARING',
      title: 'Data-sharing agreement',
      parties: [ALPHA, BETA],
      text: `Shared with ${roles.join(', ')} (${w.next()})`,
      sharesConfidentialWith: roles,
    },
    holder('backbone_staff'),
  );
  const agreementId = data.draftAgreement.agreement.agreementId as string;
  for (const partnerId of [ALPHA, BETA])
    await w.run(
      SIGN_AGREEMENT,
      { agreementId, partnerId, version: 1 },
      holder('signatory', partnerId),
    );
  return agreementId;
}

const COMMITMENT_MONEY = `query($id: ID!) {
  commitment(id: $id) { commitmentId partnerId resources { money { amount currency } hours } }
}`;
const RISK_DETAILS = `query($id: ID!) {
  risk(id: $id) { riskId title description mitigations { description } ownerPartnerId }
}`;
const HISTORY = 'query($entityId: ID!) { history(entityId: $entityId) { type data } }';

describe.each(ALL_STORES)('Who sees what, on %s', (store) => {
  let app: TestApp;
  let w: World;
  let ids: Ids;
  let hiddenWorld: World;

  beforeAll(async () => {
    app = await TestApp.start({ store });
    w = await setUpWorld(app, 'seen');
    const commitmentId = await MAKE_IN_WORLD.commitment(w, {
      resources: { money: { amount: '25000.00', currency: 'USD' }, hours: 40 },
    });
    const riskId = await MAKE_IN_WORLD.risk(w);
    await w.run(
      PLAN_MITIGATION,
      { riskId, description: 'Apply to a second funder', commitmentIds: [] },
      holder('backbone_staff'),
    );
    await w.run(
      REGISTER_PERSON,
      { personId: 'pat', initiativeId: w.initiativeId, name: 'Pat Doe', email: 'pat@example.org' },
      LAUNCHER,
    );
    ids = {
      initiativeId: w.initiativeId,
      commitmentId,
      decisionId: await MAKE_IN_WORLD.propose(w),
      meetingId: await holdMeeting(w),
      agreementId: await MAKE_IN_WORLD.agreement(w),
      indicatorId: await MAKE_IN_WORLD.indicator(w),
      riskId,
      poolId: await MAKE_IN_WORLD.pool(w, false),
      assignmentId: w.assignmentOf(OBSERVER),
      personId: 'pat',
    };
    // A second initiative with the same members: each member sees both, the outsider neither.
    hiddenWorld = await setUpWorld(app, 'other');
  }, 180_000);
  afterAll(() => app.stop());

  const read = (name: string, actor: Actor): Promise<GraphqlResponse> =>
    app.gql(READS[name]!.document, READS[name]!.variables(ids), actor);

  it('has a read for every root query, so none can be left unchecked', async () => {
    const res = await app.gql('{ __schema { queryType { fields { name } } } }');
    expectNoErrors(res);
    const fields = (res.data.__schema.queryType.fields as { name: string }[]).map((f) => f.name);
    expect([...Object.keys(READS), ...LEDGER_WIDE, ...CHECKED_IN_TRANSPARENCY].sort()).toEqual(
      fields.sort(),
    );
  });

  describe.each(Object.keys(READS))('%s', (name) => {
    it('answers members and observers, with the entity or the initiative in the answer', async () => {
      for (const actor of [OBSERVER, EVALUATOR, ALPHA_REPRESENTATIVE]) {
        const res = await read(name, actor);
        expectNoErrors(res);
        expectSeen(res.data[name], READS[name]!.variables(ids));
        if (typeof READS[name]!.hidden === 'function')
          expect(JSON.stringify(res.data)).toContain(ids.initiativeId);
      }
    });

    it.each([
      ['an outsider', OUTSIDER],
      ['a person of a member partner who holds no role', NO_ROLE],
    ])('hides the initiative from %s, at any point in time too', async (_label, actor) => {
      const hidden = READS[name]!.hidden;
      for (const point of [undefined, 'asOf: "2030-01-01T00:00:00Z"']) {
        const document = point
          ? READS[name]!.document.replace(/(\{ \w+)\(/, `$1(${point}, `)
          : READS[name]!.document;
        const res = await app.gql(document, READS[name]!.variables(ids), actor);
        if (hidden === notFound) {
          expect(res.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
          expect(res.data?.[name] ?? null).toBeNull();
        } else {
          expectNoErrors(res);
          hidden(res.data, ids);
        }
      }
    });
  });

  it('counts a seat only for the partner it is for: signed in for another member partner, its holder sees nothing', async () => {
    // Holds an observer seat for beta; the token names alpha, a member too, for which it holds none.
    const forAlpha: Actor = { personId: OBSERVER.personId, partnerId: ALPHA };
    expectNoErrors(await read('initiative', OBSERVER));
    const initiative = await read('initiative', forAlpha);
    expect(initiative.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect(initiative.data?.initiative ?? null).toBeNull();
    const listed = await read('initiatives', forAlpha);
    expectNoErrors(listed);
    expect(listed.data.initiatives.edges.map((e: any) => e.node.initiativeId)).not.toContain(
      ids.initiativeId,
    );
  });

  it('says NOT_FOUND for a hidden initiative exactly as for one that does not exist', async () => {
    const hidden = await app.gql(READS.initiative!.document, { id: ids.initiativeId }, OUTSIDER);
    const missing = await app.gql(READS.initiative!.document, { id: 'no-such-thing' }, OUTSIDER);
    expect(hidden.errors?.[0]?.message).toBe(`initiative ${ids.initiativeId} does not exist`);
    expect(missing.errors?.[0]?.message).toBe('initiative no-such-thing does not exist');
    expect(hidden.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      entity: 'initiative',
    });
  });

  it('lists only the initiatives the reader is a member or observer of', async () => {
    const list = async (actor: Actor) =>
      ((await read('initiatives', actor)).data.initiatives.edges as any[]).map(
        (e) => e.node.initiativeId,
      );
    expect(await list(OBSERVER)).toEqual(['seen', 'other']);
    expect(await list(OUTSIDER)).toEqual([]);
    const total = await app.gql('{ commitments { totalCount } }', {}, OUTSIDER);
    expect(total.data.commitments.totalCount).toBe(0);
    expect(hiddenWorld.initiativeId).toBe('other');
  });

  it('stops showing the initiative once the reader’s role is revoked', async () => {
    const leaving = holder('working_group_lead', BETA);
    expectNoErrors(await read('initiative', leaving));
    await w.run(
      REVOKE_ROLE,
      { initiativeId: w.initiativeId, assignmentId: w.assignmentOf(leaving), reason: 'left' },
      LAUNCHER,
    );
    expect((await read('initiative', leaving)).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  describe('confidential fields', () => {
    const money = (res: GraphqlResponse) => res.data.commitment.resources;
    const redacted = (res: any) => res.extensions?.redacted ?? [];

    it('are null with the reason in extensions for roles no data-sharing agreement names', async () => {
      const res: any = await app.gql(COMMITMENT_MONEY, { id: ids.commitmentId }, OBSERVER);
      expectNoErrors(res);
      expect(res.data.commitment.partnerId).toBe(ALPHA);
      expect(money(res)).toBeNull();
      expect(redacted(res)).toEqual([
        expect.objectContaining({
          path: ['commitment', 'resources'],
          field: 'Commitment.resources',
          initiativeId: ids.initiativeId,
          reason: expect.stringContaining('confidential'),
        }),
      ]);
      const risk: any = await app.gql(RISK_DETAILS, { id: ids.riskId }, BETA_REPRESENTATIVE);
      expect(risk.data.risk).toMatchObject({
        title: expect.any(String),
        description: null,
        mitigations: null,
      });
      expect(
        redacted(risk)
          .map((r: any) => r.field)
          .sort(),
      ).toEqual(['Risk.description', 'Risk.mitigations']);
    });

    it('are shown to the partner whose data they are', async () => {
      const res: any = await app.gql(
        COMMITMENT_MONEY,
        { id: ids.commitmentId },
        ALPHA_REPRESENTATIVE,
      );
      expect(money(res)).toEqual({ money: { amount: '25000.00', currency: 'USD' }, hours: 40 });
      expect(res.extensions?.redacted).toBeUndefined();
      const risk: any = await app.gql(RISK_DETAILS, { id: ids.riskId }, ALPHA_REPRESENTATIVE);
      expect(risk.data.risk.description).toBe('Funding may lapse');
    });

    it('are withheld from event data in history too, key by key', async () => {
      const res: any = await app.gql(HISTORY, { entityId: ids.commitmentId }, OBSERVER);
      expectNoErrors(res);
      const made = JSON.parse(res.data.history[0].data);
      expect(res.data.history[0].type).toBe('CommitmentMade.v1');
      expect(made.resources).toBeNull();
      expect(made.description).toEqual(expect.stringContaining('Deliver'));
      expect(redacted(res)[0]).toMatchObject({ keys: ['resources'], path: ['history', 0, 'data'] });
    });

    it('are shown in history to the partners whose risk it is, as in the register', async () => {
      const riskId = await MAKE_IN_WORLD.risk(w);
      const staff = holder('backbone_staff');
      await w.run(
        PLAN_MITIGATION,
        { riskId, description: 'Apply to a second funder', commitmentIds: [] },
        staff,
      );
      const descriptions = async (actor: Actor) => {
        const res: any = await app.gql(HISTORY, { entityId: riskId }, actor);
        expectNoErrors(res);
        const described = (res.data.history as Array<{ type: string; data: string }>)
          .map((event) => [event.type, JSON.parse(event.data)] as const)
          .filter(([, data]) => 'description' in data);
        return {
          shown: described.map(([type, data]) => [type, data.description]),
          // Resolved concurrently: sorted, not in response order.
          redacted: redacted(res)
            .map((r: any) => r.field)
            .sort(),
        };
      };
      expect(await descriptions(BETA_REPRESENTATIVE)).toEqual({
        shown: [
          ['RiskIdentified.v1', null],
          ['MitigationPlanned.v1', null],
        ],
        redacted: ['MitigationPlanned.v1 data', 'RiskIdentified.v1 data'],
      });
      await w.run(
        SHARE_RISK,
        {
          riskId,
          shares: [
            { partnerId: ALPHA, percent: '60' },
            { partnerId: BETA, percent: '40' },
          ],
        },
        staff,
      );
      await w.run(MATERIALISE_RISK, { riskId, description: 'The grant lapsed' }, staff);
      for (const owner of [ALPHA_REPRESENTATIVE, BETA_REPRESENTATIVE]) {
        const register: any = await app.gql(RISK_DETAILS, { id: riskId }, owner);
        expect(register.data.risk.description).toBe('Funding may lapse');
        expect(await descriptions(owner)).toEqual({
          shown: [
            ['RiskIdentified.v1', 'Funding may lapse'],
            ['MitigationPlanned.v1', 'Apply to a second funder'],
            ['RiskMaterialised.v1', 'The grant lapsed'],
          ],
          redacted: [],
        });
      }
    });

    it('are shown, in queries, history and time travel, to the roles a data-sharing agreement in force names', async () => {
      const agreementId = await shareConfidentialWith(w, ['OBSERVER', 'EVALUATOR']);
      const agreement = await app.gql(
        'query($id: ID!) { agreement(id: $id) { status sharesConfidentialWith } }',
        { id: agreementId },
        OBSERVER,
      );
      expect(agreement.data.agreement).toEqual({
        status: 'IN_FORCE',
        sharesConfidentialWith: ['OBSERVER', 'EVALUATOR'],
      });
      for (const actor of [OBSERVER, EVALUATOR]) {
        const res: any = await app.gql(COMMITMENT_MONEY, { id: ids.commitmentId }, actor);
        expect(money(res)).toEqual({ money: { amount: '25000.00', currency: 'USD' }, hours: 40 });
        const history: any = await app.gql(HISTORY, { entityId: ids.commitmentId }, actor);
        expect(JSON.parse(history.data.history[0].data).resources.money.amountMinor).toBe(
          '2500000',
        );
      }
      // Who may read is judged now, whatever moment the query reads at.
      const travelled: any = await app.gql(
        COMMITMENT_MONEY.replace(
          'commitment(id: $id)',
          'commitment(id: $id, asOf: "2030-01-01T00:00:00Z")',
        ),
        { id: ids.commitmentId },
        OBSERVER,
      );
      expect(money(travelled).money.amount).toBe('25000.00');
      // Roles the agreement does not name still read null.
      const other: any = await app.gql(
        COMMITMENT_MONEY,
        { id: ids.commitmentId },
        BETA_REPRESENTATIVE,
      );
      expect(money(other)).toBeNull();
      expect(redacted(other)[0].reason).toContain(agreementId);
    });

    it('rejects confidential roles on an agreement that is not about data sharing, and writes nothing', async () => {
      const before = await app.eventCount();
      const res = await app.gql(
        DRAFT_AGREEMENT,
        {
          input: {
            initiativeId: w.initiativeId,
            kind: 'MOU',
            title: 'Memorandum',
            parties: [ALPHA, BETA],
            text: 'Text',
            sharesConfidentialWith: ['OBSERVER'],
          },
        },
        holder('backbone_staff'),
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'DOMAIN_RULE_VIOLATED',
        rule: 'AGREEMENT.CONFIDENTIAL_ONLY_IN_DATA_SHARING',
        field: 'sharesConfidentialWith',
      });
      expect(await app.eventCount()).toBe(before);
    });
  });

  describe('live updates', () => {
    let url: string;
    const clients: Client[] = [];
    beforeAll(async () => {
      await app.app.listen(0, '127.0.0.1');
      const { port } = app.app.getHttpServer().address() as AddressInfo;
      url = `ws://127.0.0.1:${port}/graphql`;
    });
    afterAll(() => {
      for (const client of clients) void client.dispose();
    });
    const subscribe = async (actor: Actor) => {
      const client = wsClient(url, `Bearer ${await app.token(actor)}`);
      clients.push(client);
      return new Subscriber(client, { initiativeId: ids.initiativeId });
    };

    it('refuses a subscription to an initiative the reader does not see', async () => {
      const subscriber = await subscribe(OUTSIDER);
      await subscriber.until(() => subscriber.errors.length > 0, 'the refusal');
      expect((subscriber.errors[0] as any).extensions.code).toBe('NOT_FOUND');
      expect(subscriber.events).toEqual([]);
    });

    it('ends a subscription when its reader stops being a member', async () => {
      const leaving = holder('custom', BETA);
      const subscriber = await subscribe(leaving);
      await subscriber.live(async () => {
        await MAKE_IN_WORLD.propose(w);
        return (await app.rawEvents()).at(-1)!.position;
      });
      await w.run(
        REVOKE_ROLE,
        { initiativeId: w.initiativeId, assignmentId: w.assignmentOf(leaving), reason: 'left' },
        LAUNCHER,
      );
      // Ended: the server completed it, and the client takes nothing for it after that.
      await subscriber.ended;
      expect(subscriber.events.map((e) => e.type)).not.toContain('RoleRevoked.v1');
    });

    it('withholds confidential event data from readers the agreements do not name', async () => {
      const subscriber = await subscribe(BETA_REPRESENTATIVE);
      await subscriber.live(async () => {
        await MAKE_IN_WORLD.propose(w);
        return (await app.rawEvents()).at(-1)!.position;
      });
      const commitmentId = await MAKE_IN_WORLD.commitment(w, {
        resources: { money: { amount: '900.00', currency: 'EUR' } },
      });
      await subscriber.until(
        () => subscriber.events.some((e) => e.type === 'CommitmentMade.v1'),
        'the commitment event',
      );
      const made = subscriber.events.find((e) => e.type === 'CommitmentMade.v1');
      expect(JSON.parse(made.data)).toMatchObject({ commitmentId, resources: null });
      expect(subscriber.extensions).toContainEqual(
        expect.objectContaining({ redacted: [expect.objectContaining({ keys: ['resources'] })] }),
      );
      subscriber.close();
    });
  });
});
