import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { ExistingEntityCommandInput } from '../../../graphql/command-input';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class AmendAgendaInput extends ExistingEntityCommandInput {
  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field({ description: 'The new common agenda, in full.' })
  @IsNotEmpty()
  @MaxLength(20_000)
  commonAgenda!: string;

  @Field({ nullable: true, description: 'Why the agenda changed.' })
  @IsOptional()
  @MaxLength(2_000)
  reason?: string;
}
