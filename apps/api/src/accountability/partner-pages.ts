import { emptyPage, type Page, type PageRequest, type PagesByPartner } from '@accord/projections';

/**
 * One of a partner's lists in the accountability view (risks, benefit shares, agreements), a
 * page at a time. GraphQL asks for each partner's page one partner at a time; the first ask with
 * a page size and cursor loads that page for every partner of the page of partners in one query
 * (and their counts in one GROUP BY), and the others share it.
 */
export class PartnerPages<T> {
  private readonly loads = new Map<string, Promise<PagesByPartner<T>>>();

  constructor(private readonly load: (request: PageRequest) => Promise<PagesByPartner<T>>) {}

  async page(partnerId: string, request: PageRequest): Promise<Page<T>> {
    const key = `${request.first} ${request.after ?? ''}`;
    let load = this.loads.get(key);
    if (!load) {
      load = this.load(request);
      this.loads.set(key, load);
    }
    return (await load).get(partnerId) ?? emptyPage<T>();
  }
}
