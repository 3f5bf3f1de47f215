import { type ComponentType, lazy } from "react";

// biome-ignore lint/suspicious/noExplicitAny: as React's own `lazy`, for a component of any props
type AnyComponent = ComponentType<any>;

/**
 * React's `lazy` for the component a module exports as `name`: it renders (under the nearest
 * Suspense) once `load` has fetched its chunk, the first time it is needed.
 */
export function lazyExport<M extends Record<K, AnyComponent>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
