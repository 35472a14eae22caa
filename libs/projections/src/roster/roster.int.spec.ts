import type { RosterEvent } from '@accord/domain';
import type { ReadModelDatabase } from '../runtime/read-model-database';
import { project, READ_MODEL_BACKENDS, storedEvents } from '../testing/read-model-backends';
import { rosterProjection } from './roster.projection';
import { RosterReader } from './roster.reader';

const roster = (event: RosterEvent) => ({ stream: 'roster-i1', event });
const assigned = (assignmentId: string, personId: string, termStart: string) =>
  roster({
    type: 'RoleAssigned.v1',
    data: {
      assignmentId,
      initiativeId: 'i1',
      personId,
      partnerId: 'food-bank',
      role: 'chair',
      customRole: null,
      termStart,
      termEnd: null,
      assignedAt: `${termStart}T09:00:00.000Z`,
    },
  });

describe.each(READ_MODEL_BACKENDS)('Roster on $name', (backend) => {
  let db: ReadModelDatabase;
  let cleanup: () => Promise<void>;
  let reader: RosterReader;
  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    reader = new RosterReader(db);
    await project(
      db,
      rosterProjection,
      storedEvents([
        assigned('a1', 'ann', '2026-01-01'),
        roster({
          type: 'RoleRelinquished.v1',
          data: {
            assignmentId: 'a1',
            initiativeId: 'i1',
            personId: 'ann',
            reason: 'moving on',
            relinquishedAt: '2026-02-01T09:00:00.000Z',
          },
        }),
        assigned('a2', 'bob', '2026-02-01'),
      ]),
    );
  });
  afterAll(() => cleanup());

  it('ends an assignment when it is relinquished, and keeps it in the history', async () => {
    expect(await reader.get('a1')).toMatchObject({
      status: 'relinquished',
      endReason: 'moving on',
      officeFrom: '2026-01-01',
    });
    expect((await reader.history('i1')).map((a) => a.assignmentId)).toEqual(['a1', 'a2']);
  });

  it('tells who was in office on a given day', async () => {
    const on = async (day: string) => (await reader.inOffice('i1', day)).map((a) => a.personId);
    expect(await on('2026-01-15')).toEqual(['ann']);
    expect(await on('2026-03-01')).toEqual(['bob']);
    expect(await reader.inOffice('i1', '2026-03-01', [])).toEqual([]);
    expect(await reader.inOffice('i1', '2026-03-01', 'city-hall')).toEqual([]);
  });
});
