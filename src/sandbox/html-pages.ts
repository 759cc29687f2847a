const REASONS: Readonly<Record<number, string>> = {
  404: "Not Found",
  405: "Not Allowed",
  500: "Internal Server Error",
  502: "Bad Gateway",
  504: "Gateway Time-out",
};

/**
 * The HTML page a reverse proxy in front of the API answers with when the request never reached
 * the API (unknown path, upstream failure). Deliberately not JSON: SDKs must treat it as a
 * communication failure, not as an API error.
 */
export function gatewayHtmlPage(status: number): string {
  const title = `${status} ${REASONS[status] ?? "Error"}`;
  return (
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n` +
    `<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
  );
}
