import { connectionOf } from '../graphql/pagination';
import { IdField } from '../graphql/fields';
import {
  AGREEMENT_KINDS,
  type AgreementKind,
  type AgreementStatus as DomainAgreementStatus,
  type Role,
} from '@accord/domain';
import type {
  AgreementPartyView,
  AgreementView,
  PartyAgreementView,
  PartnerAgreementSignatures,
} from '@accord/projections';
import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RoleEnum } from '../roster/role-assignment.model';
import { IsIn, IsOptional } from 'class-validator';
import { DateTimeScalar } from '../graphql/date-time.scalar';
import { LocalDateScalar } from '../graphql/local-date.scalar';
import { PageArgs } from '../graphql/pagination';
import { Receipt, WITHHELD } from '../ledger/receipt.model';

export const AgreementKindEnum = Object.fromEntries(
  AGREEMENT_KINDS.map((k) => [k.toUpperCase(), k]),
) as Record<Uppercase<AgreementKind>, AgreementKind>;
registerEnumType(AgreementKindEnum, {
  name: 'AgreementKind',
  description: 'Charter, memorandum of understanding, data-sharing or funding agreement.',
});

export enum AgreementStatus {
  AWAITING_SIGNATURES = 'awaiting_signatures',
  IN_FORCE = 'in_force',
  TERMINATED = 'terminated',
  EXPIRED = 'expired',
}
registerEnumType(AgreementStatus, {
  name: 'AgreementStatus',
  description:
    'AWAITING_SIGNATURES once drafted or amended; IN_FORCE when every party signed the current version.',
});

export enum SignatureState {
  SIGNED = 'signed',
  PENDING = 'pending',
}
registerEnumType(SignatureState, {
  name: 'SignatureState',
  description: "A party's signature of the current version.",
});

@ObjectType({ description: 'A signature given to one version of an agreement.' })
export class AgreementSignature {
  @Field(() => ID, { description: 'The party bound.' })
  partnerId!: string;

  @Field(() => ID, { description: "The person who signed as the party's signatory." })
  signedBy!: string;

  @Field(() => DateTimeScalar)
  signedAt!: string;
}

@ObjectType({ description: 'One version of the text of an agreement.' })
export class AgreementVersion {
  @Field(() => Int)
  version!: number;

  @Field()
  text!: string;

  @Field({ description: 'SHA-256 of the text (UTF-8), lowercase hex.' })
  textSha256!: string;

  @Field(() => String, { nullable: true, description: 'Why it was amended; null for version 1.' })
  reason!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was drafted or amended.' })
  createdAt!: string;

  @Field({
    description: 'Whether signatures of this version count (only those of the current one do).',
  })
  current!: boolean;

  @Field(() => [AgreementSignature], { description: 'Signatures given to this version.' })
  signatures!: AgreementSignature[];
}

@ObjectType({ description: 'A party to an agreement and its signature of the current version.' })
export class AgreementParty implements AgreementPartyView {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => SignatureState)
  signature!: AgreementPartyView['signature'];

  @Field(() => ID, { nullable: true, description: 'Who signed the current version.' })
  signedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  signedAt!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The last version the party signed: older than the current one while its signature is pending again after an amendment; null if it never signed.',
  })
  lastSignedVersion!: number | null;
}

@ObjectType({ description: 'A charter, MOU, data-sharing or funding agreement between partners.' })
export class Agreement implements Omit<AgreementView, 'draftedPosition'> {
  @Field(() => ID)
  agreementId!: string;

  @Field(() => ID)
  initiativeId!: string;

  @Field(() => AgreementKindEnum)
  kind!: AgreementKind;

  @Field()
  title!: string;

  @Field(() => AgreementStatus)
  status!: DomainAgreementStatus;

  @Field(() => Int, { description: 'The version signatures count for.' })
  currentVersion!: number;

  @Field({ description: 'The text of the current version.' })
  text!: string;

  @Field({ description: 'SHA-256 of the current text (UTF-8), lowercase hex.' })
  textSha256!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  endDate!: string | null;

  @Field(() => DateTimeScalar)
  draftedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  inForceSince!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When terminated or expired.' })
  closedAt!: string | null;

  @Field(() => ID, { nullable: true, description: 'The party that terminated it.' })
  terminatedBy!: string | null;

  @Field(() => String, { nullable: true })
  terminationReason!: string | null;

  @Field(() => [RoleEnum], {
    description:
      "A data-sharing agreement's roles that may read the initiative's confidential fields while it is in force; empty for other kinds.",
  })
  sharesConfidentialWith!: Role[];

  @Field(() => [AgreementVersion], { description: 'Every version, oldest first.' })
  versions!: AgreementVersion[];

  @Field(() => [AgreementParty], { description: 'Parties in the order they were named.' })
  parties!: AgreementParty[];

  @Field(() => Int)
  revision!: number;
}

export const AgreementConnection = connectionOf(Agreement, 'Agreement');
export type AgreementConnection = InstanceType<typeof AgreementConnection>;

@ObjectType()
export class AgreementPayload {
  @Field(() => Receipt)
  receipt!: Receipt;

  @Field(() => Agreement, { nullable: true, description: WITHHELD })
  agreement!: Agreement | null;
}

@ArgsType()
export class AgreementsArgs extends PageArgs {
  @IdField()
  initiativeId!: string;

  @Field(() => AgreementStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(AgreementStatus))
  status?: DomainAgreementStatus;
}

@ObjectType({ description: 'A live agreement as it concerns one party.' })
export class PartyAgreement implements PartyAgreementView {
  @Field(() => ID)
  agreementId!: string;

  @Field(() => AgreementKindEnum)
  kind!: AgreementKind;

  @Field()
  title!: string;

  @Field(() => AgreementStatus)
  status!: DomainAgreementStatus;

  @Field(() => Int)
  currentVersion!: number;

  @Field(() => ID, { nullable: true })
  signedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  signedAt!: string | null;

  @Field(() => Int, { nullable: true })
  lastSignedVersion!: number | null;
}

@ObjectType({
  description:
    'Live agreements (awaiting signatures or in force) a partner signed in their current version, and those awaiting its signature.',
})
export class PartnerAgreements implements PartnerAgreementSignatures {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => [PartyAgreement])
  signed!: PartyAgreement[];

  @Field(() => [PartyAgreement])
  pending!: PartyAgreement[];
}
