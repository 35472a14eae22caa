import {
  CommitmentsRegisterReader,
  type CommitmentFilter as ReaderFilter,
  mapPage,
} from '@accord/projections';
import { Injectable } from '@nestjs/common';
import { type PageArgs, toPageRequest } from '../../graphql/pagination';
import { ReadingTime } from '../../ledger/reading-time';
import { NotFoundError } from '../../ledger/ledger.errors';
import {
  type Commitment,
  type CommitmentConnection,
  type CommitmentRevision,
  toCommitment,
} from '../commitment.model';

@Injectable()
export class CommitmentQueries {
  constructor(
    private readonly reader: CommitmentsRegisterReader,
    private readonly readingTime: ReadingTime,
  ) {}

  async byId(commitmentId: string): Promise<Commitment> {
    const view = await this.reader.get(commitmentId);
    if (!view) throw new NotFoundError('commitment', commitmentId);
    return toCommitment(view, this.today());
  }

  async list(filter: Omit<ReaderFilter, 'today'>, page: PageArgs): Promise<CommitmentConnection> {
    const today = this.today();
    const result = await this.reader.list({ ...filter, today }, toPageRequest(page));
    return mapPage(result, (view) => toCommitment(view, today));
  }

  /** Every revision of a commitment, oldest first. */
  revisions(commitmentId: string): Promise<CommitmentRevision[]> {
    return this.reader.revisions(commitmentId);
  }

  private today(): string {
    return this.readingTime.today();
  }
}
