import type { DecisionEvent } from '@accord/domain';
import { DECISION_EVENT_TYPES } from '@accord/domain';
import type { StoredEvent } from '@accord/event-store';
import type { Projection } from '../runtime/projection';
import { sql, type SqlStatement } from '../runtime/read-model-database';

/**
 * Decision register: one row per decision, one per voter, one per vote event, one per recusal.
 * - DecisionProposed: inserts the decision, open, with the method and thresholds it was proposed under.
 * - ConflictOfInterestDeclared: inserts the recusal; a vote the member already cast stops counting.
 * - VoteCast: inserts the voter's ballot and the first entry of its history.
 * - VoteChanged: replaces the ballot's choice and reason; appends to its history (the earlier stays).
 * - DecisionClosed: sets the outcome, the reason, the tally and the quorum check, as computed by the domain.
 * - DecisionSuperseded: marks the decision superseded, naming the later one.
 * Every event also moves the decision's revision.
 */
export const decisionRegisterProjection: Projection = {
  name: 'decision-register',
  version: 1,
  handles: new Set(DECISION_EVENT_TYPES),
  tables: [
    {
      name: 'decisions',
      columns: {
        decision_id: 'text',
        initiative_id: 'text',
        title: 'text',
        motion: 'text',
        rationale: 'text',
        method: 'text',
        quorum_numerator: 'integer',
        quorum_denominator: 'integer',
        supermajority_numerator: 'integer',
        supermajority_denominator: 'integer',
        meeting_id: 'text?',
        review_date: 'text?',
        proposed_rules: 'text?',
        proposed_by_person_id: 'text',
        proposed_by_partner_id: 'text',
        proposed_at: 'text',
        status: 'text',
        outcome: 'text?',
        outcome_reason: 'text?',
        closed_at: 'text?',
        tally_for: 'integer?',
        tally_against: 'integer?',
        tally_abstain: 'integer?',
        tally_block: 'integer?',
        tally_objection: 'integer?',
        quorum_voting_members: 'integer?',
        quorum_participants: 'integer?',
        quorum_required: 'integer?',
        quorum_reached: 'integer?',
        superseded_by: 'text?',
        superseded_at: 'text?',
        revision: 'integer',
        proposed_position: 'bigint',
      },
      primaryKey: ['decision_id'],
      indexes: {
        by_position: { on: ['proposed_position'], unique: true },
        by_initiative: { on: ['initiative_id', 'proposed_position'] },
        by_superseder: { on: ['superseded_by'] },
      },
    },
    {
      name: 'decision_votes',
      columns: {
        decision_id: 'text',
        person_id: 'text',
        partner_id: 'text',
        choice: 'text',
        reason: 'text?',
        cast_at: 'text',
        changed_at: 'text?',
        counted: 'integer',
        cast_position: 'bigint',
      },
      primaryKey: ['decision_id', 'person_id'],
    },
    {
      name: 'decision_vote_history',
      columns: {
        decision_id: 'text',
        position: 'bigint',
        person_id: 'text',
        kind: 'text',
        choice: 'text',
        previous_choice: 'text?',
        reason: 'text?',
        occurred_at: 'text',
      },
      primaryKey: ['decision_id', 'position'],
    },
    {
      name: 'decision_recusals',
      columns: {
        decision_id: 'text',
        person_id: 'text',
        partner_id: 'text',
        reason: 'text',
        declared_at: 'text',
        position: 'bigint',
      },
      primaryKey: ['decision_id', 'person_id'],
    },
  ],

  apply(stored: StoredEvent): SqlStatement[] {
    const event = stored as unknown as DecisionEvent;
    const revision = sql(
      'UPDATE rm_decisions SET revision = ? WHERE decision_id = ?',
      stored.revision,
      event.data.decisionId,
    );
    switch (event.type) {
      case 'DecisionProposed.v1': {
        const d = event.data;
        return [
          sql(
            `INSERT INTO rm_decisions (decision_id, initiative_id, title, motion, rationale, method,
               quorum_numerator, quorum_denominator, supermajority_numerator, supermajority_denominator,
               meeting_id, review_date, proposed_rules, proposed_by_person_id, proposed_by_partner_id,
               proposed_at, status, revision, proposed_position)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
            d.decisionId,
            d.initiativeId,
            d.title,
            d.motion,
            d.rationale,
            d.method,
            d.quorum.numerator,
            d.quorum.denominator,
            d.supermajority.numerator,
            d.supermajority.denominator,
            d.meetingId,
            d.reviewDate,
            d.proposedRules === null ? null : JSON.stringify(d.proposedRules),
            d.proposedBy.personId,
            d.proposedBy.partnerId,
            d.proposedAt,
            stored.revision,
            stored.position,
          ),
        ];
      }
      case 'ConflictOfInterestDeclared.v1': {
        const d = event.data;
        return [
          sql(
            `INSERT INTO rm_decision_recusals (decision_id, person_id, partner_id, reason, declared_at, position)
             VALUES (?, ?, ?, ?, ?, ?)`,
            d.decisionId,
            d.personId,
            d.partnerId,
            d.reason,
            d.declaredAt,
            stored.position,
          ),
          sql(
            'UPDATE rm_decision_votes SET counted = 0 WHERE decision_id = ? AND person_id = ?',
            d.decisionId,
            d.personId,
          ),
          revision,
        ];
      }
      case 'VoteCast.v1': {
        const d = event.data;
        return [
          sql(
            `INSERT INTO rm_decision_votes (decision_id, person_id, partner_id, choice, reason, cast_at, counted, cast_position)
             VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
            d.decisionId,
            d.personId,
            d.partnerId,
            d.choice,
            d.reason,
            d.castAt,
            stored.position,
          ),
          sql(
            `INSERT INTO rm_decision_vote_history (decision_id, position, person_id, kind, choice, reason, occurred_at)
             VALUES (?, ?, ?, 'cast', ?, ?, ?)`,
            d.decisionId,
            stored.position,
            d.personId,
            d.choice,
            d.reason,
            d.castAt,
          ),
          revision,
        ];
      }
      case 'VoteChanged.v1': {
        const d = event.data;
        return [
          sql(
            `UPDATE rm_decision_votes SET choice = ?, reason = ?, changed_at = ?
             WHERE decision_id = ? AND person_id = ?`,
            d.choice,
            d.reason,
            d.changedAt,
            d.decisionId,
            d.personId,
          ),
          sql(
            `INSERT INTO rm_decision_vote_history
               (decision_id, position, person_id, kind, choice, previous_choice, reason, occurred_at)
             VALUES (?, ?, ?, 'changed', ?, ?, ?, ?)`,
            d.decisionId,
            stored.position,
            d.personId,
            d.choice,
            d.previousChoice,
            d.reason,
            d.changedAt,
          ),
          revision,
        ];
      }
      case 'DecisionClosed.v1': {
        const { tally, quorum, ...d } = event.data;
        return [
          sql(
            `UPDATE rm_decisions SET status = ?, outcome = ?, outcome_reason = ?, closed_at = ?,
               tally_for = ?, tally_against = ?, tally_abstain = ?, tally_block = ?, tally_objection = ?,
               quorum_voting_members = ?, quorum_participants = ?, quorum_required = ?, quorum_reached = ?,
               revision = ?
             WHERE decision_id = ?`,
            d.outcome,
            d.outcome,
            d.reason,
            d.closedAt,
            tally.for,
            tally.against,
            tally.abstain,
            tally.block,
            tally.objection,
            quorum.votingMembers,
            quorum.participants,
            quorum.required,
            quorum.reached ? 1 : 0,
            stored.revision,
            d.decisionId,
          ),
        ];
      }
      case 'DecisionSuperseded.v1':
        return [
          sql(
            `UPDATE rm_decisions SET status = 'superseded', superseded_by = ?, superseded_at = ?, revision = ?
             WHERE decision_id = ?`,
            event.data.byDecisionId,
            event.data.supersededAt,
            stored.revision,
            event.data.decisionId,
          ),
        ];
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
};
