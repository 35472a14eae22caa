import { connectionOf } from '../graphql/pagination';
import { IdField } from '../graphql/fields';
import type { MeetingView } from '@accord/projections';
import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PersonOfPartner } from '../decisions/decision.model';
import { DateTimeScalar } from '../graphql/date-time.scalar';
import { PageArgs } from '../graphql/pagination';
import { Receipt, WITHHELD } from '../ledger/receipt.model';

@ObjectType({ description: 'A meeting of the initiative: who came, the agenda, the minutes.' })
export class Meeting implements Omit<MeetingView, 'heldPosition'> {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID)
  initiativeId!: string;

  @Field()
  title!: string;

  @Field(() => DateTimeScalar)
  heldAt!: string;

  @Field(() => [PersonOfPartner])
  attendees!: PersonOfPartner[];

  @Field(() => [String])
  agenda!: string[];

  @Field()
  minutes!: string;

  @Field(() => PersonOfPartner, { description: 'Who recorded the meeting in the ledger.' })
  recordedBy!: PersonOfPartner;

  /** Ids of the decisions proposed at the meeting or linked to it; resolved as `decisions`. */
  decisionIds!: string[];

  @Field(() => Int, { description: 'Revision of the meeting stream: pass as expectedRevision.' })
  revision!: number;
}

export const MeetingConnection = connectionOf(Meeting, 'Meeting');
export type MeetingConnection = InstanceType<typeof MeetingConnection>;

@ObjectType()
export class MeetingPayload {
  @Field(() => Receipt)
  receipt!: Receipt;

  @Field(() => Meeting, { nullable: true, description: WITHHELD })
  meeting!: Meeting | null;
}

@ArgsType()
export class MeetingsArgs extends PageArgs {
  @IdField()
  initiativeId!: string;
}
