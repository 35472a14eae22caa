import {
  type BucketCounts,
  type CommitmentBucket,
  type CommitmentsRegisterReader,
  type CommitmentView,
  emptyPage,
  mapPage,
  type Page,
  type PageRequest,
} from '@accord/projections';
import { type Commitment, toCommitment } from '../commitments/commitment.model';

type BucketPages = Map<string, Omit<Page<CommitmentView>, 'totalCount'>>;

/**
 * The commitments of one page of partners in the accountability view. GraphQL asks for each
 * partner's groups one partner at a time; the first ask of a group (with its page size and
 * cursor) loads that group for every partner of the page in one query, and the others share
 * it. The counts of every group were made beforehand, in one GROUP BY.
 */
export class CommitmentPages {
  private readonly loads = new Map<string, Promise<BucketPages>>();

  constructor(
    private readonly reader: CommitmentsRegisterReader,
    private readonly initiativeId: string,
    private readonly partnerIds: readonly string[],
    /** The day overdue is judged by. */
    private readonly on: string,
    private readonly counts: ReadonlyMap<string, BucketCounts>,
  ) {}

  total(partnerId: string): number {
    const counts = this.counts.get(partnerId);
    return counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : 0;
  }

  async page(
    partnerId: string,
    bucket: CommitmentBucket,
    request: PageRequest,
  ): Promise<Page<Commitment>> {
    const key = `${bucket} ${request.first} ${request.after ?? ''}`;
    let load = this.loads.get(key);
    if (!load) {
      load = this.reader.bucketPages(this.initiativeId, this.partnerIds, bucket, this.on, request);
      this.loads.set(key, load);
    }
    const page = (await load).get(partnerId) ?? emptyPage<CommitmentView>();
    const totalCount = this.counts.get(partnerId)?.[bucket] ?? 0;
    return mapPage({ ...page, totalCount }, (view) => toCommitment(view, this.on));
  }
}
