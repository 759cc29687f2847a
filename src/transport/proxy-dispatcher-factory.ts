import { Pool, ProxyAgent } from "undici";
import type { Dispatcher, buildConnector } from "undici";
import type { ProxyConfiguration } from "../config/proxy-configuration.js";
import type { ResolvedConnectionOptions } from "./default-connection-options.js";
import type { DispatcherFactory } from "./dispatcher-factory.js";
import type { PoolGroup } from "./pool-group.js";
import { connectOptions, keepAlivePoolOptions, temporaryPoolOptions } from "./undici-options.js";

/** A ProxyAgent that counts its requests in flight in its {@link PoolGroup} (see PoolGroup.track). */
class CountingProxyAgent extends ProxyAgent {
  readonly #group: PoolGroup;

  constructor(options: ProxyAgent.Options, group: PoolGroup) {
    super(options);
    this.#group = group;
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    return super.dispatch(options, this.#group.track(options, handler));
  }
}

/**
 * Creates the dispatchers of origins reached through an HTTP proxy: https origins through a
 * CONNECT tunnel (the proxy sees only TLS bytes), http origins with absolute-URI requests; Basic
 * `Proxy-Authorization` from the configuration. The connect timeout applies to the proxy
 * connection and to the TLS handshake through the tunnel, the socket timeout to the proxy's
 * answer to CONNECT. The proxy's own certificate (https proxy) is checked against Node's root
 * CAs, with the configured `minVersion` and `rejectUnauthorized`. @internal
 */
export function createProxyDispatcherFactory(
  options: ResolvedConnectionOptions,
  proxy: ProxyConfiguration,
): DispatcherFactory {
  const timeouts = { headersTimeout: options.socketTimeoutMs, bodyTimeout: options.socketTimeoutMs };
  const keepAlive = keepAlivePoolOptions(options);
  const temporary = temporaryPoolOptions(options);
  const base: ProxyAgent.Options = {
    uri: proxy.uri.href,
    // false: http origins get absolute-URI requests; https origins are always tunnelled.
    proxyTunnel: false,
    requestTls: connectOptions(options),
    proxyTls: {
      timeout: options.connectTimeoutMs,
      minVersion: options.tls.minVersion,
      rejectUnauthorized: options.tls.rejectUnauthorized,
    },
    clientFactory: (origin, clientOptions) => new Pool(origin, { ...clientOptions, ...timeouts }),
    ...timeouts,
  };
  const authorization = proxy.authorization;
  if (authorization !== undefined) base.token = authorization;

  // The agent hands each pool it creates the connect function (tunnel or proxy socket) to use.
  const poolFactory =
    (poolOptions: Pool.Options, group: PoolGroup) =>
    (origin: string | URL, agentOptions: object): Dispatcher =>
      group.add(
        new Pool(origin, {
          ...poolOptions,
          connect: (agentOptions as { connect: buildConnector.connector }).connect,
        }),
      );
  return {
    keepAlive: (_origin, group) =>
      new CountingProxyAgent(
        { ...base, connections: options.maxConnections, factory: poolFactory(keepAlive, group) },
        group,
      ),
    temporary: (_origin, group) =>
      new CountingProxyAgent({ ...base, factory: poolFactory(temporary, group) }, group),
  };
}
