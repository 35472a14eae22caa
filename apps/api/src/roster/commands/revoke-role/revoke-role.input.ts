import { Field, ID, InputType } from '@nestjs/graphql';
import { CommandInput } from '../../../graphql/command-input';
import { IsText } from '../../../graphql/text';
import { IsEntityId } from '../../../graphql/id';

@InputType()
export class RevokeRoleInput extends CommandInput {
  @Field(() => ID)
  @IsEntityId()
  initiativeId!: string;

  @Field(() => ID)
  @IsEntityId()
  assignmentId!: string;

  @Field({ description: 'Why the role is revoked: the roster keeps it.' })
  @IsText({ max: 5_000, multiline: true })
  reason!: string;
}
