import type { Dispatcher, Pool } from "undici";
import { CountedHandler } from "./counted-handler.js";
import type { TimeoutSettings } from "./to-communication-exception.js";

/** Open connections and requests of a {@link PoolGroup}. @internal */
export interface PoolGroupStats {
  /** Open sockets. */
  connected: number;
  /** Requests running or waiting for a connection. */
  size: number;
}

/**
 * The undici Pools that serve one origin through one dispatcher (a proxy agent may replace its
 * pool over time), and the requests in flight on them. @internal
 */
export class PoolGroup {
  /**
   * Requests dispatched and not yet complete. Counted here, not read from undici's PoolStats,
   * which walk every connection on each read: too slow to consult before every request.
   */
  inFlight = 0;
  /**
   * `Date.now()` when a request last started or ended here. Not `performance.now()`, which costs a
   * global getter and a receiver check per call in Node 20; a clock jump only makes an idle pool
   * close early or late.
   */
  lastActivity = Date.now();
  readonly #pools = new Set<Pool>();
  readonly #timeouts: TimeoutSettings;
  readonly #release = (): void => {
    this.inFlight--;
    this.lastActivity = Date.now();
  };

  /** @param timeouts - the configured timeouts, named in the failures of the group's requests. */
  constructor(timeouts: TimeoutSettings) {
    this.#timeouts = timeouts;
  }

  /** Starts tracking `pool` and returns it. */
  add(pool: Pool): Pool {
    this.#pools.add(pool);
    return pool;
  }

  /**
   * Counts a request in flight until `handler` learns that it completed or failed, and has a
   * failure before its response reach `handler` as a CommunicationException naming the request.
   */
  track(
    options: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandler,
  ): Dispatcher.DispatchHandler {
    this.inFlight++;
    this.lastActivity = Date.now();
    return new CountedHandler(handler, options, this.#timeouts, this.#release);
  }

  /** Sums the statistics of the pools, forgetting destroyed ones. */
  stats(): PoolGroupStats {
    const total: PoolGroupStats = { connected: 0, size: 0 };
    for (const pool of this.#pools) {
      if (pool.destroyed) {
        this.#pools.delete(pool);
        continue;
      }
      const { connected, size } = pool.stats;
      total.connected += connected;
      total.size += size;
    }
    return total;
  }
}
