import { MeasurementForm } from '../components/measurement-form';
import { QueryView, TableWrap } from '../components/query-view';
import { useHref, useWorkspace } from '../context';
import { useState } from 'preact/hooks';
import { useQuery } from '../data';
import { request } from '../graphql/client';
import {
  EarlierMeasurementsDocument,
  IndicatorsPageDocument,
  type IndicatorsPageQuery,
} from '../graphql/generated';
import { may } from '../policy';
import { pathOf, useLocation, withParams } from '../router';
import { timeVariables } from '../time-travel';
import { Day } from '../components/values';

type Indicator = IndicatorsPageQuery['indicators']['edges'][number]['node'];
type Series = Indicator['measurementPage']['edges'][number]['node'][];

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const show = (value: number, unit: string) => `${number.format(value)} ${unit}`;

/**
 * The latest and prior measurements (by period, from the API), whether the change is for the
 * better, and the measurements shown (the latest recorded, and any earlier pages asked for), by
 * period.
 */
function scorecard(indicator: Indicator, earlier: Series) {
  const series = [...indicator.measurementPage.edges.map((e) => e.node), ...earlier].sort((a, b) =>
    a.periodEnd.localeCompare(b.periodEnd),
  );
  const { latest, prior } = indicator;
  const target = Number(indicator.target.value);
  const up = indicator.direction === 'UP';
  let trend = 'no trend yet';
  if (latest && prior) {
    const change = Number(latest.value) - Number(prior.value);
    trend = change === 0 ? 'no change' : change > 0 === up ? 'getting better' : 'getting worse';
  }
  return {
    series,
    latest,
    prior,
    variance: latest ? Number(latest.value) - target : null,
    trend,
  };
}

/**
 * A line of the measurements over their periods, with the baseline and target as dashed
 * lines. The figure is described in words (the scorecard and the table say the same).
 */
function Chart({ indicator, series }: { indicator: Indicator; series: Series }) {
  const width = 320;
  const height = 160;
  const values = [
    ...series.map((m) => Number(m.value)),
    Number(indicator.baseline.value),
    Number(indicator.target.value),
  ];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const y = (value: number) => height - 10 - ((value - low) / (high - low || 1)) * (height - 20);
  const x = (i: number) =>
    series.length < 2 ? width / 2 : 10 + (i * (width - 20)) / (series.length - 1);
  const points = series.map((m, i) => `${x(i)},${y(Number(m.value))}`).join(' ');
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: `${width}px` }}
      role="img"
      aria-label={`${indicator.name}: ${series.length} measurements, from ${series[0] ? show(Number(series[0].value), indicator.unit) : 'none'} to ${series.at(-1) ? show(Number(series.at(-1)!.value), indicator.unit) : 'none'}; baseline ${show(Number(indicator.baseline.value), indicator.unit)}, target ${show(Number(indicator.target.value), indicator.unit)}`}
    >
      <line
        x1="0"
        x2={width}
        y1={y(Number(indicator.baseline.value))}
        y2={y(Number(indicator.baseline.value))}
        stroke="#6b6b6b"
        stroke-dasharray="4 4"
      />
      <line
        x1="0"
        x2={width}
        y1={y(Number(indicator.target.value))}
        y2={y(Number(indicator.target.value))}
        stroke="#0b6b2e"
        stroke-dasharray="8 4"
      />
      <polyline points={points} fill="none" stroke="#0b57a4" stroke-width="2" />
      {series.map((m, i) => (
        <circle
          key={m.measurementId}
          cx={x(i)}
          cy={y(Number(m.value))}
          r={m.corrected ? 5 : 3.5}
          fill={m.corrected ? '#fff' : '#0b57a4'}
          stroke="#0b57a4"
          stroke-width="2"
        />
      ))}
    </svg>
  );
}

type Roster = IndicatorsPageQuery['roster'];

/**
 * One indicator: its scorecard, its chart and table of the latest measurements recorded (a
 * scorecard is read for its latest figures), and a button that adds the page before them.
 */
