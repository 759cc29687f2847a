#!/usr/bin/env node
// The `acquiring-sdk` command: `sandbox` serves the simulator, `call` calls any operation.
import { runSandboxCommand } from "../sandbox/run-sandbox-command.js";
import { CALL_USAGE, runCallCommand, UsageError } from "./call-command.js";

const USAGE = `Usage: acquiring-sdk <command> [options]

Commands:
  sandbox [--port N] [--host H]    run the embedded Acquiring API simulator until Ctrl+C
  call <operationId> --config FILE --client-id ID --client-secret SECRET [--data JSON|@FILE] ...
                                   call one API operation and print the response

Run 'acquiring-sdk <command> --help' for a command's options.
`;

const SANDBOX_USAGE = `Usage: acquiring-sdk sandbox [--port N] [--host H] [--client-id ID] [--client-secret S]
                             [--latency-ms N] [--token-ttl-seconds N]

Starts the embedded simulator of the Acquiring API (default 127.0.0.1, a free port) and prints
apiEndpoint, tokenUri, clientId and clientSecret, one per line. Serves until SIGINT or SIGTERM.
`;

async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  const io = { stdout: process.stdout, stderr: process.stderr, env: process.env };
  try {
    switch (command) {
      case "sandbox":
        if (rest.includes("--help") || rest.includes("-h")) {
          process.stdout.write(SANDBOX_USAGE);
          return 0;
        }
        await runSandboxCommand(rest, { stdout: process.stdout });
        return 0;
      case "call":
        return await runCallCommand(rest, io);
      case undefined:
      case "--help":
      case "-h":
      case "help":
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (error) {
    const usage = command === "call" ? CALL_USAGE : command === "sandbox" ? SANDBOX_USAGE : USAGE;
    const isUsage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    process.stderr.write(`acquiring-sdk: ${(error as Error).message}\n${isUsage ? `\n${usage}` : ""}`);
    return isUsage ? 2 : 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
