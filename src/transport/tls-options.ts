/** PEM text or DER bytes, as Node's `tls.connect` accepts them. */
export type TlsMaterial = string | Buffer | ReadonlyArray<string | Buffer>;

/**
 * TLS settings of a {@link DefaultConnection}, passed to Node's `tls.connect` for https origins.
 * Without them, the platform's certificate is checked against Node's bundled root CAs.
 */
export interface TlsOptions {
  /** Trusted CA certificates, replacing Node's bundled root CAs. */
  ca?: TlsMaterial;
  /** Client certificate chain for mutual TLS; requires `key`. */
  cert?: TlsMaterial;
  /** Private key of `cert`; requires `cert`. */
  key?: TlsMaterial;
  /** Lowest accepted protocol version. Default `'TLSv1.2'`; TLS 1.0 and 1.1 are refused. */
  minVersion?: "TLSv1.2" | "TLSv1.3";
  /**
   * Accepts any server certificate, valid or not: for a test platform behind a self-signed
   * certificate only, never in production (anyone on the path could read card data). Emits a
   * process warning when a connection is made with it. Prefer `ca`. Default false.
   */
  insecureSkipCertificateVerification?: boolean;
}

/** The validated TLS settings, in the shape `tls.connect` takes. @internal */
export interface ResolvedTlsOptions {
  ca?: TlsMaterial;
  cert?: TlsMaterial;
  key?: TlsMaterial;
  minVersion: "TLSv1.2" | "TLSv1.3";
  rejectUnauthorized: boolean;
}

const acceptedVersions: ReadonlySet<unknown> = new Set(["TLSv1.2", "TLSv1.3"]);

/**
 * Validates {@link TlsOptions} and applies the defaults.
 * @throws TypeError naming the offending `tls.*` option.
 */
export function resolveTlsOptions(tls: TlsOptions | undefined): ResolvedTlsOptions {
  if (tls === undefined) return { minVersion: "TLSv1.2", rejectUnauthorized: true };
  if (typeof tls !== "object" || tls === null) throw new TypeError("tls must be an object");
  const insecure = tls.insecureSkipCertificateVerification ?? false;
  if (typeof insecure !== "boolean") {
    throw new TypeError(`tls.insecureSkipCertificateVerification must be a boolean, got ${typeof insecure}`);
  }
  const resolved: ResolvedTlsOptions = {
    minVersion: tls.minVersion ?? "TLSv1.2",
    rejectUnauthorized: !insecure,
  };
  if (!acceptedVersions.has(resolved.minVersion)) {
    throw new TypeError(
      `tls.minVersion must be 'TLSv1.2' or 'TLSv1.3' (TLS 1.0 and 1.1 are refused), got '${String(resolved.minVersion)}'`,
    );
  }
  if (insecure) {
    process.emitWarning(
      "acquiring-sdk: TLS certificate verification is disabled (tls.insecureSkipCertificateVerification); " +
        "never use this in production",
      { code: "ACQUIRING_SDK_INSECURE_TLS" },
    );
  }
  for (const name of ["ca", "cert", "key"] as const) {
    const value = tls[name];
    if (value === undefined) continue;
    if (!isTlsMaterial(value)) {
      throw new TypeError(`tls.${name} must be a PEM string, a Buffer or an array of them`);
    }
    resolved[name] = value;
  }
  if (resolved.cert !== undefined && resolved.key === undefined) {
    throw new TypeError("tls.cert is set without tls.key: mutual TLS needs both");
  }
  if (resolved.key !== undefined && resolved.cert === undefined) {
    throw new TypeError("tls.key is set without tls.cert: mutual TLS needs both");
  }
  return resolved;
}

function isTlsMaterial(value: unknown): value is TlsMaterial {
  const isOne = (item: unknown): boolean => typeof item === "string" || Buffer.isBuffer(item);
  return isOne(value) || (Array.isArray(value) && value.length > 0 && value.every(isOne));
}
