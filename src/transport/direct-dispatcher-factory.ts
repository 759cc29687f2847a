import { Pool, buildConnector } from "undici";
import type { Dispatcher } from "undici";
import type { ResolvedConnectionOptions } from "./default-connection-options.js";
import type { DispatcherFactory } from "./dispatcher-factory.js";
import type { PoolGroup } from "./pool-group.js";
import { connectOptions, keepAlivePoolOptions, temporaryPoolOptions } from "./undici-options.js";

/** A Pool that counts its requests in flight in its {@link PoolGroup} (see PoolGroup.track). */
class CountingPool extends Pool {
  readonly #group: PoolGroup;

  constructor(origin: string, options: Pool.Options, group: PoolGroup) {
    super(origin, options);
    this.#group = group;
    group.add(this);
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    return super.dispatch(options, this.#group.track(options, handler));
  }
}

/**
 * Creates the dispatchers of origins reached directly, without a proxy. All their connections
 * share one connector, hence one TLS session cache: a temporary connection or a reconnection
 * resumes the TLS session instead of a full handshake. @internal
 */
export function createDirectDispatcherFactory(options: ResolvedConnectionOptions): DispatcherFactory {
  const connect = buildConnector(connectOptions(options));
  const keepAlive: Pool.Options = { ...keepAlivePoolOptions(options), connect };
  const temporary: Pool.Options = { ...temporaryPoolOptions(options), connect };
  return {
    keepAlive: (origin, group) => new CountingPool(origin, keepAlive, group),
    temporary: (origin, group) => new CountingPool(origin, temporary, group),
  };
}
