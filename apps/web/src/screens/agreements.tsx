import {
  AmendAgreementForm,
  DraftAgreementForm,
  SignAgreementForm,
} from '../components/agreement-forms';
import { QueryView, Status, TableWrap } from '../components/query-view';
import { useHref, useWorkspace } from '../context';
import { useQuery } from '../data';
import { formatDateTime, words } from '../format';
import { AgreementPageDocument, AgreementsListDocument } from '../graphql/generated';
import { may } from '../policy';
import { pathOf, useLocation, withParams } from '../router';
import { diffText } from '../text-diff';
import { timeVariables } from '../time-travel';
import { Day, When } from '../components/values';

/** `/initiatives/:id/agreements`: every agreement, its status and who has signed it. */
export function AgreementsScreen({ initiativeId }: { initiativeId: string }) {
  const { me, point } = useWorkspace();
  const href = useHref();
  const after = useLocation().search.get('after');
  const state = useQuery(AgreementsListDocument, {
    initiativeId,
    ...(after ? { after } : {}),
    ...timeVariables(point),
  });
  const base = pathOf('initiatives', initiativeId);
  return (
    <QueryView state={state}>
      {({ initiative, agreements, roster }) => (
        <>
          <p>
            <a href={href(base)}>{initiative.name}</a>
          </p>
          <h1>Agreements</h1>
          <TableWrap label="Agreements">
            <table>
              <thead>
                <tr>
                  <th scope="col">Agreement</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Status</th>
                  <th scope="col">Signatures of the current version</th>
                </tr>
              </thead>
              <tbody>
                {agreements.edges.map(({ node: a }) => {
                  const signed = a.parties.filter((p) => p.signature === 'SIGNED').length;
                  return (
                    <tr key={a.agreementId}>
                      <td>
                        <a href={href(`${base}/agreements/${encodeURIComponent(a.agreementId)}`)}>
                          {a.title}
                        </a>{' '}
                        <span class="muted">version {a.currentVersion}</span>
                      </td>
                      <td>{words(a.kind)}</td>
                      <td>
                        <Status value={a.status} />
                      </td>
                      <td>
                        {signed} of {a.parties.length} parties
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
          {agreements.pageInfo.hasNextPage && agreements.pageInfo.endCursor && (
            <nav class="pager" aria-label="Pages of agreements">
              <a
                href={withParams(href(`${base}/agreements`), {
                  after: agreements.pageInfo.endCursor,
                })}
              >
                Next page
              </a>
            </nav>
          )}
          {point.kind === 'now' && may('DraftAgreement', roster, me) && (
            <section class="card">
              <DraftAgreementForm
                initiativeId={initiativeId}
                partners={initiative.partners.filter((p) => p.status === 'MEMBER')}
              />
            </section>
          )}
        </>
      )}
    </QueryView>
  );
}

/** The words a version changed, struck through or underlined, each also said in words. */
function VersionDiff({ before, after }: { before: string; after: string }) {
  return (
    <p class="diff">
      {diffText(before, after).map((part, i) =>
        part.kind === 'same' ? (
          part.text
        ) : part.kind === 'removed' ? (
          <del key={i}>
            <span class="visually-hidden">[removed: </span>
            {part.text}
            <span class="visually-hidden">]</span>
          </del>
        ) : (
          <ins key={i}>
            <span class="visually-hidden">[added: </span>
            {part.text}
            <span class="visually-hidden">]</span>
          </ins>
        ),
      )}
    </p>
  );
}

/** `/initiatives/:id/agreements/:agreementId`: parties' signatures, versions and what each changed. */
export function AgreementScreen({
  initiativeId,
  agreementId,
}: {
  initiativeId: string;
  agreementId: string;
}) {
  const { me, point } = useWorkspace();
  const href = useHref();
  const state = useQuery(AgreementPageDocument, {
    id: agreementId,
    initiativeId,
    ...timeVariables(point),
  });
  const base = pathOf('initiatives', initiativeId);
  return (
    <QueryView state={state}>
      {({ initiative, agreement: a, roster }) => {
        const names = new Map(initiative.partners.map((p) => [p.partnerId, p.organisationName]));
        const name = (partnerId: string) => names.get(partnerId) ?? partnerId;
        const pending = a.parties.filter((p) => p.signature === 'PENDING');
        const live =
          point.kind === 'now' && (a.status === 'AWAITING_SIGNATURES' || a.status === 'IN_FORCE');
        const signing =
          live &&
          pending.some((p) => p.partnerId === me.partnerId) &&
          may('SignAgreement', roster, me, me.partnerId);
        const amending = live && may('AmendAgreement', roster, me);
        const currentText = a.versions.find((v) => v.version === a.currentVersion)?.text ?? '';
        const versions = [...a.versions].sort((x, y) => y.version - x.version);
        return (
          <>
            <p>
              <a href={href(base)}>{initiative.name}</a> ›{' '}
              <a href={href(`${base}/agreements`)}>Agreements</a>
            </p>
            <h1>{a.title}</h1>
            <p>
              <Status value={a.status} />{' '}
              {a.status === 'IN_FORCE' && a.inForceSince
                ? `In force since ${formatDateTime(a.inForceSince)}: every party signed version ${a.currentVersion}.`
                : a.status === 'AWAITING_SIGNATURES'
                  ? `Not in force: version ${a.currentVersion} still needs the signature of ${pending.map((p) => name(p.partnerId)).join(', ')}.`
                  : a.terminationReason
                    ? `Ended: ${a.terminationReason}`
                    : ''}
            </p>
            <dl class="facts">
              <dt>Kind</dt>
              <dd>{words(a.kind)}</dd>
              <dt>Drafted</dt>
              <dd>
                <When at={a.draftedAt} />
              </dd>
              {a.endDate && (
                <>
                  <dt>Runs until</dt>
                  <dd>
                    <Day date={a.endDate} />
                  </dd>
                </>
              )}
            </dl>
            <h2>Parties</h2>
            <ul>
              {a.parties.map((p) => (
                <li key={p.partnerId}>
                  {name(p.partnerId)}:{' '}
                  {p.signature === 'SIGNED' && p.signedAt
                    ? `signed version ${a.currentVersion} (${p.signedBy}, ${formatDateTime(p.signedAt)})`
                    : p.lastSignedVersion
                      ? `signed version ${p.lastSignedVersion}; must sign version ${a.currentVersion} again`
                      : 'has not signed'}
                </li>
              ))}
            </ul>
            {signing && (
              <section class="card">
                <SignAgreementForm
                  agreement={a}
                  partnerId={me.partnerId}
                  partnerName={name(me.partnerId)}
                  onRecorded={state.reload}
                />
              </section>
            )}
            <h2>Versions</h2>
            {versions.map((v) => {
              const previous = a.versions.find((x) => x.version === v.version - 1);
              return (
                <section key={v.version} class="card">
                  <h3>
                    Version {v.version}
                    {v.current ? ' (current)' : ''}
                  </h3>
                  <p class="muted">
                    <When at={v.createdAt} />
                    {v.reason ? `; amended because ${v.reason}` : ''}. Signed by{' '}
                    {v.signatures.length === 0
                      ? 'no one yet'
                      : v.signatures.map((s) => `${name(s.partnerId)} (${s.signedBy})`).join(', ')}
                    .
                  </p>
                  {previous ? (
                    <>
                      <p>What changed from version {previous.version}:</p>
                      <VersionDiff before={previous.text} after={v.text} />
                    </>
                  ) : (
                    <p class="diff">{v.text}</p>
                  )}
                </section>
              );
            })}
            {amending && (
              <section class="card">
                <AmendAgreementForm
                  key={a.currentVersion}
                  agreement={a}
                  currentText={currentText}
                  onRecorded={state.reload}
                />
              </section>
            )}
          </>
        );
      }}
    </QueryView>
  );
}
