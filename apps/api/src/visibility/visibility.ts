import type { ReadModelDatabase } from '@accord/projections';
import { GraphQLError } from 'graphql';
import type { AccordContext, Redaction } from '../graphql/accord-context';
import { AccessReader } from './access.reader';
import { Viewer } from './viewer';

/** Makes the viewer of a request from its verified actor (set by the auth guard or the socket). */
export class Visibility {
  private readonly access: AccessReader;

  constructor(
    live: ReadModelDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.access = new AccessReader(live);
  }

  viewerOf(context: AccordContext): Viewer {
    if (!context.actor)
      throw new GraphQLError('sign in to read an initiative', {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    return (context.viewer ??= new Viewer(this.access, context.actor, this.now));
  }

  /**
   * The partners whose data an entity's events are beyond those the event itself names: a
   * risk's events are its current owners', as the risk register judges them.
   */
  entityOwners(kind: string, entityId: string): Promise<string[]> {
    return kind === 'risk' ? this.access.riskOwners(entityId) : Promise.resolve([]);
  }

  redact(context: AccordContext, redaction: Redaction): void {
    (context.redactions ??= []).push(redaction);
  }
}
