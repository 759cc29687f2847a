import type { Pool } from "undici";

/** Open connections and requests of a {@link PoolGroup}. @internal */
export interface PoolGroupStats {
  /** Open sockets. */
  connected: number;
  /** Requests running or waiting for a connection. */
  size: number;
}

/**
 * The undici Pools that serve one origin through one dispatcher (a proxy agent may replace its
 * pool over time), and whether all their connections were busy at the last dispatch. @internal
 */
export class PoolGroup {
  /**
   * Set when a dispatch found every connection busy (`Dispatcher.dispatch` returned false);
   * cleared when a pool emits `'drain'`.
   */
  saturated = false;
  readonly #pools = new Set<Pool>();
  readonly #onDrain = (): void => {
    this.saturated = false;
  };

  /** Starts tracking `pool` and returns it. */
  add(pool: Pool): Pool {
    this.#pools.add(pool);
    pool.on("drain", this.#onDrain);
    return pool;
  }

  /** Whether `maxConnections` requests are running: the saturation flag, checked against the pools. */
  isSaturated(maxConnections: number): boolean {
    if (!this.saturated) return false;
    // The flag can outlive a pool that a proxy agent closed; the statistics settle it.
    if (this.stats().size < maxConnections) this.saturated = false;
    return this.saturated;
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
