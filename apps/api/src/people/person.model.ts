import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/date-time.scalar';
import { Receipt, WITHHELD } from '../ledger/receipt.model';
import { EventActor } from '../live/ledger-event.model';

export enum PersonStatus {
  REGISTERED = 'registered',
  ERASED = 'erased',
  UNREGISTERED = 'unregistered',
}
registerEnumType(PersonStatus, {
  name: 'PersonStatus',
  description:
    'REGISTERED: in the people directory. ERASED: forgotten; their key is destroyed and their personal data unreadable. UNREGISTERED: an id the ledger knows (a role, an actor) with no directory entry.',
});

@ObjectType({
  description: 'Who a person id stands for, as far as the people directory may say.',
})
export class PersonName {
  @Field(() => ID)
  personId!: string;

  @Field(() => String, { nullable: true, description: 'Null when erased or unregistered.' })
  name!: string | null;

  @Field(() => PersonStatus)
  status!: PersonStatus;

  @Field({ description: 'True once the person was forgotten: their name is gone for good.' })
  erased!: boolean;
}

@ObjectType({
  description:
    'A person of the people directory. Name and contact are personal data, sealed in the ledger with a key of their own; once forgotten they are null here and everywhere.',
})
export class Person {
  @Field(() => ID)
  personId!: string;

  @Field(() => String, { nullable: true, description: 'Null once erased.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Null once erased.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Null when none was given, or erased.' })
  phone!: string | null;

  @Field(() => PersonStatus)
  status!: PersonStatus;

  @Field()
  erased!: boolean;

  @Field(() => ID, {
    nullable: true,
    description: 'The initiative whose backbone staff registered them; null when self-registered.',
  })
  registeredIn!: string | null;

  @Field(() => DateTimeScalar)
  registeredAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  forgottenAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the person was forgotten.' })
  forgottenReason!: string | null;

  @Field(() => EventActor, {
    nullable: true,
    description: 'Who asked for the person to be forgotten.',
  })
  forgottenBy!: EventActor | null;
}

@ObjectType()
export class PersonPayload {
  @Field(() => Receipt)
  receipt!: Receipt;

  @Field(() => Person, { nullable: true, description: WITHHELD })
  person!: Person | null;
}
