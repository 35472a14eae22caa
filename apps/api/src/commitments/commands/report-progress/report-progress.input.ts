import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class ReportProgressInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  commitmentId!: string;

  @Field(() => Int, { description: 'Progress so far, 0 to 100.' })
  @IsInt()
  @Min(0)
  @Max(100)
  percent!: number;

  @Field({ description: 'What was done, and the evidence for it.' })
  @IsText({ max: 5_000, multiline: true })
  note!: string;
}
