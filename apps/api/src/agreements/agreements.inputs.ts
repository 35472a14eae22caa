import { IdField, TextField } from '../graphql/fields';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ExistingEntityCommandInput, CommandInput } from '../graphql/command-input';
import { ENTITY_ID } from '../graphql/id';
import { type AgreementKind, ROLES, type Role } from '@accord/domain';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches, IsInt, Min } from 'class-validator';
import { IsDay } from '../graphql/input-bounds';
import { LocalDateScalar } from '../graphql/local-date.scalar';
import { RoleEnum } from '../roster/role-assignment.model';
import { AgreementKindEnum } from './agreement.model';

@InputType()
export class AmendAgreementInput extends ExistingEntityCommandInput {
  @IdField()
  agreementId!: string;

  @TextField(
    { max: 50_000, multiline: true },
    { description: 'The full new text; it becomes the next version, awaiting signatures.' },
  )
  text!: string;

  @TextField({ max: 5_000, multiline: true }, { description: 'Why the text changes.' })
  reason!: string;
}

@InputType()
export class DraftAgreementInput extends CommandInput {
  @IdField({
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  agreementId?: string;

  @IdField()
  initiativeId!: string;

  @Field(() => AgreementKindEnum)
  @IsIn(Object.values(AgreementKindEnum), { message: 'kind must be an agreement kind' })
  kind!: AgreementKind;

  @TextField({ max: 300 })
  title!: string;

  @Field(() => [ID], {
    description:
      'The partners bound by the agreement: at least one, no duplicates, each a member of the initiative.',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(ENTITY_ID, {
    each: true,
    message: 'each of parties must be a partner id of 1-128 letters, digits, "_", ".", ":" or "-"',
  })
  parties!: string[];

  @TextField(
    { max: 50_000, multiline: true },
    { description: 'The full text; its SHA-256 is recorded with it.' },
  )
  text!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Last day the agreement runs; not before the day it is drafted. Omit: open-ended.',
  })
  @IsOptional()
  @IsDay()
  endDate?: string;

  @Field(() => [RoleEnum], {
    nullable: true,
    description:
      'Data-sharing agreements only: the roles that may read confidential fields (funding amounts, risk details) while it is in force.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true, message: 'each of sharesConfidentialWith must be a role' })
  sharesConfidentialWith?: Role[];
}

@InputType()
export class ExpireAgreementInput extends ExistingEntityCommandInput {
  @IdField()
  agreementId!: string;
}

@InputType()
export class SignAgreementInput extends ExistingEntityCommandInput {
  @IdField()
  agreementId!: string;

  @IdField({
    description: 'The party signing; the actor must act for it and hold its SIGNATORY role.',
  })
  partnerId!: string;

  @Field(() => Int, {
    description: 'The version of the text being signed: it must be the current one.',
  })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be 1 or more' })
  version!: number;
}

@InputType()
export class TerminateAgreementInput extends ExistingEntityCommandInput {
  @IdField()
  agreementId!: string;

  @TextField(
    { max: 5_000, multiline: true },
    { description: 'Why the party terminates: the other parties are owed an explanation.' },
  )
  reason!: string;
}
