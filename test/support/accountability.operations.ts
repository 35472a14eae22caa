/** GraphQL documents and helpers for the accountability view's end-to-end tests. */

/** One partner's whole view: each group of commitments a page of `first` after `after`. */
export const ACCOUNTABILITY = `query Accountability(
  $initiativeId: ID!, $on: LocalDate, $first: Int, $after: String, $partnerId: ID
) {
  accountability(initiativeId: $initiativeId, on: $on) {
    initiativeId on
    partners(partnerId: $partnerId) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node {
        partner { partnerId organisationName status }
        commitments {
          total
          onTrack(first: $first, after: $after) { ...page }
          overdue(first: $first, after: $after) { ...page }
          fulfilled(first: $first, after: $after) { ...page }
          withdrawn(first: $first, after: $after) { ...page }
          missed(first: $first, after: $after) { ...page }
        }
        roles { role personId }
        agreements { signed { agreementId } pending { agreementId } }
        risks(first: 3) { totalCount edges { node { risk { riskId exposure } owner sharePercent } } }
        benefitShares(first: 3) {
          totalCount edges { node { pool { poolId name } sharePercent distributed { amount currency } } }
        }
      } }
    }
  }
}
fragment page on CommitmentConnection {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { commitmentId dueDate overdue } }
}`;

export type Group = 'onTrack' | 'overdue' | 'fulfilled' | 'withdrawn' | 'missed';

/** One group of one partner, a page at a time, read at `at` (asOf/knownAt/atPosition) if given. */
export const GROUP_PAGE = (group: Group, at = '') => `query GroupPage(
  $initiativeId: ID!, $partnerId: ID, $partnersFirst: Int, $partnersAfter: String,
  $first: Int, $after: String, $on: LocalDate${at ? `, $at: ${at === 'atPosition' ? 'String' : 'DateTime'}` : ''}
) {
  accountability(initiativeId: $initiativeId, on: $on${at ? `, ${at}: $at` : ''}) {
    on
    partners(partnerId: $partnerId, first: $partnersFirst, after: $partnersAfter) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node {
        partner { partnerId }
        commitments { total ${group}(first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { cursor node { commitmentId status overdue } }
        } }
      } }
    }
  }
}`;

/** The commitment ids of a page. */
export const idsOf = (connection: { edges: { node: { commitmentId: string } }[] }): string[] =>
  connection.edges.map((edge) => edge.node.commitmentId);

/** The nodes of a connection, or undefined if the query did not ask for it. */
const nodesOf = (connection: any): any[] | undefined =>
  connection && connection.edges.map((edge: any) => edge.node);

/**
 * Partner id -> its node in the view, its risks and benefit shares (paged, connections) as
 * lists of their nodes.
 */
export const byPartner = (view: any): Map<string, any> =>
  new Map(
    view.partners.edges.map((edge: any) => {
      const node = { ...edge.node };
      if ('risks' in node) node.risks = nodesOf(node.risks);
      if ('benefitShares' in node) node.benefitShares = nodesOf(node.benefitShares);
      return [node.partner.partnerId, node];
    }),
  );
