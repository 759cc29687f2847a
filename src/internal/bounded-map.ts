/**
 * A Map that empties itself when a new key would take it past `limit` entries: a cache for a
 * working set of hot keys (the paths and URLs a process calls) that cannot grow without bound.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  readonly #limit: number;

  constructor(limit: number) {
    super();
    this.#limit = limit;
  }

  override set(key: K, value: V): this {
    if (this.size >= this.#limit && !this.has(key)) this.clear();
    return super.set(key, value);
  }
}
