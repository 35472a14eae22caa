import type { BenefitPoolEvent, PartnerShare } from '@accord/domain';
import { BENEFIT_POOL_EVENT_TYPES } from '@accord/domain';
import type { StoredEvent } from '@accord/event-store';
import type { Projection } from '../runtime/projection';
import { sql, type SqlStatement } from '../runtime/read-model-database';

/**
 * Benefit pools: one row per pool, every allocation it ever had, every amount it paid out.
 * - BenefitPoolDefined: inserts the pool, unallocated.
 * - BenefitSharesAllocated / BenefitSharesReallocated: add an allocation under the event's
 *   revision and make it the pool's current one; earlier allocations stay as history.
 * - DistributionRecorded: adds one row per partner paid. Totals are summed by the reader in
 *   BigInt, so the rows keep minor units as exact decimal strings.
 */
export const benefitPoolsProjection: Projection = {
  name: 'benefit-pools',
  version: 1,
  handles: new Set(BENEFIT_POOL_EVENT_TYPES),
  tables: [
    {
      name: 'benefit_pools',
      columns: {
        pool_id: 'text',
        initiative_id: 'text',
        name: 'text',
        kind: 'text',
        description: 'text',
        amount_minor: 'text?',
        currency: 'text?',
        allocation_revision: 'integer?',
        defined_at: 'text',
        revision: 'integer',
        defined_position: 'bigint',
      },
      primaryKey: ['pool_id'],
      indexes: {
        by_initiative: { on: ['initiative_id', 'defined_position'] },
        // Which allocation is current and whether money was pooled, without reading the pool.
        current_allocation: {
          on: ['pool_id', 'allocation_revision', 'amount_minor', 'currency', 'defined_position'],
        },
      },
    },
    {
      name: 'benefit_allocations',
      columns: {
        pool_id: 'text',
        initiative_id: 'text',
        revision: 'integer',
        partner_id: 'text',
        basis_points: 'integer',
        ordinal: 'integer',
        reason: 'text?',
        allocated_at: 'text',
      },
      primaryKey: ['pool_id', 'revision', 'partner_id'],
      indexes: {
        by_initiative: { on: ['initiative_id'] },
        // The pools a page of partners has a share in (the accountability view), from the index.
        pools_by_partner: { on: ['initiative_id', 'partner_id', 'pool_id', 'revision'] },
      },
    },
    {
      name: 'benefit_distributions',
      columns: {
        pool_id: 'text',
        initiative_id: 'text',
        distribution_id: 'text',
        revision: 'integer',
        partner_id: 'text',
        amount_minor: 'text',
        currency: 'text',
        ordinal: 'integer',
        note: 'text',
        recorded_at: 'text',
      },
      primaryKey: ['pool_id', 'distribution_id', 'partner_id'],
      indexes: {
        by_initiative: { on: ['initiative_id'] },
        pools_by_partner: { on: ['initiative_id', 'partner_id', 'pool_id'] },
      },
    },
  ],

  apply(stored: StoredEvent): SqlStatement[] {
    const event = stored as unknown as BenefitPoolEvent;
    const revision = stored.revision;
    const allocation = (
      poolId: string,
      initiativeId: string,
      shares: readonly PartnerShare[],
      reason: string | null,
      at: string,
    ) => [
      ...shares.map((share, ordinal) =>
        sql(
          `INSERT INTO rm_benefit_allocations (pool_id, initiative_id, revision, partner_id, basis_points,
             ordinal, reason, allocated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          poolId,
          initiativeId,
          revision,
          share.partnerId,
          share.basisPoints,
          ordinal,
          reason,
          at,
        ),
      ),
      sql(
        `UPDATE rm_benefit_pools SET allocation_revision = ?, revision = ? WHERE pool_id = ?`,
        revision,
        revision,
        poolId,
      ),
    ];
    switch (event.type) {
      case 'BenefitPoolDefined.v1': {
        const d = event.data;
        return [
          sql(
            `INSERT INTO rm_benefit_pools (pool_id, initiative_id, name, kind, description, amount_minor, currency,
               allocation_revision, defined_at, revision, defined_position)
             VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
            d.poolId,
            d.initiativeId,
            d.name,
            d.kind,
            d.description,
            d.amount?.amountMinor ?? null,
            d.amount?.currency ?? null,
            d.definedAt,
            revision,
            stored.position,
          ),
        ];
      }
      case 'BenefitSharesAllocated.v1': {
        const d = event.data;
        return allocation(d.poolId, d.initiativeId, d.shares, null, d.allocatedAt);
      }
      case 'BenefitSharesReallocated.v1': {
        const d = event.data;
        return allocation(d.poolId, d.initiativeId, d.shares, d.reason, d.reallocatedAt);
      }
      case 'DistributionRecorded.v1': {
        const d = event.data;
        return [
          ...d.amounts.map((paid, ordinal) =>
            sql(
              `INSERT INTO rm_benefit_distributions (pool_id, initiative_id, distribution_id, revision, partner_id,
                 amount_minor, currency, ordinal, note, recorded_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
              d.poolId,
              d.initiativeId,
              d.distributionId,
              revision,
              paid.partnerId,
              paid.amount.amountMinor,
              paid.amount.currency,
              ordinal,
              d.note,
              d.recordedAt,
            ),
          ),
          sql(`UPDATE rm_benefit_pools SET revision = ? WHERE pool_id = ?`, revision, d.poolId),
        ];
      }
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
};
