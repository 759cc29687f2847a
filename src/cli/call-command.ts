import { createWriteStream, readFileSync } from "node:fs";
import { basename } from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { Factory } from "../factory.js";
import type { Operation } from "../core/operation.js";
import type { BinaryResponse } from "../transport/binary-response.js";
import { v1Operations } from "../v1/index.js";

/** Where a CLI command writes. */
export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Readonly<Record<string, string | undefined>>;
}

/** Path placeholders and their flags; `--acquirer` and `--merchant` are short forms. */
const PATH_FLAGS: Readonly<Record<string, string>> = {
  acquirerId: "acquirer",
  merchantId: "merchant",
  paymentId: "payment-id",
  refundId: "refund-id",
  operationId: "operation-id",
  disputeId: "dispute-id",
  documentId: "document-id",
};

const QUERY_FLAGS: Readonly<Record<string, string>> = {
  returnOperations: "return-operations",
  includeEntries: "include-entries",
};

export const CALL_USAGE = `Usage: acquiring-sdk call <operationId> --config FILE [options]

Calls one operation of the Acquiring API and prints its JSON response (or the error).

  --config FILE            properties file with an [AcquiringSDK] section (endpoint, token URI, timeouts)
  --client-id ID           OAuth2 client id (or env ACQUIRING_CLIENT_ID)
  --client-secret SECRET   OAuth2 client secret (or env ACQUIRING_CLIENT_SECRET, which keeps it out of 'ps')
  --data JSON | @FILE      the request body
  --acquirer ID --merchant ID --payment-id ID --refund-id ID --operation-id ID
  --dispute-id ID --document-id ID
                           path ids, as the operation needs them
  --return-operations      getPaymentStatus/getRefund: include the operations history
  --include-entries        getDispute: include the dispute entries
  --file PATH [--content-type TYPE]
                           uploadDisputeDocument: the document to upload (default type application/pdf)
  --output FILE            getDisputeDocument: where to write the document (default: stdout)
  --log                    log requests and responses (obfuscated) on stderr

Operations: ${v1Operations.map((operation) => operation.id).join(", ")}
`;

/**
 * The `acquiring-sdk call` command. Resolves with the exit code: 0 on success, 1 when the call
 * failed (the error is printed on stderr), 2 for invalid arguments.
 */
export async function runCallCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values: parsed, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: "boolean", short: "h" },
      config: { type: "string" },
      "client-id": { type: "string" },
      "client-secret": { type: "string" },
      data: { type: "string" },
      file: { type: "string" },
      "content-type": { type: "string" },
      output: { type: "string" },
      log: { type: "boolean" },
      ...Object.fromEntries(Object.values(PATH_FLAGS).map((flag) => [flag, { type: "string" as const }])),
      ...Object.fromEntries(Object.values(QUERY_FLAGS).map((flag) => [flag, { type: "boolean" as const }])),
    },
  });
  const values: Record<string, unknown> = parsed;
  if (values["help"]) {
    io.stdout.write(CALL_USAGE);
    return 0;
  }
  const operation = v1Operations.find((candidate) => candidate.id === positionals[0]);
  if (!operation)
    throw new UsageError(`unknown operation '${positionals[0] ?? ""}'; see --help for the list`);
  const configFile = stringValue(values, "config") ?? usage("--config FILE is required");
  const clientId =
    stringValue(values, "client-id") ?? io.env["ACQUIRING_CLIENT_ID"] ?? usage("--client-id is required");
  const clientSecret =
    stringValue(values, "client-secret") ??
    io.env["ACQUIRING_CLIENT_SECRET"] ??
    usage("--client-secret is required");

  const pathParams: Record<string, string> = {};
  for (const name of placeholders(operation)) {
    const flag = PATH_FLAGS[name] ?? name;
    pathParams[name] = stringValue(values, flag) ?? usage(`--${flag} is required by ${operation.id}`);
  }
  const query: Record<string, boolean> = {};
  for (const [name, flag] of Object.entries(QUERY_FLAGS)) if (values[flag] === true) query[name] = true;
  const body = requestBody(operation, values);

  const communicator = Factory.createCommunicatorFromFile(configFile, clientId, clientSecret);
  if (values["log"]) {
    const { ConsoleCommunicatorLogger } = await import("../log/console-communicator-logger.js");
    communicator.enableLogging(new ConsoleCommunicatorLogger({ output: io.stderr }));
  }
  try {
    const result = await communicator.execute<unknown>(operation, { pathParams, query, body });
    if (operation.response === "binary") {
      await writeBinary(result as BinaryResponse, stringValue(values, "output"), io);
    } else {
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    }
    return 0;
  } catch (error) {
    io.stderr.write(describeError(error));
    return 1;
  } finally {
    await communicator.close();
  }
}

/** Invalid command-line arguments; the CLI prints the message and exits with 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

function usage(message: string): never {
  throw new UsageError(message);
}

function stringValue(values: Record<string, unknown>, flag: string): string | undefined {
  const value = values[flag];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function placeholders(operation: Operation): string[] {
  return [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}

function requestBody(operation: Operation, values: Record<string, unknown>): unknown {
  if (operation.multipartParts) {
    const file = stringValue(values, "file") ?? usage(`--file PATH is required by ${operation.id}`);
    return {
      file: {
        fileName: basename(file),
        content: readFileSync(file),
        contentType: stringValue(values, "content-type") ?? "application/pdf",
      },
    };
  }
  const data = stringValue(values, "data");
  if (data === undefined) {
    return operation.method === "GET" || operation.method === "DELETE" || operation.validate === undefined
      ? undefined
      : usage(`--data is required by ${operation.id}`);
  }
  const text = data.startsWith("@") ? readFileSync(data.slice(1), "utf8") : data;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return usage(`--data is not valid JSON${data.startsWith("@") ? ` (file ${data.slice(1)})` : ""}`);
  }
}

async function writeBinary(
  response: BinaryResponse,
  output: string | undefined,
  io: CommandIo,
): Promise<void> {
  if (output === undefined) {
    await pipeline(response.body, io.stdout, { end: false });
    return;
  }
  await pipeline(response.body, createWriteStream(output));
  io.stdout.write(
    `${JSON.stringify({ file: output, filename: response.filename, contentType: response.contentType, contentLength: response.contentLength }, null, 2)}\n`,
  );
}

/** The error and its API fields, as the user needs them to act; never the request. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `${String(error)}\n`;
  // The exception's safe view (toJSON), not its raw fields: a detail may quote card data.
  const safe = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const name of [
    "statusCode",
    "type",
    "title",
    "status",
    "detail",
    "instance",
    "requestId",
    "idempotenceKey",
    "operationId",
  ]) {
    const value = safe[name];
    if (value !== undefined && value !== null) fields[name] = value;
  }
  const details = Object.keys(fields).length > 0 ? `\n${JSON.stringify(fields, null, 2)}` : "";
  return `${error.name}: ${error.message}${details}\n`;
}
