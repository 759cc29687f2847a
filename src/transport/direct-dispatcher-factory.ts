import { Pool, buildConnector } from "undici";
import type { Dispatcher } from "undici";
import type { ResolvedConnectionOptions } from "./default-connection-options.js";
import type { DispatcherFactory } from "./dispatcher-factory.js";
import type { PoolGroup } from "./pool-group.js";
import { connectOptions, keepAlivePoolOptions, temporaryPoolOptions } from "./undici-options.js";

/** A Pool that flags its {@link PoolGroup} as saturated when a dispatch finds every connection busy. */
class SaturationAwarePool extends Pool {
  readonly #group: PoolGroup;

  constructor(origin: string, options: Pool.Options, group: PoolGroup) {
    super(origin, options);
    this.#group = group;
    group.add(this);
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const accepted = super.dispatch(options, handler);
    if (!accepted) this.#group.saturated = true;
    return accepted;
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
    keepAlive: (origin, group) => new SaturationAwarePool(origin, keepAlive, group),
    temporary: (origin, group) => group.add(new Pool(origin, temporary)),
  };
}
