import { DecisionRegisterReader, type DecisionFilter, mapPage } from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { type PageArgs, toPageRequest } from '../../graphql/pagination';
import { ReadingTime } from '../../ledger/reading-time';
import { NotFoundError } from '../../ledger/ledger.errors';
import { type Decision, type DecisionConnection, toDecision } from '../decision.model';

@Injectable()
export class DecisionQueries {
  constructor(
    private readonly reader: DecisionRegisterReader,
    private readonly readingTime: ReadingTime,
  ) {}

  async byId(decisionId: string): Promise<Decision> {
    const view = await this.reader.get(decisionId);
    if (!view) throw new NotFoundError('decision', decisionId);
    return toDecision(view, this.today());
  }

  async byIds(decisionIds: readonly string[]): Promise<Decision[]> {
    const today = this.today();
    return (await this.reader.byIds(decisionIds)).map((view) => toDecision(view, today));
  }

  async list(filter: Omit<DecisionFilter, 'today'>, page: PageArgs): Promise<DecisionConnection> {
    const today = this.today();
    const result = await this.reader.list({ ...filter, today }, toPageRequest(page));
    return mapPage(result, (view) => toDecision(view, today));
  }

  private today(): string {
    return this.readingTime.today();
  }
}
