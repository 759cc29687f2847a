import { startSandbox, type SandboxOptions } from "./start-sandbox.js";

/** Where the sandbox command writes and how it learns to stop. */
export interface SandboxCommandIo {
  stdout: { write(text: string): unknown };
  /** Resolves when the command should stop; default: the first SIGINT or SIGTERM. */
  waitForStop?: () => Promise<void>;
}

function whole(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new Error(`argument '${flag}' must be a whole number`);
  return Number(value);
}

const FLAGS: Readonly<Record<string, (options: SandboxOptions, value: string, flag: string) => void>> = {
  "--port": (options, value, flag) => (options.port = whole(flag, value)),
  "--host": (options, value) => (options.host = value),
  "--client-id": (options, value) => (options.clientId = value),
  "--client-secret": (options, value) => (options.clientSecret = value),
  "--latency-ms": (options, value, flag) => (options.latencyMs = whole(flag, value)),
  "--token-ttl-seconds": (options, value, flag) => (options.tokenTtlSeconds = whole(flag, value)),
};

/**
 * Parses `sandbox` command arguments (`--port N`, `--host H`, `--client-id ID`,
 * `--client-secret S`, `--latency-ms N`, `--token-ttl-seconds N`; `--flag=value` also works).
 * @throws Error naming the argument when it is unknown, lacks a value or is not a number.
 */
export function parseSandboxArgs(args: readonly string[]): SandboxOptions {
  const options: SandboxOptions = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const equals = arg.indexOf("=");
    const flag = equals > 0 ? arg.slice(0, equals) : arg;
    const set = FLAGS[flag];
    if (!set) throw new Error(`unknown argument '${flag}'; expected one of ${Object.keys(FLAGS).join(", ")}`);
    const value = equals > 0 ? arg.slice(equals + 1) : args[++i];
    if (value === undefined || value === "") throw new Error(`argument '${flag}' needs a value`);
    set(options, value, flag);
  }
  return options;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

/**
 * The `acquiring-sdk sandbox` command: starts the simulator, prints `apiEndpoint`, `tokenUri`,
 * `clientId` and `clientSecret` (one `name: value` line each, in that order), serves until
 * stopped, then closes it.
 * @throws Error for invalid arguments (see {@link parseSandboxArgs}) or a port that cannot be bound.
 */
export async function runSandboxCommand(args: readonly string[], io: SandboxCommandIo): Promise<void> {
  const sandbox = await startSandbox(parseSandboxArgs(args));
  try {
    io.stdout.write(
      `apiEndpoint: ${sandbox.apiEndpoint}\ntokenUri: ${sandbox.tokenUri}\n` +
        `clientId: ${sandbox.clientId}\nclientSecret: ${sandbox.clientSecret}\n` +
        "Acquiring API sandbox running; test cards and faults: docs/sandbox.md. Stop with Ctrl+C.\n",
    );
    await (io.waitForStop ?? untilSignal)();
  } finally {
    await sandbox.close();
  }
}
