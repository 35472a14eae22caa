import type { PersonEvent, Sealed } from '@accord/domain';
import type { ReadModelDatabase } from '../runtime/read-model-database';
import { project, READ_MODEL_BACKENDS, storedEvents } from '../testing/read-model-backends';
import { rosterProjection } from '../roster/roster.projection';
import { peopleProjection } from './people.projection';
import { PeopleReader } from './people.reader';

const at = '2026-03-01T10:00:00.000Z';
const sealed = (text: string) => text as Sealed;
const person = (personId: string, event: PersonEvent) => ({ stream: `person-${personId}`, event });
const registered = (personId: string, initiativeId: string | null) =>
  person(personId, {
    type: 'PersonRegistered.v1',
    data: {
      personId,
      initiativeId,
      name: sealed(`name-${personId}`),
      email: sealed(`email-${personId}`),
      phone: null,
      registeredAt: at,
    },
  });

describe.each(READ_MODEL_BACKENDS)('People directory on $name', (backend) => {
  let db: ReadModelDatabase;
  let cleanup: () => Promise<void>;
  let reader: PeopleReader;
  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    reader = new PeopleReader(db);
    await project(
      db,
      peopleProjection,
      storedEvents([
        registered('ann', 'i1'),
        person('ann', {
          type: 'PersonContactUpdated.v1',
          data: {
            personId: 'ann',
            initiativeId: 'i1',
            name: sealed('new-name'),
            email: sealed('new-email'),
            phone: sealed('new-phone'),
            updatedAt: at,
          },
        }),
        registered('bob', 'i1'),
        person('bob', {
          type: 'PersonForgotten.v1',
          data: {
            personId: 'bob',
            initiativeId: 'i1',
            reason: 'asked to',
            requestedBy: { personId: 'ann', partnerId: 'food-bank' },
            forgottenAt: at,
          },
        }),
        registered('cid', null),
        registered('dan', null),
      ]),
    );
    // Someone registered elsewhere who holds a role in the initiative is among its people.
    await project(
      db,
      rosterProjection,
      storedEvents([
        {
          stream: 'roster-i1',
          event: {
            type: 'RoleAssigned.v1',
            data: {
              assignmentId: 'a1',
              initiativeId: 'i1',
              personId: 'cid',
              partnerId: 'city-hall',
              role: 'observer',
              customRole: null,
              termStart: '2026-01-01',
              termEnd: null,
              assignedAt: at,
            },
          },
        },
      ]),
    );
  });
  afterAll(() => cleanup());

  it('keeps the latest sealed contact of a person', async () => {
    expect(await reader.get('ann')).toMatchObject({
      registeredIn: 'i1',
      nameSealed: 'new-name',
      phoneSealed: 'new-phone',
      status: 'registered',
      updatedAt: at,
    });
  });

  it('drops the sealed fields of a forgotten person and says who asked', async () => {
    expect(await reader.get('bob')).toMatchObject({
      nameSealed: null,
      emailSealed: null,
      status: 'forgotten',
      forgottenReason: 'asked to',
      forgottenBy: { personId: 'ann', partnerId: 'food-bank' },
    });
  });

  it('looks many up at once and lists those of an initiative', async () => {
    expect((await reader.many(['cid', 'ann', 'nobody'])).map((p) => p.personId).sort()).toEqual([
      'ann',
      'cid',
    ]);
    expect((await reader.list('i1')).map((p) => p.personId)).toEqual(['ann', 'bob', 'cid']);
    expect((await reader.list()).map((p) => p.personId)).toEqual(['ann', 'bob', 'cid', 'dan']);
  });
});
