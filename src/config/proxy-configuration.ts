/** Options of a {@link ProxyConfiguration}. */
export interface ProxyConfigurationOptions {
  /** The proxy's URI including the scheme, e.g. `http://proxy:3128`; port 80/443 by scheme when absent. */
  uri: string | URL;
  /** Basic proxy authentication; overrides credentials embedded in the URI. */
  username?: string | undefined;
  password?: string | undefined;
}

/** An HTTP proxy that every request (the token request included) goes through. */
export class ProxyConfiguration {
  /** The proxy URI without credentials. */
  readonly uri: URL;
  readonly username: string | undefined;
  readonly password: string | undefined;

  /** @throws TypeError when the URI is not an absolute http or https URI. */
  constructor(options: ProxyConfigurationOptions) {
    let uri: URL;
    try {
      uri = new URL(options.uri);
    } catch {
      throw new TypeError(`proxy uri is not a valid absolute URI: '${redactUserInfo(String(options.uri))}'`);
    }
    if (uri.protocol !== "http:" && uri.protocol !== "https:") {
      throw new TypeError(`proxy uri must start with http:// or https://, got '${uri.protocol}'`);
    }
    const username = options.username ?? (uri.username ? decodeURIComponent(uri.username) : undefined);
    const password = options.password ?? (uri.password ? decodeURIComponent(uri.password) : undefined);
    uri.username = "";
    uri.password = "";
    this.uri = uri;
    this.username = username;
    this.password = password;
  }

  /** The `Proxy-Authorization` header value, or undefined without credentials. */
  get authorization(): string | undefined {
    if (this.username === undefined) return undefined;
    return `Basic ${Buffer.from(`${this.username}:${this.password ?? ""}`).toString("base64")}`;
  }

  /** Keeps the password out of logs, `util.inspect` and `JSON.stringify`. */
  toJSON(): object {
    return {
      uri: this.uri.href,
      username: this.username,
      password: this.password === undefined ? undefined : "***",
    };
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `ProxyConfiguration ${JSON.stringify(this.toJSON())}`;
  }
}

function redactUserInfo(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, "//***@");
}
