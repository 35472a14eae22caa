import { DRAFT_AGREEMENT } from '../support/agreements.operations';
import { HOLD_MEETING, PROPOSE_DECISION } from '../support/decisions.operations';
import { expectNoErrors, launchWithPartners, ONE_YEAR_AHEAD } from '../support/fixtures';
import { JOIN, LAUNCH, MAKE } from '../support/operations';
import { REGISTER_PERSON } from '../support/people.operations';
import { IDENTIFY_RISK, REASSESS_RISK } from '../support/risks-benefits.operations';
import { ASSIGN_ROLE } from '../support/roster.fixtures';
import { FOOD_BANK, TestApp } from '../support/test-app';

const initiativeId = 'reading-by-9';

/** A valid input of each mutation, and its free-text fields, single-line or multi-line. */
const MUTATIONS = {
  launchInitiative: {
    document: LAUNCH,
    input: { name: 'Reading', problemStatement: 'Too few read', commonAgenda: 'All read' },
  },
  joinInitiative: {
    document: JOIN,
    input: { initiativeId, partnerId: 'library', organisationName: 'Library', sector: 'NONPROFIT' },
  },
  proposeDecision: {
    document: PROPOSE_DECISION,
    input: { initiativeId, title: 'Budget', motion: 'Adopt it', rationale: 'It is sound' },
  },
  identifyRisk: {
    document: IDENTIFY_RISK,
    input: {
      initiativeId,
      title: 'Funding gap',
      description: 'A grant may lapse',
      category: 'FINANCIAL',
      likelihood: 3,
      impact: 4,
      ownerPartnerId: 'city-hall',
    },
  },
  holdMeeting: {
    document: HOLD_MEETING,
    input: {
      initiativeId,
      title: 'Steering',
      heldAt: '2024-03-01T18:00:00Z',
      attendees: [{ personId: 'ana', partnerId: 'city-hall' }],
      agenda: ['Budget'],
      minutes: 'Agreed.',
    },
  },
  makeCommitment: {
    document: MAKE,
    input: {
      initiativeId,
      partnerId: 'food-bank',
      description: 'Tutor 40 pupils',
      dueDate: ONE_YEAR_AHEAD,
    },
  },
  draftAgreement: {
    document: DRAFT_AGREEMENT,
    input: { initiativeId, kind: 'CHARTER', title: 'Charter', parties: ['city-hall'], text: 'We' },
  },
  registerPerson: {
    document: REGISTER_PERSON,
    input: { name: 'Pia', email: 'pia@example.org' },
  },
  assignRole: {
    document: ASSIGN_ROLE,
    input: {
      initiativeId,
      personId: 'dee',
      partnerId: 'food-bank',
      role: 'STEERING_MEMBER',
      termStart: '2024-01-01',
    },
  },
  reassessRisk: {
    document: REASSESS_RISK,
    input: { riskId: 'funding-gap', likelihood: 3, impact: 3, reason: 'New data' },
  },
} as const;

type Mutation = keyof typeof MUTATIONS;

const TEXT_FIELDS: Array<[Mutation, string]> = [
  ['launchInitiative', 'name'],
  ['launchInitiative', 'problemStatement'],
  ['launchInitiative', 'commonAgenda'],
  ['joinInitiative', 'organisationName'],
  ['proposeDecision', 'title'],
  ['proposeDecision', 'motion'],
  ['proposeDecision', 'rationale'],
  ['identifyRisk', 'title'],
  ['identifyRisk', 'description'],
  ['holdMeeting', 'title'],
  ['holdMeeting', 'minutes'],
  ['makeCommitment', 'description'],
  ['draftAgreement', 'title'],
  ['draftAgreement', 'text'],
  ['registerPerson', 'name'],
];

const BAD_TEXT: Array<[string, string, string]> = [
  ['spaces', '   ', 'isNotEmpty'],
  ['a tab and a line break', '\t\n', 'isNotEmpty'],
  ['a zero-width space', '\u200b', 'isNotEmpty'],
  ['a NUL', '\u0000', 'hasNoControlCharacters'],
  ['a lone surrogate', '\ud800', 'isWellFormed'],
];

