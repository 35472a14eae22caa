import type { Actor } from '@accord/domain';
import { type TokenService } from '../auth/token.service';

/** A command the demo could not record: the mutation, and what the API answered. */
export class DemoStepError extends Error {}

/**
 * Sends the demo's commands to a running API as its users would: one signed-in person of a
 * partner per request, over GraphQL, through validation, the policy and the deciders.
 */
export class DemoClient {
  private readonly tokens = new Map<string, Promise<string>>();
  commands = 0;

  constructor(
    private readonly url: string,
    private readonly tokenService: TokenService,
  ) {}

  private token(actor: Actor): Promise<string> {
    const key = `${actor.personId}/${actor.partnerId}`;
    if (!this.tokens.has(key)) this.tokens.set(key, this.tokenService.issue(actor, '1h'));
    return this.tokens.get(key)!;
  }

  /** Runs one mutation `name(input: …)` as `actor`; its input type is the mutation's, capitalised. */
  async run(actor: Actor, name: string, input: Record<string, unknown>): Promise<void> {
    const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
    const query = `mutation Demo($input: ${inputType}!) { ${name}(input: $input) { receipt { position } } }`;
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await this.token(actor)}`,
      },
      body: JSON.stringify({ query, variables: { input } }),
    });
    const body = (await response.json()) as { errors?: { message: string }[] };
    if (body.errors?.length) {
      throw new DemoStepError(
        `${name} by ${actor.personId} of ${actor.partnerId} was refused: ${body.errors[0]!.message}`,
      );
    }
    this.commands += 1;
  }
}
