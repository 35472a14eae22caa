import { DecisionRegisterReader, mapPage } from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { clean, toPageRequest } from '../../graphql/pagination';
import { byId, fieldResolvers, queriesOf } from '../../graphql/resolver-table';
import { Initiative } from '../../initiatives/initiative.model';
import { ReadingTime } from '../../ledger/reading-time';
import { found } from '../../ledger/ledger.errors';
import {
  Decision,
  DecisionConnection,
  DecisionsArgs,
  InitiativeDecisionsArgs,
  toDecision,
} from '../decision.model';

@Injectable()
export class DecisionQueries {
  constructor(
    private readonly reader: DecisionRegisterReader,
    private readonly readingTime: ReadingTime,
  ) {}

  async byId(decisionId: string): Promise<Decision> {
    const view = await found('decision', decisionId, this.reader.get(decisionId));
    return toDecision(view, this.readingTime.today());
  }

  async byIds(decisionIds: readonly string[]): Promise<Decision[]> {
    const today = this.readingTime.today();
    return (await this.reader.byIds(decisionIds)).map((view) => toDecision(view, today));
  }

  /** An initiative's decisions in the order proposed, by status or review due. */
  async ofInitiative(initiativeId: string, args: InitiativeDecisionsArgs) {
    const today = this.readingTime.today();
    const { status, reviewDue } = args;
    const filter = { initiativeId, today, ...clean({ status, reviewDue }) };
    const page = await this.reader.list(filter, toPageRequest(args));
    return mapPage(page, (view): Decision => toDecision(view, today));
  }
}

export const DecisionResolver = queriesOf([DecisionQueries], {
  decision: byId(Decision, 'One decision; NOT_FOUND if there is none with this id.'),
  decisions: {
    type: () => DecisionConnection,
    description: 'Decisions of an initiative in the order proposed, by status or review due.',
    args: DecisionsArgs,
    resolve: (args, _, queries) => queries.ofInitiative(args.initiativeId, args),
  },
});

export const InitiativeDecisionsResolver = fieldResolvers(Initiative, [DecisionQueries], {
  decisions: {
    type: () => DecisionConnection,
    description: 'Decisions of this initiative in the order proposed, by status or review due.',
    args: InitiativeDecisionsArgs,
    resolve: ({ initiativeId }, args, queries) => queries.ofInitiative(initiativeId, args),
  },
});
