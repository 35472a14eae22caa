import { encodeCursor, type JournalEntry, JournalReader } from '@accord/projections';
import { InputValidationError } from '../graphql/input-validation';
import { toPageRequest } from '../graphql/pagination';
import { queriesOf } from '../graphql/resolver-table';
import { LedgerEvent } from '../live/ledger-event.model';
import { ChangesArgs, type EntityChange, HistoryArgs, InitiativeChanges } from './history.model';

/** Groups a window's events by entity, in order of each entity's first event there. */
function byEntity(entries: readonly JournalEntry[]): Map<string, EntityChange[]> {
  const entities = new Map<string, EntityChange>();
  for (const entry of entries) {
    let entity = entities.get(entry.stream);
    if (!entity) {
      entity = {
        kind: entry.category,
        entityId: entry.entityId,
        stream: entry.stream,
        created: false,
        events: [],
      };
      entities.set(entry.stream, entity);
    }
    if (entry.revision === 0) entity.created = true;
    entity.events.push(entry);
  }
  const byKind = new Map<string, EntityChange[]>();
  for (const entity of entities.values()) {
    byKind.set(entity.kind, [...(byKind.get(entity.kind) ?? []), entity]);
  }
  return byKind;
}

export const HistoryResolver = queriesOf([JournalReader], {
  history: {
    type: () => [LedgerEvent],
    description:
      'Every event of one entity (a commitment, decision, agreement, …; an initiative id also gives its roster), with its actor and both times, in log order. `data` holds what the event changed.',
    args: HistoryArgs,
    resolve: (args, _, journal) => journal.history(args.entityId, args.first),
  },
  changes: {
    type: () => InitiativeChanges,
    description:
      "What changed across an initiative between two moments: new and changed commitments, decisions, signatures, roles, risks, measurements; a page of the window's events at a time, grouped by kind.",
    args: ChangesArgs,
    resolve: (args, _, journal) => changes(journal, args),
  },
});

async function changes(journal: JournalReader, args: ChangesArgs): Promise<InitiativeChanges> {
  if (Date.parse(args.from) >= Date.parse(args.to)) {
    throw new InputValidationError([
      { field: 'to', rule: 'isAfterFrom', message: 'to must be later than from' },
    ]);
  }
  const window = {
    from: new Date(args.from).toISOString(),
    to: new Date(args.to).toISOString(),
    timeline: args.timeline,
  };
  const page = toPageRequest(args);
  const [entries, eventCount] = await Promise.all([
    journal.between(args.initiativeId, window, page.first + 1, page.after, args.newestFirst),
    journal.countBetween(args.initiativeId, window),
  ]);
  const shown = entries.slice(0, page.first);
  const last = shown[shown.length - 1];
  const kinds = byEntity(args.newestFirst ? [...shown].reverse() : shown);
  const of = (kind: string) => kinds.get(kind) ?? [];
  return {
    initiativeId: args.initiativeId,
    ...window,
    eventCount,
    pageInfo: {
      hasNextPage: entries.length > page.first,
      endCursor: last ? encodeCursor(last.position) : null,
    },
    initiative: of('initiative'),
    roles: of('roster'),
    commitments: of('commitment'),
    decisions: of('decision'),
    agreements: of('agreement'),
    risks: of('risk'),
    benefitPools: of('benefit-pool'),
    measurements: of('indicator'),
    meetings: of('meeting'),
  };
}
