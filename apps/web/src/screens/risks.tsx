import { QueryView, Status, TableWrap } from '../components/query-view';
import { IdentifyRiskForm, ReassessRiskForm } from '../components/risk-forms';
import { useHref, useWorkspace } from '../context';
import { useQuery } from '../data';
import { words } from '../format';
import { RiskRegisterDocument, type RiskRegisterQuery } from '../graphql/generated';
import { may } from '../policy';
import { pathOf, useLocation, withParams } from '../router';
import { timeVariables } from '../time-travel';

type Risk = RiskRegisterQuery['riskRegister']['edges'][number]['node'];
const SCALE = [1, 2, 3, 4, 5] as const;

/** Exposure (likelihood × impact) in words, which the heat map's colours only repeat. */
function band(exposure: number): 'low' | 'medium' | 'high' | 'severe' {
  if (exposure >= 20) return 'severe';
  if (exposure >= 10) return 'high';
  if (exposure >= 5) return 'medium';
  return 'low';
}

/** Likelihood across, impact down (most severe at the top): the risks not yet closed in each cell. */
function HeatMap({ risks }: { risks: Risk[] }) {
  const live = risks.filter((risk) => risk.status !== 'CLOSED');
  return (
    <TableWrap label="Heat map">
      <table class="heat-map">
        <caption>Risks not closed, by likelihood (across) and impact (down)</caption>
        <thead>
          <tr>
            <td />
            {SCALE.map((likelihood) => (
              <th scope="col" key={likelihood}>
                likelihood {likelihood}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...SCALE].reverse().map((impact) => (
            <tr key={impact}>
              <th scope="row">impact {impact}</th>
              {SCALE.map((likelihood) => {
                const here = live.filter((r) => r.likelihood === likelihood && r.impact === impact);
                return (
                  <td key={likelihood} class={`heat ${band(likelihood * impact)}`}>
                    {here.length > 0 && (
                      <>
                        <strong>{here.length}</strong>
                        <ul>
                          {here.map((risk) => (
                            <li key={risk.riskId}>{risk.title}</li>
                          ))}
                        </ul>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** `/initiatives/:id/risks`: the register by exposure, highest first, and its 5 × 5 heat map. */
export function RisksScreen({ initiativeId }: { initiativeId: string }) {
  const { me, point } = useWorkspace();
  const href = useHref();
  const after = useLocation().search.get('after');
  const state = useQuery(RiskRegisterDocument, {
    initiativeId,
    ...(after ? { after } : {}),
    ...timeVariables(point),
  });
  const base = pathOf('initiatives', initiativeId);
  return (
    <QueryView state={state}>
      {({ initiative, riskRegister, roster }) => {
        const names = new Map(initiative.partners.map((p) => [p.partnerId, p.organisationName]));
        const risks = riskRegister.edges.map((edge) => edge.node);
        const now = point.kind === 'now';
        const reassessable = now
          ? risks.filter(
              (r) => r.status !== 'CLOSED' && may('ReassessRisk', roster, me, r.ownerPartnerId),
            )
          : [];
        const commitmentHref = (id: string) =>
          href(`${base}/commitments/${encodeURIComponent(id)}`);
        return (
          <>
            <p>
              <a href={href(base)}>{initiative.name}</a>
            </p>
            <h1>Risks</h1>
            <p>
              {riskRegister.totalCount} risks on the register, highest exposure (likelihood ×
              impact, 1 to 25) first. Exposure of 20 or more is severe, 10 or more high, 5 or more
              medium.
            </p>
            <HeatMap risks={risks} />
            <h2>Register</h2>
            <TableWrap label="Risk register">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Risk</th>
                    <th scope="col">Category</th>
                    <th scope="col">Status</th>
                    <th scope="col" class="num">
                      Exposure
                    </th>
                    <th scope="col">Owned by</th>
                    <th scope="col">Mitigations</th>
                  </tr>
                </thead>
                <tbody>
                  {risks.map((risk) => (
                    <tr key={risk.riskId}>
                      <td>
                        <a href={href(`${base}/history/${encodeURIComponent(risk.riskId)}`)}>
                          {risk.title}
                        </a>
                      </td>
                      <td>{words(risk.category)}</td>
                      <td>
                        <Status value={risk.status} />
                      </td>
                      <td class="num">
                        {risk.exposure} ({band(risk.exposure)}: {risk.likelihood} × {risk.impact})
                      </td>
                      <td>
                        {risk.ownershipShares.length > 1
                          ? risk.ownershipShares
                              .map((s) => `${names.get(s.partnerId) ?? s.partnerId} ${s.percent}%`)
                              .join(', ')
                          : (names.get(risk.ownerPartnerId) ?? risk.ownerPartnerId)}
                      </td>
                      <td>
                        {risk.mitigations?.length ? (
                          <ul>
                            {risk.mitigations.map((m) => (
                              <li key={m.mitigationId}>
                                {m.description}
                                {m.commitmentIds.map((id) => (
                                  <span key={id}>
                                    {' '}
                                    <a href={commitmentHref(id)}>commitment {id}</a>
                                  </span>
                                ))}
                              </li>
                            ))}
                          </ul>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            {riskRegister.pageInfo.hasNextPage && riskRegister.pageInfo.endCursor && (
              <nav class="pager" aria-label="Pages of risks">
                <a
                  href={withParams(href(`${base}/risks`), {
                    after: riskRegister.pageInfo.endCursor,
                  })}
                >
                  Next page
                </a>
              </nav>
            )}
            {now && may('IdentifyRisk', roster, me) && (
              <section class="card">
                <IdentifyRiskForm
                  initiativeId={initiativeId}
                  partners={initiative.partners}
                  onRecorded={state.reload}
                />
              </section>
            )}
            {reassessable.length > 0 && (
              <section class="card">
                <ReassessRiskForm risks={reassessable} onRecorded={state.reload} />
              </section>
            )}
          </>
        );
      }}
    </QueryView>
  );
}
