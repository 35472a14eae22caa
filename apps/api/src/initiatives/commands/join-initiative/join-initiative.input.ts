import { type Sector } from '@accord/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';
import { SectorEnum } from '../../initiative.model';

@InputType()
export class JoinInitiativeInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field(() => ID, {
    description: "The partner organisation id, as it appears in its people's tokens.",
  })
  @IsEntityId()
  partnerId!: string;

  @Field()
  @IsText({ max: 200 })
  organisationName!: string;

  @Field(() => SectorEnum)
  @IsIn(Object.values(SectorEnum))
  sector!: Sector;
}
