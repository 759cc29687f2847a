import type { Dispatcher } from "undici";
import type { PoolGroup } from "./pool-group.js";

/**
 * Creates the two dispatchers an origin is served by: a keep-alive pool, and a dispatcher whose
 * connections close after one request, for bursts beyond the pool's size. @internal
 */
export interface DispatcherFactory {
  /**
   * A keep-alive dispatcher of at most `maxConnections` connections to `origin`; it records its
   * pools in `group` and tracks its requests there (PoolGroup.track), as does the temporary one.
   */
  keepAlive(origin: string, group: PoolGroup): Dispatcher;
  /** A dispatcher that opens a connection per request and closes it after the response. */
  temporary(origin: string, group: PoolGroup): Dispatcher;
}
