/**
 * What GraphiQL opens with: a few commented operations that show what Accord answers. The
 * GraphiQL test validates this document against the served schema, so it never goes stale.
 */
export const GRAPHIQL_EXAMPLES = `# Welcome to Accord's GraphQL API.
#
# Accord records every agreement, role, commitment, risk, benefit share and decision of a
# collective impact initiative as an immutable event. Run an operation with the ▶ button and
# pick one of those below. Every operation needs a token in the Headers tab (below):
#
#   npm run --silent accord -- token --person <your-person-id> --partner <your-partner-id>
#
# Start with MyInitiatives to find an initiative id, then paste it into the Variables tab:
#   { "initiativeId": "…", "decisionId": "…", "entityId": "…", "asOf": "2026-01-01T00:00:00Z" }

# The initiatives you are a member or observer of.
query MyInitiatives {
  initiatives(first: 20) {
    totalCount
    edges { node { initiativeId name problemStatement launchedAt partners { organisationName sector } } }
  }
}

# Who committed to what, by when, and whether it was delivered, partner by partner.
query Accountability($initiativeId: ID!) {
  accountability(initiativeId: $initiativeId) {
    on
    partners(first: 20) {
      edges { node {
        partner { organisationName sector }
        commitments { total overdue(first: 5) { totalCount edges { node { description dueDate percent } } } }
        roles { role person { name } }
      } }
    }
  }
}

# A decision with its motion, quorum, tally and every vote with its reason.
query DecisionWithTally($decisionId: ID!) {
  decision(id: $decisionId) {
    title motion method status outcome outcomeReason
    quorum { reached participants votingMembers required }
    tally { for against abstain objection block }
    votes { person { name } partnerId choice reason counted changedAt }
    recusals { personId reason }
  }
}

# Time travel: the same accountability view as it stood on a past date (business time).
# Use knownAt instead of asOf for what the ledger had been told by then.
query AccountabilityAsOf($initiativeId: ID!, $asOf: DateTime!) {
  accountability(initiativeId: $initiativeId, asOf: $asOf) {
    on
    partners(first: 20) { edges { node { partner { organisationName } commitments { total } } } }
  }
}

# The history of one entity (a commitment, a decision, an agreement…): every event with
# who did it, when it happened and when the ledger learned it.
query History($entityId: ID!) {
  history(entityId: $entityId) {
    type occurredAt recordedAt actor { personId partnerId } data position hash
  }
}
`;
