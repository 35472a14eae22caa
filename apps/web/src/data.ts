import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { request } from './graphql/client';

export interface QueryState<Result> {
  data?: Result;
  error?: Error;
  loading: boolean;
  reload: () => void;
}

/** Runs a typed query, again whenever its variables change (the time point among them). */
export function useQuery<Result, Variables>(
  document: DocumentTypeDecoration<Result, Variables> & { toString(): string },
  variables: Variables,
): QueryState<Result> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{
    key?: string;
    data?: Result;
    error?: Error;
    loading: boolean;
  }>({ loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    // Other variables (another time point, page or entity): never show the old answer meanwhile.
    setState((previous) =>
      previous.key === key ? { ...previous, loading: true } : { key, loading: true },
    );
    request(document, JSON.parse(key) as Variables).then(
      (data) => live && setState({ key, data, loading: false }),
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
  const { data, error, loading } = state;
  return { ...(data !== undefined ? { data } : {}), ...(error ? { error } : {}), loading, reload };
}
