// prom-client's default metrics, one module each. The package exports them only through
// collectDefaultMetrics, which also starts two watchers that can never be stopped.
declare module 'prom-client/lib/metrics/*' {
  import { type Registry } from 'prom-client';

  const register: (registry: Registry, config: { prefix?: string }) => void;
  export default register;
}
