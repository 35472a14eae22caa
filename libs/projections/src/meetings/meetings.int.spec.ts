import type { MeetingEvent } from '@accord/domain';
import type { ReadModelDatabase } from '../runtime/read-model-database';
import { project, READ_MODEL_BACKENDS, storedEvents } from '../testing/read-model-backends';
import { meetingsProjection } from './meetings.projection';
import { MeetingsReader } from './meetings.reader';

const at = '2026-03-01T10:00:00.000Z';
const chair = { personId: 'ann', partnerId: 'food-bank' };
const meeting = (meetingId: string, event: MeetingEvent) => ({
  stream: `meeting-${meetingId}`,
  event,
});
const held = (meetingId: string) =>
  meeting(meetingId, {
    type: 'MeetingHeld.v1',
    data: {
      meetingId,
      initiativeId: 'i1',
      title: `meeting ${meetingId}`,
      heldAt: at,
      attendees: [chair, { personId: 'bob', partnerId: 'city-hall' }],
      agenda: ['budget', 'risks'],
      minutes: 'agreed',
      recordedBy: chair,
      recordedAt: at,
    },
  });
const linked = (meetingId: string, decisionId: string) =>
  meeting(meetingId, {
    type: 'DecisionLinkedToMeeting.v1',
    data: { meetingId, initiativeId: 'i1', decisionId, linkedAt: at },
  });

describe.each(READ_MODEL_BACKENDS)('Meetings on $name', (backend) => {
  let db: ReadModelDatabase;
  let cleanup: () => Promise<void>;
  let reader: MeetingsReader;
  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    reader = new MeetingsReader(db);
    await project(
      db,
      meetingsProjection,
      storedEvents([held('m1'), linked('m1', 'd2'), linked('m1', 'd1'), held('m2'), held('m3')]),
    );
  });
  afterAll(() => cleanup());

  it('keeps attendees and agenda in order, and the decisions linked in the order recorded', async () => {
    expect(await reader.get('m1')).toMatchObject({
      attendees: [chair, { personId: 'bob', partnerId: 'city-hall' }],
      agenda: ['budget', 'risks'],
      recordedBy: chair,
      decisionIds: ['d2', 'd1'],
      revision: 2,
      heldPosition: 1,
    });
    expect((await reader.forDecision('d1')).map((m) => m.meetingId)).toEqual(['m1']);
  });

  it('pages the meetings of an initiative in the order held', async () => {
    const first = await reader.list('i1', { first: 2 });
    expect(first.edges.map((e) => e.node).map((m) => m.meetingId)).toEqual(['m1', 'm2']);
    expect([first.totalCount, first.pageInfo.hasNextPage]).toEqual([3, true]);
    const rest = await reader.list('i1', {
      first: 2,
      after: first.edges.map((e) => e.node)[1]!.heldPosition,
    });
    expect(rest.edges.map((e) => e.node).map((m) => m.meetingId)).toEqual(['m3']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });
});
