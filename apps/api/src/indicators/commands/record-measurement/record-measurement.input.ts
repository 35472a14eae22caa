import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsMeasuredDay } from '../../../graphql/input-bounds';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';
import { LocalDateScalar } from '../../../graphql/local-date.scalar';
import { IsDecimalString } from '../../decimal-input';

@InputType()
export class RecordMeasurementInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  indicatorId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Choose the id, or let the ledger derive one from the commandId.',
  })
  @IsOptional()
  @IsEntityId()
  measurementId?: string;

  @Field({ description: 'Decimal as a string, e.g. "-3.5" or "72.25".' })
  @IsDecimalString()
  value!: string;

  @Field(() => LocalDateScalar)
  @IsMeasuredDay()
  periodStart!: string;

  @Field(() => LocalDateScalar, { description: 'On or after periodStart.' })
  @IsMeasuredDay()
  periodEnd!: string;

  @Field(() => ID, { description: 'The member partner the data comes from.' })
  @IsEntityId()
  sourcePartnerId!: string;

  @Field({ description: 'How the value was measured.' })
  @IsText({ max: 2_000, multiline: true })
  method!: string;
}
