import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Field } from '../components/command';
import { QueryView, TableWrap } from '../components/query-view';
import { useHref } from '../context';
import { type QueryState, useQuery } from '../data';
import { formatDateTime } from '../format';
import { AccountabilityPageDocument, type AccountabilityPageQuery } from '../graphql/generated';
import { navigate, pathOf, useLocation, withParams } from '../router';

type Row = AccountabilityPageQuery['accountability']['partners']['edges'][number]['node'];

const GROUPS = [
  ['onTrack', 'On track'],
  ['overdue', 'Overdue'],
  ['fulfilled', 'Fulfilled'],
  ['missed', 'Missed'],
  ['withdrawn', 'Withdrawn'],
] as const;

/** The end of a calendar day in the reader's time zone, as the instant to read the record at. */
export function endOfDay(day: string): string {
  return new Date(`${day}T23:59:59.999`).toISOString();
}

/** A date input's value for an instant, in the reader's time zone. */
function dayOf(iso: string | null): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return '';
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

function validPoint(value: string | null): string | null {
  return value && !Number.isNaN(Date.parse(value)) ? value : null;
}

/** One number then and now, and the change between them. */
function Change({ before, after }: { before: number | undefined; after: number | undefined }) {
  if (before === undefined && after === undefined) return <td>—</td>;
  const difference = (after ?? 0) - (before ?? 0);
  return (
    <td class="num">
      {before ?? '—'} → {after ?? '—'}
      {difference !== 0 && (
        <strong>
          {' '}
          ({difference > 0 ? '+' : '−'}
          {Math.abs(difference)})
        </strong>
      )}
    </td>
  );
}

/**
 * `/initiatives/:id/accountability/compare?from=…&to=…`: the evaluator's comparison, the
 * accountability view as of two points in time side by side, both carried by the URL.
 */
export function AccountabilityCompareScreen({ initiativeId }: { initiativeId: string }) {
  const href = useHref();
  const { search } = useLocation();
  const from = validPoint(search.get('from'));
  const to = validPoint(search.get('to'));
  const [fromDay, setFromDay] = useState(dayOf(from));
  const [toDay, setToDay] = useState(dayOf(to));
  const [problem, setProblem] = useState<string | null>(null);
  const base = pathOf('initiatives', initiativeId);
  const here = `${base}/accountability/compare`;
  const show = (event: Event) => {
    event.preventDefault();
    const found = !fromDay || !toDay ? 'Give both dates.' : null;
    setProblem(found);
    if (found) return;
    navigate(withParams(href(here), { from: endOfDay(fromDay), to: endOfDay(toDay) }));
  };
  return (
    <>
      <p>
        <a href={href(`${base}/accountability`)}>Accountability</a>
      </p>
      <h1>Accountability at two dates</h1>
      <form class="filters" aria-label="Dates to compare" onSubmit={show} noValidate>
        <Field
          id="compare-from"
          label="First date"
          type="date"
          value={fromDay}
          onInput={setFromDay}
          error={problem && !fromDay ? problem : undefined}
        />
        <Field
          id="compare-to"
          label="Second date"
          type="date"
          value={toDay}
          onInput={setToDay}
          error={problem && !toDay ? problem : undefined}
        />
        <button type="submit">Compare</button>
      </form>
      {from && to ? (
        <Comparison initiativeId={initiativeId} from={from} to={to} />
      ) : (
        <p>Choose two dates to see each partner's commitments, roles and agreements at both.</p>
      )}
    </>
  );
}

function Comparison({
  initiativeId,
  from,
  to,
}: {
  initiativeId: string;
  from: string;
  to: string;
}) {
  const before = useQuery(AccountabilityPageDocument, { initiativeId, asOf: from });
  const after = useQuery(AccountabilityPageDocument, { initiativeId, asOf: to });
  return (
    <QueryView state={after}>
      {(later) => (
        <Side state={before}>
          {(earlier) => <Table earlier={earlier} later={later} from={from} to={to} />}
        </Side>
      )}
    </QueryView>
  );
}

/** The earlier side may precede the initiative: then everything counts from nothing. */
function Side({
  state,
  children,
}: {
  state: QueryState<AccountabilityPageQuery>;
  children: (data: AccountabilityPageQuery | null) => ComponentChildren;
}) {
  if (state.error) return <>{children(null)}</>;
  return <QueryView state={state}>{(data) => children(data)}</QueryView>;
}

function Table({
  earlier,
  later,
  from,
  to,
}: {
  earlier: AccountabilityPageQuery | null;
  later: AccountabilityPageQuery;
  from: string;
  to: string;
}) {
  const rows = (data: AccountabilityPageQuery | null) =>
    new Map<string, Row>(
      (data?.accountability.partners.edges ?? []).map(({ node }) => [node.partner.partnerId, node]),
    );
  const then = rows(earlier);
  const now = rows(later);
  const partners = [...new Set([...then.keys(), ...now.keys()])];
  const name = (id: string) => (now.get(id) ?? then.get(id))?.partner.organisationName ?? id;
  return (
    <>
      <p role="status">
        Each cell: as of <time dateTime={from}>{formatDateTime(from)}</time> → as of{' '}
        <time dateTime={to}>{formatDateTime(to)}</time>
        {earlier ? '' : '; the initiative did not exist yet at the first date'}.
      </p>
      <TableWrap label="Accountability at two dates">
        <table>
          <thead>
            <tr>
              <th scope="col">Partner</th>
              {GROUPS.map(([, label]) => (
                <th scope="col" key={label} class="num">
                  {label}
                </th>
              ))}
              <th scope="col" class="num">
                Roles
              </th>
              <th scope="col" class="num">
                Agreements signed
              </th>
            </tr>
          </thead>
          <tbody>
            {partners.map((id) => {
              const a = then.get(id);
              const b = now.get(id);
              return (
                <tr key={id}>
                  <th scope="row">{name(id)}</th>
                  {GROUPS.map(([group]) => (
                    <Change
                      key={group}
                      before={a?.commitments[group].totalCount}
                      after={b?.commitments[group].totalCount}
                    />
                  ))}
                  <Change before={a?.roles.length} after={b?.roles.length} />
                  <Change
                    before={a?.agreements.signedPage.totalCount}
                    after={b?.agreements.signedPage.totalCount}
                  />
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
