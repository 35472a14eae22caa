import { entityId } from '../graphql/input-type';
import { connectionOf, pageArgsOf } from '../graphql/pagination';
import type { MeetingView } from '@accord/projections';
import { ArgsType, ObjectType } from '@nestjs/graphql';
import { PersonOfPartner } from '../decisions/decision.model';
import { payloadOf } from '../ledger/receipt.model';
import { dateTime, fieldsOf, hidden, id, int, list, of, text } from '../graphql/object-type';

@ObjectType({ description: 'A meeting of the initiative: who came, the agenda, the minutes.' })
export class Meeting extends fieldsOf<MeetingView>()({
  meetingId: id(),
  initiativeId: id(),
  title: text(),
  heldAt: dateTime(),
  attendees: list(PersonOfPartner),
  agenda: list(text()),
  minutes: text(),
  recordedBy: of(PersonOfPartner, 'Who recorded the meeting in the ledger.'),
  /** Ids of the decisions proposed at the meeting or linked to it; resolved as `decisions`. */
  decisionIds: hidden(),
  revision: int('Revision of the meeting stream: pass as expectedRevision.'),
  heldPosition: hidden(),
}) {}

export const MeetingConnection = connectionOf(Meeting);

@ObjectType()
export class MeetingPayload extends payloadOf({ meeting: Meeting }) {}

@ArgsType()
export class MeetingsArgs extends pageArgsOf({ initiativeId: entityId() }) {}
