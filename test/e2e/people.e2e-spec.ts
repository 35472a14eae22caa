import { type Client } from 'graphql-ws';
import type { AddressInfo } from 'node:net';
import { expectNoErrors, launchWithPartners, ONE_YEAR_AHEAD } from '../support/fixtures';
import { HOLD_MEETING } from '../support/decisions.operations';
import { MAKE } from '../support/operations';
import {
  deleteKeyBehindTheApp,
  keyStoreFileBytes,
  ledgerStorageBytes,
  PeopleSubscriber,
  storedKey,
} from '../support/people.fixtures';
import {
  CHANGES_WITH_PEOPLE,
  FORGET_PERSON,
  HISTORY_WITH_PEOPLE,
  MEETING_WITH_PEOPLE,
  PEOPLE,
  PERSON,
  REGISTER_PERSON,
  ROSTER_WITH_PEOPLE,
  UPDATE_PERSON_CONTACT,
  VERIFY_LEDGER,
} from '../support/people.operations';
import { assignRole } from '../support/roster.fixtures';
import { CITY_HALL, FOOD_BANK, FEATURE_STORES, TestApp } from '../support/test-app';
import { wsClient } from '../support/ws-subscriber';

const LENA = { personId: 'lena', partnerId: 'food-bank' };
const KIM = { personId: 'kim', partnerId: 'city-hall' };

const LENA_NAME = 'Lena Okafor-Brandt';
const LENA_EMAIL = 'lena.okafor@foodbank.example';
const LENA_PHONE = '+44 20 7946 0018';
const LENA_NEW_EMAIL = 'l.okafor@foodbank.example';
const OMAR_NAME = 'Omar Haddad-Quist';
const OMAR_EMAIL = 'omar.haddad@cityhall.example';
/** Every piece of personal data the tests register: none may ever be stored in plaintext. */
const PERSONAL_DATA = [LENA_NAME, LENA_EMAIL, LENA_PHONE, LENA_NEW_EMAIL, OMAR_NAME, OMAR_EMAIL];

const ERASED = { name: null, status: 'ERASED', erased: true };

