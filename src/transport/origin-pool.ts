import type { Dispatcher } from "undici";
import type { ResolvedConnectionOptions } from "./default-connection-options.js";
import type { DispatcherFactory } from "./dispatcher-factory.js";
import { PoolGroup } from "./pool-group.js";
import type { PoolGroupStats } from "./pool-group.js";

/**
 * The connections to one origin: a keep-alive pool of at most `maxConnections` connections and,
 * created on the first burst, a dispatcher of temporary connections. While every pooled
 * connection is busy, a request goes out on a temporary connection that closes after its response,
 * instead of waiting in a queue. @internal
 */
export class OriginPool {
  readonly #origin: string;
  readonly #factory: DispatcherFactory;
  readonly #options: ResolvedConnectionOptions;
  readonly #keepAliveGroup: PoolGroup;
  readonly #keepAlive: Dispatcher;
  #temporary: { dispatcher: Dispatcher; group: PoolGroup } | undefined;

  constructor(origin: string, factory: DispatcherFactory, options: ResolvedConnectionOptions) {
    this.#origin = origin;
    this.#factory = factory;
    this.#options = options;
    this.#keepAliveGroup = new PoolGroup(options);
    this.#keepAlive = factory.keepAlive(origin, this.#keepAliveGroup);
  }

  /** `Date.now()` when a request to this origin last started or ended. */
  get lastActivity(): number {
    return Math.max(this.#keepAliveGroup.lastActivity, this.#temporary?.group.lastActivity ?? 0);
  }

  /** The dispatcher for the next request. */
  select(): Dispatcher {
    if (this.#keepAliveGroup.inFlight < this.#options.maxConnections) return this.#keepAlive;
    if (this.#temporary === undefined) {
      const group = new PoolGroup(this.#options);
      this.#temporary = { dispatcher: this.#factory.temporary(this.#origin, group), group };
    }
    return this.#temporary.dispatcher;
  }

  /** Open sockets and requests in progress, pooled and temporary together. */
  stats(): PoolGroupStats {
    const stats = this.#keepAliveGroup.stats();
    const temporary = this.#temporary?.group.stats();
    if (temporary !== undefined) {
      stats.connected += temporary.connected;
      stats.size += temporary.size;
    }
    return stats;
  }

  /**
   * Releases the temporary-connection dispatcher when no request uses it; each of its
   * connections already closed after its response, so only undici objects are freed.
   */
  releaseTemporary(): Promise<void> | undefined {
    const temporary = this.#temporary;
    if (temporary === undefined || temporary.group.stats().size > 0) return undefined;
    this.#temporary = undefined;
    return temporary.dispatcher.close();
  }

  /** Closes the connections once their requests are done. */
  async close(): Promise<void> {
    await Promise.all([this.#keepAlive.close(), this.#temporary?.dispatcher.close()]);
  }

  /** Closes the connections at once, failing the requests in progress. */
  async destroy(): Promise<void> {
    await Promise.all([this.#keepAlive.destroy(), this.#temporary?.dispatcher.destroy()]);
  }
}
