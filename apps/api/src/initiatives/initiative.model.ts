import { connectionOf } from '../graphql/pagination';
import { DateTimeScalar } from '../graphql/date-time.scalar';
import { SECTORS, type Sector } from '@accord/domain';
import type { InitiativeView, PartnerView } from '@accord/projections';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Receipt, WITHHELD } from '../ledger/receipt.model';

export const SectorEnum = Object.fromEntries(SECTORS.map((s) => [s.toUpperCase(), s])) as Record<
  Uppercase<Sector>,
  Sector
>;
registerEnumType(SectorEnum, {
  name: 'Sector',
  description: 'The sector a partner organisation belongs to.',
});

export enum PartnerStatus {
  MEMBER = 'member',
  LEFT = 'left',
}
registerEnumType(PartnerStatus, { name: 'PartnerStatus' });

@ObjectType({ description: 'A partner organisation in an initiative.' })
export class Partner implements Omit<PartnerView, 'joinedPosition'> {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => ID)
  initiativeId!: string;

  @Field()
  organisationName!: string;

  @Field(() => SectorEnum)
  sector!: Sector;

  @Field(() => PartnerStatus)
  status!: PartnerView['status'];

  @Field(() => DateTimeScalar)
  joinedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  leftAt!: string | null;
}

@ObjectType({
  description:
    'A collective impact initiative: partners from many sectors under one common agenda.',
})
export class Initiative implements Omit<InitiativeView, 'launchedPosition'> {
  @Field(() => ID)
  initiativeId!: string;

  @Field()
  name!: string;

  @Field()
  problemStatement!: string;

  @Field({ description: 'The common agenda (shared vision) in force.' })
  commonAgenda!: string;

  @Field(() => DateTimeScalar)
  launchedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  agendaAmendedAt!: string | null;

  @Field(() => Int, { description: 'Revision of the initiative stream: pass as expectedRevision.' })
  revision!: number;
}

export const InitiativeConnection = connectionOf(Initiative, 'Initiative');
export type InitiativeConnection = InstanceType<typeof InitiativeConnection>;

@ObjectType()
export class InitiativePayload {
  @Field(() => Receipt)
  receipt!: Receipt;

  @Field(() => Initiative, { nullable: true, description: WITHHELD })
  initiative!: Initiative | null;
}