describe.each(FEATURE_STORES)('People directory and erasure on %s', (store) => {
  let app: TestApp;
  let initiativeId: string;
  let url: string;
  let startedAt: string;
  let lenaKey: Buffer;
  const clients: Client[] = [];

  beforeAll(async () => {
    app = await TestApp.start({ store });
    await app.app.listen(0, '127.0.0.1');
    const { port } = app.app.getHttpServer().address() as AddressInfo;
    url = `ws://127.0.0.1:${port}/graphql`;
    startedAt = new Date().toISOString();
    initiativeId = await launchWithPartners(app);
    await assignRole(app, { initiativeId, ...KIM, role: 'BACKBONE_STAFF' });
    await assignRole(app, { initiativeId, ...LENA, role: 'STEERING_MEMBER' });
    await assignRole(app, { initiativeId, ...LENA, role: 'PARTNER_REPRESENTATIVE' });
    const meeting = {
      meetingId: 'steering-march',
      initiativeId,
      title: 'Steering committee, March',
      heldAt: '2026-03-05T17:30:00Z',
      attendees: [CITY_HALL, LENA],
      agenda: ['Summer reading budget'],
      minutes: 'The budget was discussed.',
    };
    expectNoErrors(await app.gql(HOLD_MEETING, { input: meeting }, CITY_HALL));
  });
  afterAll(async () => {
    for (const client of clients) void client.dispose();
    await app.stop();
  });

  const makeCommitment = async (commitmentId: string) =>
    expectNoErrors(
      await app.gql(
        MAKE,
        {
          input: {
            commitmentId,
            initiativeId,
            partnerId: 'food-bank',
            description: 'Weekly reading club',
            dueDate: ONE_YEAR_AHEAD,
          },
        },
        LENA,
      ),
    );

  const containsAny = (bytes: Buffer, texts: readonly string[]) =>
    texts.filter((text) => bytes.includes(Buffer.from(text, 'utf8')));
  const eventData = (events: Array<{ data: string }>) =>
    Buffer.from(events.map((e) => e.data).join('\n'), 'utf8');

  it('registers a person for themselves: the answer reads their contact, the event holds it only sealed', async () => {
    const res = await app.gql(
      REGISTER_PERSON,
      { input: { name: LENA_NAME, email: LENA_EMAIL, phone: LENA_PHONE } },
      LENA,
    );
    expectNoErrors(res);
    expect(res.data.registerPerson.person).toMatchObject({
      personId: 'lena',
      name: LENA_NAME,
      email: LENA_EMAIL,
      phone: LENA_PHONE,
      status: 'REGISTERED',
      erased: false,
      registeredIn: null,
      forgottenAt: null,
    });
    expect(res.data.registerPerson.receipt.stream).toBe('person-lena');
    const [event] = (await app.rawEvents()).filter((e) => e.stream === 'person-lena');
    expect(event!.type).toBe('PersonRegistered.v1');
    expect(event!.metadata.actor).toEqual(LENA);
    for (const field of ['name', 'email', 'phone']) {
      expect(event!.data[field]).toMatch(/^A256GCM\.[\w-]+\.[\w-]+\.[\w-]+$/);
    }
    expect(containsAny(Buffer.from(JSON.stringify(event)), PERSONAL_DATA)).toEqual([]);
    lenaKey = (await storedKey(app, 'lena'))!;
    expect(lenaKey).toHaveLength(32);
  });

  it('lets backbone staff register someone else; anyone else is refused, writing nothing and making no key', async () => {
    const input = { personId: 'omar', initiativeId, name: OMAR_NAME, email: OMAR_EMAIL };
    const before = await app.eventCount();
    const refused = await app.gql(REGISTER_PERSON, { input }, FOOD_BANK);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'DOMAIN_RULE_VIOLATED',
      rule: 'PERSON.NOT_SELF_OR_BACKBONE_STAFF',
      field: 'initiativeId',
    });
    expect(await app.eventCount()).toBe(before);
    expect(await storedKey(app, 'omar')).toBeUndefined();

    const res = await app.gql(REGISTER_PERSON, { input }, KIM);
    expectNoErrors(res);
    expect(res.data.registerPerson.person).toMatchObject({
      personId: 'omar',
      name: OMAR_NAME,
      email: OMAR_EMAIL,
      phone: null,
      registeredIn: initiativeId,
    });
    expect((await app.rawEvents()).at(-1)!.metadata.actor).toEqual(KIM);
  });

  it('refuses registering a person twice', async () => {
    const before = await app.eventCount();
    const res = await app.gql(
      REGISTER_PERSON,
      { input: { name: 'Someone Else', email: 'else@example.org' } },
      LENA,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'DOMAIN_RULE_VIOLATED',
      rule: 'PERSON.ALREADY_REGISTERED',
      field: 'personId',
    });
    expect(await app.eventCount()).toBe(before);
  });

  it('updates the contact, keeping what is not given; a phone given as null is removed', async () => {
    const res = await app.gql(UPDATE_PERSON_CONTACT, { input: { email: LENA_NEW_EMAIL } }, LENA);
    expectNoErrors(res);
    expect(res.data.updatePersonContact.person).toMatchObject({
      name: LENA_NAME,
      email: LENA_NEW_EMAIL,
      phone: LENA_PHONE,
    });
    const removed = await app.gql(UPDATE_PERSON_CONTACT, { input: { phone: null } }, LENA);
    expectNoErrors(removed);
    expect(removed.data.updatePersonContact.person).toMatchObject({
      email: LENA_NEW_EMAIL,
      phone: null,
    });
    const nothing = await app.gql(UPDATE_PERSON_CONTACT, { input: {} }, LENA);
    expect(nothing.errors?.[0]?.extensions).toMatchObject({
      rule: 'PERSON.NOTHING_TO_UPDATE',
      field: 'email',
    });
  });

  it('shows the name wherever people show: person, people, the roster, history and changes', async () => {
    const person = await app.gql(PERSON, { personId: 'lena' });
    expectNoErrors(person);
    expect(person.data.person).toMatchObject({ name: LENA_NAME, email: LENA_NEW_EMAIL });

    const people = await app.gql(PEOPLE, { initiativeId });
    expectNoErrors(people);
    expect(people.data.people.map((p: any) => [p.personId, p.name])).toEqual([
      ['lena', LENA_NAME],
      ['omar', OMAR_NAME],
    ]);
    const everyone = await app.gql(PEOPLE, {});
    expect(everyone.data.people.map((p: any) => p.personId)).toEqual(['lena', 'omar']);
    const elsewhere = await app.gql(PEOPLE, { initiativeId: 'another' });
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'another' });

    const roster = await app.gql(ROSTER_WITH_PEOPLE, { initiativeId });
    expectNoErrors(roster);
    const lenaIn = (rows: any[]) => rows.find((r) => r.personId === 'lena').person;
    const registered = { personId: 'lena', name: LENA_NAME, status: 'REGISTERED', erased: false };
    expect(lenaIn(roster.data.roster)).toEqual(registered);
    expect(lenaIn(roster.data.roleAssignments)).toEqual(registered);
    expect(lenaIn(roster.data.initiative.roster)).toEqual(registered);
    const foodBank = roster.data.initiative.partners.find((p: any) => p.partnerId === 'food-bank');
    expect(lenaIn(foodBank.roles)).toEqual(registered);
    // Someone with a role who never registered has no name, and is not erased either.
    const kim = roster.data.roster.find((r: any) => r.personId === 'kim').person;
    expect(kim).toEqual({ personId: 'kim', name: null, status: 'UNREGISTERED', erased: false });

    const meeting = await app.gql(MEETING_WITH_PEOPLE, { id: 'steering-march' });
    expectNoErrors(meeting);
    expect(lenaIn(meeting.data.meeting.attendees)).toEqual(registered);

    const history = await app.gql(HISTORY_WITH_PEOPLE, { entityId: 'lena' });
    expectNoErrors(history);
    expect(history.data.history.map((e: any) => e.type)).toEqual([
      'PersonRegistered.v1',
      'PersonContactUpdated.v1',
      'PersonContactUpdated.v1',
    ]);
    expect(history.data.history[0].actor.person).toEqual(registered);
    // The events' own data hold the personal fields sealed; only `person` opens them.
    expect(containsAny(eventData(history.data.history), PERSONAL_DATA)).toEqual([]);
  });

  const badInputs: Array<[string, string, Record<string, unknown>, string, string]> = [
    ['an empty name', REGISTER_PERSON, { name: '', email: 'x@example.org' }, 'name', 'isNotEmpty'],
    [
      'a blank name',
      REGISTER_PERSON,
      { name: '   ', email: 'x@example.org' },
      'name',
      'isNotEmpty',
    ],
    [
      'a malformed email',
      REGISTER_PERSON,
      { name: 'Pia', email: 'pia-at-example' },
      'email',
      'isEmail',
    ],
    [
      'a malformed phone',
      REGISTER_PERSON,
      { name: 'Pia', email: 'pia@example.org', phone: 'call me' },
      'phone',
      'matches',
    ],
    ['a malformed email on update', UPDATE_PERSON_CONTACT, { email: 'nope' }, 'email', 'isEmail'],
    ['an empty name on update', UPDATE_PERSON_CONTACT, { name: '' }, 'name', 'isNotEmpty'],
    ['an empty reason', FORGET_PERSON, { personId: 'lena', reason: '' }, 'reason', 'isNotEmpty'],
    [
      'a malformed person id',
      FORGET_PERSON,
      { personId: 'no spaces', reason: 'asked' },
      'personId',
      'matches',
    ],
  ];
  it.each(badInputs)(
    'refuses %s as BAD_USER_INPUT naming the field and rule, writing nothing',
    async (_, operation, input, field, rule) => {
      const before = await app.eventCount();
      const actor = { personId: 'pia', partnerId: 'school-district' };
      const res = await app.gql(operation, { input }, operation === REGISTER_PERSON ? actor : LENA);
      expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions.fields).toContainEqual(
        expect.objectContaining({ field, rule }),
      );
      expect(await app.eventCount()).toBe(before);
      expect(await storedKey(app, 'pia')).toBeUndefined();
    },
  );

  it('never stores a name, email or phone in plaintext, while the key store does hold the key', async () => {
    expect(containsAny(await ledgerStorageBytes(app), PERSONAL_DATA)).toEqual([]);
    // The scan can find what it looks for: the key itself lies in the key store's files.
    expect((await keyStoreFileBytes(app)).includes(lenaKey)).toBe(true);
    expect((await ledgerStorageBytes(app)).includes(lenaKey)).toBe(false);
  });

  it('forgets a person: erased in every answer and the subscription, the chain verifies, no plaintext or key bytes remain', async () => {
    const client = wsClient(url, `Bearer ${await app.token(CITY_HALL)}`);
    clients.push(client);
    const subscriber = new PeopleSubscriber(client, initiativeId);
    // The subscription is live once a commitment made now arrives through it.
    for (let i = 0; subscriber.events.length === 0; i++) {
      await makeCommitment(`before-${i}`);
      // Another probe if none arrived within a second: a retry, not a wait for sync.
      await subscriber.until(() => subscriber.events.length > 0, 'a probe', 1_000, 'resolve');
    }
    await subscriber.until(() => subscriber.events.length > 0, 'a first event');
    expect(subscriber.events[0].actor.person).toEqual({
      personId: 'lena',
      name: LENA_NAME,
      status: 'REGISTERED',
      erased: false,
    });

    const reason = 'asked to be forgotten (GDPR article 17)';
    const forgotten = await app.gql(
      FORGET_PERSON,
      { input: { personId: 'lena', initiativeId, reason } },
      KIM,
    );
    expectNoErrors(forgotten);
    expect(forgotten.data.forgetPerson.person).toMatchObject({
      personId: 'lena',
      name: null,
      email: null,
      phone: null,
      status: 'ERASED',
      erased: true,
      forgottenReason: reason,
      forgottenBy: KIM,
    });
    const record = (await app.rawEvents()).at(-1)!;
    expect(record.type).toBe('PersonForgotten.v1');
    expect(record.data).toMatchObject({ personId: 'lena', reason, requestedBy: KIM });

    await makeCommitment('after-forgetting');
    await subscriber.until(
      () => subscriber.events.some((e) => e.stream === 'commitment-after-forgetting'),
      'the commitment made after forgetting',
    );
    subscriber.close();
    expect(subscriber.errors).toEqual([]);
    const after = subscriber.events.filter((e) => e.stream !== subscriber.events[0].stream);
    expect(after.map((e) => e.type)).toEqual(['PersonForgotten.v1', 'CommitmentMade.v1']);
    expect(after[1].actor.person).toEqual({ personId: 'lena', ...ERASED });
    expect(containsAny(eventData(subscriber.events), PERSONAL_DATA)).toEqual([]);
    expect(containsAny(Buffer.from(JSON.stringify(after)), PERSONAL_DATA)).toEqual([]);

    const person = await app.gql(PERSON, { personId: 'lena' });
    expect(person.data.person).toMatchObject({
      name: null,
      email: null,
      phone: null,
      erased: true,
    });
    const people = await app.gql(PEOPLE, { initiativeId });
    expect(people.data.people.map((p: any) => [p.personId, p.name, p.erased])).toEqual([
      ['lena', null, true],
      ['omar', OMAR_NAME, false],
    ]);

    const roster = await app.gql(ROSTER_WITH_PEOPLE, { initiativeId });
    expectNoErrors(roster);
    const lenaIn = (rows: any[]) => rows.find((r) => r.personId === 'lena').person;
    const erased = { personId: 'lena', ...ERASED };
    expect(lenaIn(roster.data.roster)).toEqual(erased);
    expect(lenaIn(roster.data.roleAssignments)).toEqual(erased);
    expect(lenaIn(roster.data.initiative.roster)).toEqual(erased);
    const foodBank = roster.data.initiative.partners.find((p: any) => p.partnerId === 'food-bank');
    expect(lenaIn(foodBank.roles)).toEqual(erased);

    const meeting = await app.gql(MEETING_WITH_PEOPLE, { id: 'steering-march' });
    expectNoErrors(meeting);
    expect(lenaIn(meeting.data.meeting.attendees)).toEqual(erased);
    expect(meeting.data.meeting.recordedBy.person).toMatchObject({
      personId: 'ana',
      erased: false,
    });

    for (const entityId of ['lena', 'before-0', 'after-forgetting']) {
      const history = await app.gql(HISTORY_WITH_PEOPLE, { entityId });
      expectNoErrors(history);
      const byLena = history.data.history.filter((e: any) => e.actor.personId === 'lena');
      expect(byLena.length).toBeGreaterThan(0);
      for (const event of byLena) expect(event.actor.person).toEqual(erased);
      expect(containsAny(Buffer.from(JSON.stringify(history.data)), PERSONAL_DATA)).toEqual([]);
    }
    const changes = await app.gql(CHANGES_WITH_PEOPLE, {
      initiativeId,
      from: startedAt,
      to: new Date(Date.now() + 60_000).toISOString(),
    });
    expectNoErrors(changes);
    const made = changes.data.changes.commitments.flatMap((c: any) => c.events);
    expect(made.length).toBeGreaterThan(1);
    for (const event of made) expect(event.actor.person).toEqual(erased);

    const verified = await app.gql(VERIFY_LEDGER);
    expectNoErrors(verified);
    expect(verified.data.verifyLedger).toEqual({
      ok: true,
      checked: await app.eventCount(),
      firstMismatch: null,
    });

    expect(await storedKey(app, 'lena')).toBeUndefined();
    expect(await storedKey(app, 'omar')).toHaveLength(32);
    expect((await keyStoreFileBytes(app)).includes(lenaKey)).toBe(false);
    expect(containsAny(await ledgerStorageBytes(app), PERSONAL_DATA)).toEqual([]);
  });

  it('refuses forgetting twice, or someone never registered, with a clear error that writes nothing', async () => {
    const before = await app.eventCount();
    const twice = await app.gql(
      FORGET_PERSON,
      { input: { personId: 'lena', initiativeId, reason: 'again' } },
      KIM,
    );
    expect(twice.errors?.[0]?.extensions).toMatchObject({
      code: 'DOMAIN_RULE_VIOLATED',
      rule: 'PERSON.ALREADY_FORGOTTEN',
      field: 'personId',
    });
    expect(twice.errors?.[0]?.message).toMatch(/lena was already forgotten/);
    const unknown = await app.gql(
      FORGET_PERSON,
      { input: { personId: 'nobody', reason: 'asked' } },
      { personId: 'nobody', partnerId: 'city-hall' },
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      rule: 'PERSON.NOT_FOUND',
      field: 'personId',
    });
    expect(await app.eventCount()).toBe(before);
  });

  it('never registers or updates a forgotten person again', async () => {
    const before = await app.eventCount();
    const again = await app.gql(
      REGISTER_PERSON,
      { input: { name: LENA_NAME, email: LENA_EMAIL } },
      LENA,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({
      rule: 'PERSON.FORGOTTEN',
      field: 'personId',
    });
    const update = await app.gql(UPDATE_PERSON_CONTACT, { input: { email: LENA_EMAIL } }, LENA);
    expect(update.errors?.[0]?.extensions).toMatchObject({ rule: 'PERSON.FORGOTTEN' });
    expect(await app.eventCount()).toBe(before);
    expect(await storedKey(app, 'lena')).toBeUndefined();
  });

  it('finishes an erasure that stopped between destroying the key and recording it', async () => {
    const rae = { personId: 'rae', partnerId: 'school-district' };
    const registered = await app.gql(
      REGISTER_PERSON,
      { input: { name: 'Rae Castellanos-Uribe', email: 'rae@schools.example' } },
      rae,
    );
    expectNoErrors(registered);
    await deleteKeyBehindTheApp(app, 'rae');

    // Rae registered herself, in no initiative: only she sees her entry.
    const person = await app.gql(PERSON, { personId: 'rae' }, rae);
    expect(person.data.person).toMatchObject({ email: null, ...ERASED });
    const other = await app.gql(PERSON, { personId: 'rae' });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'person' });
    const before = await app.eventCount();
    const update = await app.gql(UPDATE_PERSON_CONTACT, { input: { email: 'r@example.org' } }, rae);
    expect(update.errors?.[0]?.extensions).toMatchObject({
      rule: 'PERSON.KEY_DESTROYED',
      field: 'personId',
    });
    expect(await app.eventCount()).toBe(before);

    const forgotten = await app.gql(
      FORGET_PERSON,
      { input: { personId: 'rae', reason: 'asked to be forgotten' } },
      rae,
    );
    expectNoErrors(forgotten);
    expect(forgotten.data.forgetPerson.person).toMatchObject({
      ...ERASED,
      forgottenReason: 'asked to be forgotten',
      forgottenBy: rae,
    });
    expect((await app.rawEvents()).at(-1)!.type).toBe('PersonForgotten.v1');
  });

  it('answers NOT_FOUND for a person never registered', async () => {
    const res = await app.gql(PERSON, { personId: 'nobody' });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'person' });
  });
});
