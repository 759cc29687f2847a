import type { Dispatcher } from "undici";
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
  /** `performance.now()` when a request to this origin last started or got its response. */
  lastActivity = performance.now();
  readonly #origin: string;
  readonly #factory: DispatcherFactory;
  readonly #maxConnections: number;
  readonly #keepAliveGroup = new PoolGroup();
  readonly #keepAlive: Dispatcher;
  #temporaryGroup: PoolGroup | undefined;
  #temporary: Dispatcher | undefined;

  constructor(origin: string, factory: DispatcherFactory, maxConnections: number) {
    this.#origin = origin;
    this.#factory = factory;
    this.#maxConnections = maxConnections;
    this.#keepAlive = factory.keepAlive(origin, this.#keepAliveGroup);
  }

  /** The dispatcher for the next request. */
  select(): Dispatcher {
    if (!this.#keepAliveGroup.isSaturated(this.#maxConnections)) return this.#keepAlive;
    if (this.#temporary === undefined) {
      this.#temporaryGroup = new PoolGroup();
      this.#temporary = this.#factory.temporary(this.#origin, this.#temporaryGroup);
    }
    return this.#temporary;
  }

  /** Open sockets and requests in progress, pooled and temporary together. */
  stats(): PoolGroupStats {
    const stats = this.#keepAliveGroup.stats();
    const temporary = this.#temporaryGroup?.stats();
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
    if (temporary === undefined || this.#temporaryGroup!.stats().size > 0) return undefined;
    this.#temporary = undefined;
    this.#temporaryGroup = undefined;
    return temporary.close();
  }

  /** Closes the connections once their requests are done. */
  async close(): Promise<void> {
    await Promise.all([this.#keepAlive.close(), this.#temporary?.close()]);
  }

  /** Closes the connections at once, failing the requests in progress. */
  async destroy(): Promise<void> {
    await Promise.all([this.#keepAlive.destroy(), this.#temporary?.destroy()]);
  }
}
