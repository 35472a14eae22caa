import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class AmendAgendaInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field({ description: 'The new common agenda, in full.' })
  @IsText({ max: 20_000, multiline: true })
  commonAgenda!: string;

  @Field({ nullable: true, description: 'Why the agenda changed.' })
  @IsOptional()
  @IsText({ max: 2_000, multiline: true })
  reason?: string;
}
