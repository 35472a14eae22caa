import { entityId } from '../graphql/input-type';
import { connectionOf, pageArgsOf } from '../graphql/pagination';
import type { MeetingView } from '@accord/projections';
import { ArgsType, ObjectType } from '@nestjs/graphql';
import { PersonOfPartner } from '../decisions/decision.model';
import { payloadOf } from '../ledger/receipt.model';
import * as t from '../graphql/object-type';

@ObjectType({ description: 'A meeting of the initiative: who came, the agenda, the minutes.' })
export class Meeting extends t.fieldsOf<MeetingView>()({
  meetingId: t.id(),
  initiativeId: t.id(),
  title: t.text(),
  heldAt: t.dateTime(),
  attendees: t.list(PersonOfPartner),
  agenda: t.list(t.text()),
  minutes: t.text(),
  recordedBy: t.of(PersonOfPartner, 'Who recorded the meeting in the ledger.'),
  /** Ids of the decisions proposed at the meeting or linked to it; resolved as `decisions`. */
  decisionIds: t.hidden(),
  revision: t.int('Revision of the meeting stream: pass as expectedRevision.'),
  heldPosition: t.hidden(),
}) {}

export const MeetingConnection = connectionOf(Meeting);

@ObjectType()
export class MeetingPayload extends payloadOf({ meeting: Meeting }) {}

@ArgsType()
export class MeetingsArgs extends pageArgsOf({ initiativeId: entityId() }) {}
