import type { MeetingView } from '@accord/projections';
import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PersonOfPartner } from '../decisions/decision.model';
import { DateTimeScalar } from '../graphql/date-time.scalar';
import { IsEntityId } from '../graphql/id';
import { PageArgs, PageInfo } from '../graphql/pagination';
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

@ObjectType()
export class MeetingEdge {
  @Field()
  cursor!: string;

  @Field(() => Meeting)
  node!: Meeting;
}

@ObjectType()
export class MeetingConnection {
  @Field(() => [MeetingEdge])
  edges!: MeetingEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType()
export class MeetingPayload {
  @Field(() => Receipt)
  receipt!: Receipt;

  @Field(() => Meeting, { nullable: true, description: WITHHELD })
  meeting!: Meeting | null;
}

@ArgsType()
export class MeetingsArgs extends PageArgs {
  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;
}
