import { ProxyConfiguration } from "./proxy-configuration.js";

/**
 * The proxy the environment asks for to reach `target`, by the usual conventions: `HTTPS_PROXY`
 * for https targets and `HTTP_PROXY` for http ones (lower-case names too), unless `NO_PROXY` lists
 * the target's host (exact, a domain suffix such as `.example.com` or `example.com`, with an
 * optional `:port`, or `*`). Undefined when no proxy applies.
 * @throws TypeError when the variable holds an invalid proxy URI (the message never shows its credentials).
 */
export function proxyFromEnvironment(
  target: URL,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ProxyConfiguration | undefined {
  const names = target.protocol === "https:" ? ["HTTPS_PROXY", "https_proxy"] : ["HTTP_PROXY", "http_proxy"];
  const uri = names.map((name) => env[name]).find((value) => value !== undefined && value.trim() !== "");
  if (uri === undefined || isExcluded(target, env["NO_PROXY"] ?? env["no_proxy"] ?? "")) return undefined;
  return new ProxyConfiguration({ uri: uri.trim() });
}

function isExcluded(target: URL, noProxy: string): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const port = target.port || (target.protocol === "https:" ? "443" : "80");
  return noProxy
    .split(/[\s,]+/)
    .filter((entry) => entry !== "")
    .some((entry) => {
      if (entry === "*") return true;
      const match = /^(.*?)(?::(\d+))?$/.exec(entry.toLowerCase())!;
      const pattern = match[1]!.replace(/^\*?\./, "").replace(/^\[|\]$/g, "");
      if (match[2] !== undefined && match[2] !== port) return false;
      return host === pattern || host.endsWith(`.${pattern}`);
    });
}