describe('Bad input is refused at the edge, naming the field, and writes nothing', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await launchWithPartners(app, initiativeId);
  });
  afterAll(() => app.stop());

  async function expectRefused(
    mutation: Mutation,
    overrides: Record<string, unknown>,
    field: string,
    rule: string,
  ): Promise<void> {
    const { document, input } = MUTATIONS[mutation];
    const before = await app.eventCount();
    const res = await app.gql(document, { input: { ...input, ...overrides } });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: expect.arrayContaining([expect.objectContaining({ field, rule })]),
    });
    expect(await app.eventCount()).toBe(before);
  }

  describe.each(TEXT_FIELDS)('%s refuses a %s of', (mutation, field) => {
    it.each(BAD_TEXT)('%s', (_, value, rule) =>
      expectRefused(mutation, { [field]: value }, field, rule),
    );
  });

  it('refuses an agenda item of only invisible characters', () =>
    expectRefused('holdMeeting', { agenda: ['Budget', '\u2060\u200d'] }, 'agenda', 'isNotEmpty'));

  it('refuses a line break inside a one-line field, and keeps it in prose', async () => {
    await expectRefused(
      'proposeDecision',
      { title: 'Bud\nget' },
      'title',
      'hasNoControlCharacters',
    );
    const res = await app.gql(PROPOSE_DECISION, {
      input: { ...MUTATIONS.proposeDecision.input, motion: 'First:\n\tadopt the budget.' },
    });
    expectNoErrors(res);
    expect(res.data.proposeDecision.decision.motion).toBe('First:\n\tadopt the budget.');
  });

  it('stores text trimmed and in NFC, in the event and the read model', async () => {
    const res = await app.gql(LAUNCH, {
      input: {
        initiativeId: 'trimmed',
        name: ' \u200b Cafe\u0301 readers \n',
        problemStatement: '\tToo few read ',
        commonAgenda: 'All read',
      },
    });
    expectNoErrors(res);
    expect(res.data.launchInitiative.initiative).toMatchObject({
      name: 'Café readers',
      problemStatement: 'Too few read',
    });
    const launched = (await app.rawEvents()).find((e) => e.stream === 'initiative-trimmed');
    expect(launched?.data).toMatchObject({
      name: 'Café readers',
      problemStatement: 'Too few read',
    });
  });

  it('refuses an email with a lone surrogate as a bad email, not an internal error', () =>
    expectRefused('registerPerson', { email: 'pi\ud800a@example.org' }, 'email', 'isEmail'));

  it.each([
    [1e-7, 'isHours'],
    [5e-324, 'isHours'],
    [0.125, 'isHours'],
    [1e308, 'max'],
    [-1, 'min'],
  ])('refuses hours of %p (%s), not an internal error', (hours, rule) =>
    expectRefused('makeCommitment', { resources: { hours } }, 'resources.hours', rule),
  );

  it.each([
    ['holdMeeting', { heldAt: '2030-01-01T10:00:00Z' }, 'heldAt', 'notInFuture'],
    ['holdMeeting', { heldAt: '1800-06-01T10:00:00Z' }, 'heldAt', 'isTimeInRange'],
    ['launchInitiative', { occurredAt: '1999-12-31T23:59:59Z' }, 'occurredAt', 'isTimeInRange'],
    ['assignRole', { termStart: '0000-01-01' }, 'termStart', 'isDayInRange'],
    ['assignRole', { termEnd: '2100-01-01' }, 'termEnd', 'isDayInRange'],
    ['makeCommitment', { dueDate: '9999-12-31' }, 'dueDate', 'isDayInRange'],
    ['proposeDecision', { reviewDate: '1970-01-01' }, 'reviewDate', 'isDayInRange'],
  ] as const)('%s refuses %j: %s breaks %s', (mutation, overrides, field, rule) =>
    expectRefused(mutation, overrides, field, rule),
  );

  it.each([
    ['identifyRisk', 'likelihood', 9, 'max'],
    ['identifyRisk', 'impact', 0, 'min'],
    ['reassessRisk', 'likelihood', 6, 'max'],
  ] as const)(
    '%s refuses a %s of %p as BAD_USER_INPUT, as it does a percent over 100',
    (mutation, field, value, rule) => expectRefused(mutation, { [field]: value }, field, rule),
  );

  it('accepts the bounds themselves', async () => {
    const res = await app.gql(
      MAKE,
      {
        input: {
          ...MUTATIONS.makeCommitment.input,
          dueDate: '2099-12-31',
          resources: { hours: 1_000_000 },
        },
      },
      FOOD_BANK,
    );
    expectNoErrors(res);
  });
});
