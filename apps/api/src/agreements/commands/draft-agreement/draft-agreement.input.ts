import { type AgreementKind, ROLES, type Role } from '@accord/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { CommandInput } from '../../../graphql/command-input';
import { IsDay } from '../../../graphql/input-bounds';
import { IsText } from '../../../graphql/text';
import { ENTITY_ID, IsEntityId } from '../../../graphql/id';
import { LocalDateScalar } from '../../../graphql/local-date.scalar';
import { RoleEnum } from '../../../roster/role-assignment.model';
import { AgreementKindEnum } from '../../agreement.model';

@InputType()
export class DraftAgreementInput extends CommandInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  @IsOptional()
  @IsEntityId()
  agreementId?: string;

  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field(() => AgreementKindEnum)
  @IsIn(Object.values(AgreementKindEnum), { message: 'kind must be an agreement kind' })
  kind!: AgreementKind;

  @Field()
  @IsText({ max: 300 })
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

  @Field({ description: 'The full text; its SHA-256 is recorded with it.' })
  @IsText({ max: 50_000, multiline: true })
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