function IndicatorCard({
  indicator,
  roster,
  onRecorded,
}: {
  indicator: Indicator;
  roster: Roster;
  onRecorded: () => void;
}) {
  const { me, point } = useWorkspace();
  const [earlier, setEarlier] = useState<Series>([]);
  const [more, setMore] = useState(indicator.measurementPage.pageInfo);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const showEarlier = async (after: string) => {
    if (loading) return;
    setLoading(true);
    setFailed(null);
    try {
      const { indicator: found } = await request(EarlierMeasurementsDocument, {
        id: indicator.indicatorId,
        after,
        ...timeVariables(point),
      });
      setEarlier((shown) => [...shown, ...found.measurementPage.edges.map((e) => e.node)]);
      setMore(found.measurementPage.pageInfo);
    } catch (error) {
      setFailed(error instanceof Error ? error.message : String(error));
    } finally {
      setLoading(false);
    }
  };
  const card = scorecard(indicator, earlier);
  return (
    <section key={indicator.indicatorId} class="card">
      <h2>{indicator.name}</h2>
      <p>
        Better when it goes {indicator.direction === 'UP' ? 'up' : 'down'}. Baseline{' '}
        {show(Number(indicator.baseline.value), indicator.unit)} on{' '}
        <Day date={indicator.baseline.date} />; target{' '}
        {show(Number(indicator.target.value), indicator.unit)} by{' '}
        <Day date={indicator.target.date} />.
      </p>
      <dl class="facts">
        <dt>Latest</dt>
        <dd>{card.latest ? show(Number(card.latest.value), indicator.unit) : '—'}</dd>
        <dt>Prior</dt>
        <dd>{card.prior ? show(Number(card.prior.value), indicator.unit) : '—'}</dd>
        <dt>Against target</dt>
        <dd>
          {card.variance === null
            ? '—'
            : `${card.variance > 0 ? '+' : ''}${show(card.variance, indicator.unit)}`}
        </dd>
        <dt>Trend</dt>
        <dd>{card.trend}</dd>
      </dl>
      <Chart indicator={indicator} series={card.series} />
      <p class="muted">
        Dashed grey: baseline; dashed green: target; hollow points were corrected.
      </p>
      {indicator.measurementPage.totalCount > card.series.length && (
        <p class="muted" id={`shown-${indicator.indicatorId}`}>
          The chart and the table show the latest {card.series.length} of{' '}
          {indicator.measurementPage.totalCount} measurements recorded.{' '}
          {more.hasNextPage && more.endCursor && (
            <button
              type="button"
              class="secondary"
              aria-describedby={`shown-${indicator.indicatorId}`}
              onClick={() => void showEarlier(more.endCursor!)}
            >
              Show earlier measurements
            </button>
          )}
        </p>
      )}
      {failed && <p role="alert">Earlier measurements could not be read: {failed}</p>}
      <TableWrap label={`Measurements of ${indicator.name}`}>
        <table class="compact">
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col" class="num">
                Value
              </th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {card.series.map((m) => (
              <tr key={m.measurementId}>
                <td>
                  <Day date={m.periodStart} /> – <Day date={m.periodEnd} />
                </td>
                <td class="num">
                  {show(Number(m.value), indicator.unit)}
                  {m.corrected &&
                    ` (corrected from ${show(Number(m.originalValue), indicator.unit)})`}
                </td>
                <td>{m.sourcePartnerId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {point.kind === 'now' &&
        may('RecordMeasurement', roster, me, indicator.dataSteward.partnerId) && (
          <MeasurementForm
            indicator={indicator}
            sourcePartnerId={indicator.dataSteward.partnerId}
            onRecorded={onRecorded}
          />
        )}
    </section>
  );
}

/** `/initiatives/:id/indicators`: each shared measure as a chart and a scorecard row. */
export function IndicatorsScreen({ initiativeId }: { initiativeId: string }) {
  const { point } = useWorkspace();
  const href = useHref();
  const after = useLocation().search.get('after');
  const state = useQuery(IndicatorsPageDocument, {
    initiativeId,
    ...(after ? { after } : {}),
    ...timeVariables(point),
  });
  const base = pathOf('initiatives', initiativeId);
  return (
    <QueryView state={state}>
      {({ initiative, indicators, roster }) => (
        <>
          <p>
            <a href={href(base)}>{initiative.name}</a>
          </p>
          <h1>Shared measurement</h1>
          {indicators.totalCount === 0 && <p>No indicators defined yet.</p>}
          {indicators.edges.map(({ node: indicator }) => (
            <IndicatorCard
              // Another answer (a measurement recorded, another time point) starts from its latest.
              key={`${indicator.indicatorId} ${indicator.revision} ${indicator.measurementPage.totalCount} ${JSON.stringify(point)}`}
              indicator={indicator}
              roster={roster}
              onRecorded={state.reload}
            />
          ))}
          {indicators.pageInfo.hasNextPage && indicators.pageInfo.endCursor && (
            <nav class="pager" aria-label="Pages of indicators">
              <a
                href={withParams(href(`${base}/indicators`), {
                  after: indicators.pageInfo.endCursor,
                })}
              >
                Next page
              </a>
            </nav>
          )}
        </>
      )}
    </QueryView>
  );
}
