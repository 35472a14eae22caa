import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { request } from './graphql/client';

export interface QueryState<Result> {
  data?: Result;
  error?: Error;
  loading: boolean;
  reload(): void;
}

/** Runs a typed query, again whenever its variables change (the time point among them). */
export function useQuery<Result, Variables>(
  document: DocumentTypeDecoration<Result, Variables> & { toString(): string },
  variables: Variables,
): QueryState<Result> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ data?: Result; error?: Error; loading: boolean }>({
    loading: true,
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    request(document, JSON.parse(key) as Variables).then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) =>
        live &&
        setState({
          error: error instanceof Error ? error : new Error(String(error)),
          loading: false,
        }),
    );
    return () => {
      live = false;
    };
  }, [document, key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}
