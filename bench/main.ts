// `npm run bench`: the SDK's processPayment against a raw undici client sending the same bytes, in
// the same run, alternating rounds; plus a token storm and a soak. Prints a table of ratios and,
// with --write, saves it as bench/RESULTS.md.
import { execFileSync, fork } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, totalmem } from "node:os";
import { Pool } from "undici";
import type * as Sdk from "../src/index.js";
import type { ApiPaymentRequest } from "../src/index.js";

// The built package, as users get it; typed by its source.
const sdk = createRequire(import.meta.url)("../dist/index.js") as typeof Sdk;
const { CommunicatorConfiguration, Factory, MetadataProvider } = sdk;

const MAX_CONNECTIONS = 32;
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 41);
const SOAK_CALLS = Number(process.env["BENCH_SOAK_CALLS"] ?? 100_000);
const ACQUIRER = "100812";
const MERCHANT = "520001857";

const REQUEST: ApiPaymentRequest = {
  operationId: "bench-operation",
  transactionTimestamp: "2024-06-01T12:34:56.789+02:00",
  amount: { amount: 12345, currencyCode: "EUR", numberOfDecimals: 2 },
  authorizationType: "PRE_AUTHORIZATION",
  cardPaymentData: {
    brand: "VISA",
    captureImmediately: false,
    cardEntryMode: "ECOMMERCE",
    cardholderVerificationMethod: "CARD_SECURITY_CODE",
    allowPartialApproval: false,
    cardData: { cardNumber: "4111111111111111", expiryDate: "122030", cardSecurityCode: "123" },
    ecommerceData: { scaExemptionRequest: "LOW_VALUE_PAYMENT" },
  },
  references: { merchantReference: "order-0001", dynamicDescriptor: "ACME*ORDER0001" },
  merchant: { name: "Acme Shop", city: "Brussels", countryCode: "BE", merchantCategoryCode: 5999 },
};

interface Server {
  port: number;
  child: ChildProcess;
  ask<T>(message: object, reply: string): Promise<T>;
}

/**
 * Pins this process to CPU 0 and `serverPid` (all threads) to CPU 1, so that client and server stop
 * taking turns on both cores, as they would not if the server were another machine. Returns what
 * was done, for the report; without `taskset` or a second CPU nothing is pinned.
 */
function pinProcesses(serverPid: number): string {
  if (cpus().length < 2) return "not pinned (one CPU)";
  try {
    execFileSync("taskset", ["-a", "-p", "-c", "0", String(process.pid)], { stdio: "ignore" });
    execFileSync("taskset", ["-a", "-p", "-c", "1", String(serverPid)], { stdio: "ignore" });
    return "client pinned to CPU 0, server to CPU 1 (taskset)";
  } catch {
    return "not pinned (no taskset)";
  }
}

async function startServer(): Promise<Server> {
  const child = fork(new URL("./server.ts", import.meta.url), [], { execArgv: ["--import", "tsx"] });
  const ask = <T>(message: object, reply: string): Promise<T> =>
    new Promise((resolve) => {
      const onMessage = (answer: { type: string }): void => {
        if (answer.type !== reply) return;
        child.off("message", onMessage);
        resolve(answer as T);
      };
      child.on("message", onMessage);
      child.send(message);
    });
  const { port } = await new Promise<{ port: number }>((resolve) =>
    child.once("message", (message: { port: number }) => resolve(message)),
  );
  return { port, child, ask };
}

interface Stats {
  tokenRequests: number;
  socketsSeen: number;
  openSockets: number;
}

interface RoundResult {
  callsPerSecond: number;
  /** Client CPU time (user + system) per call: steadier than throughput on a shared machine. */
  cpuUsPerCall: number;
  latencies: number[];
}

type Call = () => Promise<unknown>;

const gc = (globalThis as { gc?: () => void }).gc;

/** One measured round; the heap is collected first, so that no round pays for the last one's garbage. */
async function round(call: Call, calls: number, concurrency: number): Promise<RoundResult> {
  gc?.();
  const latencies: number[] = new Array<number>(calls);
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < calls) {
      const index = next++;
      const begin = performance.now();
      await call();
      latencies[index] = performance.now() - begin;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    callsPerSecond: calls / (elapsed / 1000),
    cpuUsPerCall: (used.user + used.system) / calls,
    latencies,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface CaseResult {
  name: string;
  rounds: RoundResult[];
  callsPerSecond: number;
  cpuUsPerCall: number;
  p50Us: number;
  p99Us: number;
}

/**
 * Runs the contenders in rounds, each round in a rotated order so that none always follows the
 * same one; keeps every round, so that ratios can be taken between rounds run side by side.
 */
async function compare(
  contenders: Record<string, Call>,
  calls: number,
  concurrency: number,
): Promise<CaseResult[]> {
  const entries = Object.entries(contenders);
  const results = new Map<string, RoundResult[]>(entries.map(([name]) => [name, []]));
  // Warm-up in rotated order too: a contender that always runs first gets the JIT's first
  // impressions, worth a few per cent on this machine.
  for (let r = 0; r < 3; r++) {
    for (let i = 0; i < entries.length; i++) {
      await round(entries[(r + i + 1) % entries.length]![1], Math.min(calls, 500), concurrency);
    }
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < entries.length; i++) {
      const [name, call] = entries[(r + i) % entries.length]!;
      results.get(name)!.push(await round(call, calls, concurrency));
    }
  }
  return [...results].map(([name, rounds]) => {
    const latencies = rounds.flatMap((result) => result.latencies).sort((a, b) => a - b);
    return {
      name,
      rounds,
      callsPerSecond: median(rounds.map((result) => result.callsPerSecond)),
      cpuUsPerCall: median(rounds.map((result) => result.cpuUsPerCall)),
      p50Us: percentile(latencies, 50) * 1000,
      p99Us: percentile(latencies, 99) * 1000,
    };
  });
}

/**
 * The median, lowest and highest of the per-round ratios of `subject` to `base`: each ratio
 * compares two rounds run back to back, so that a slow spell of a shared machine cancels out.
 */
function pairedRatio(subject: CaseResult, base: CaseResult): { median: number; low: number; high: number } {
  const ratios = subject.rounds.map((result, r) => result.callsPerSecond / base.rounds[r]!.callsPerSecond);
  return { median: median(ratios), low: Math.min(...ratios), high: Math.max(...ratios) };
}

function pairedCpuDifference(subject: CaseResult, base: CaseResult): number {
  return median(subject.rounds.map((result, r) => result.cpuUsPerCall - base.rounds[r]!.cpuUsPerCall));
}

async function main(): Promise<void> {
  const server = await startServer();
  const pinning = pinProcesses(server.child.pid!);
  const origin = `http://127.0.0.1:${server.port}`;
  const configuration = new CommunicatorConfiguration({
    apiEndpoint: origin,
    oauth2TokenUri: `${origin}/token`,
    oauth2ClientId: "bench-client",
    oauth2ClientSecret: "bench-secret",
    integrator: "Bench",
    maxConnections: MAX_CONNECTIONS,
  });
  const client = Factory.createClientFromConfiguration(configuration);
  const loggedClient = Factory.createClientFromConfiguration(configuration);
  loggedClient.enableLogging({ log() {}, logRequest() {}, logResponse() {} });
  const payments = client.v1().acquirer(ACQUIRER).merchant(MERCHANT).cardPayments();
  const loggedPayments = loggedClient.v1().acquirer(ACQUIRER).merchant(MERCHANT).cardPayments();

  const raw = new Pool(origin, { connections: MAX_CONNECTIONS });
  const metaInfo = new MetadataProvider("Bench").metadataHeaders[0]!.value;
  const path = `/processing/v1/${ACQUIRER}/${MERCHANT}/payments`;
  const rawCall: Call = async () => {
    const response = await raw.request({
      method: "POST",
      path,
      headers: {
        "content-type": "application/json",
        "x-wl-servermetainfo": metaInfo,
        date: new Date().toUTCString(),
        "trace-id": crypto.randomUUID(),
        authorization: "Bearer bench-token-1",
      },
      body: JSON.stringify(REQUEST),
    });
    return response.body.json();
  };
  const contenders = {
    raw: rawCall,
    sdk: () => payments.processPayment(REQUEST),
    "sdk + no-op logger": () => loggedPayments.processPayment(REQUEST),
  };

  const lines: string[] = [];
  const print = (line = ""): void => {
    console.log(line);
    lines.push(line);
  };
  print(`# Benchmark results`);
  print();
  print(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, ${new Date().toISOString()}; ${pinning}`,
  );
  print(
    `${ROUNDS} rounds per concurrency against one loopback server process, the contenders in a rotated order each round. Calls/s and CPU are the median round; each ratio is the median of the ratios between rounds run back to back, with the lowest and highest.`,
  );
  print();
  const ratios: string[] = [];
  for (const [concurrency, calls] of [
    [1, 800],
    [32, 3000],
  ] as const) {
    const results = await compare(contenders, calls, concurrency);
    const base = results.find((result) => result.name === "raw")!;
    const sdkResult = results.find((result) => result.name === "sdk")!;
    const logged = results.find((result) => result.name === "sdk + no-op logger")!;
    const fixed = (value: number): string => value.toFixed(3);
    print(`## Concurrency ${concurrency}`);
    print();
    print(
      "| client | calls/s | p50 µs | p99 µs | client CPU µs/call | throughput ÷ raw, median (lowest–highest) of rounds |",
    );
    print("|---|---:|---:|---:|---:|---:|");
    for (const result of results) {
      const ratio = pairedRatio(result, base);
      print(
        `| ${result.name} | ${result.callsPerSecond.toFixed(0)} | ${result.p50Us.toFixed(0)} | ${result.p99Us.toFixed(0)} | ${result.cpuUsPerCall.toFixed(1)} | ${fixed(ratio.median)} (${fixed(ratio.low)}–${fixed(ratio.high)}) |`,
      );
    }
    print();
    const sdkRatio = pairedRatio(sdkResult, base);
    const loggedRatio = pairedRatio(logged, sdkResult);
    ratios.push(
      `- concurrency ${concurrency}: SDK ÷ raw = ${fixed(sdkRatio.median)} (rounds ${fixed(sdkRatio.low)}–${fixed(sdkRatio.high)}); SDK p50 − raw p50 = ${(sdkResult.p50Us - base.p50Us).toFixed(0)} µs; SDK CPU − raw CPU = ${pairedCpuDifference(sdkResult, base).toFixed(1)} µs per call; no-op logger ÷ logging off = ${fixed(loggedRatio.median)} (rounds ${fixed(loggedRatio.low)}–${fixed(loggedRatio.high)})`,
    );
  }
  print("## Ratios");
  print();
  for (const line of ratios) print(line);
  print();

  // Token storm: 1,000 concurrent calls right after the token expired.
  await server.ask({ type: "configure", tokenTtlSeconds: 2 }, "configured");
  const stormClient = Factory.createClientFromConfiguration(configuration);
  const storm = stormClient.v1().acquirer(ACQUIRER).merchant(MERCHANT).cardPayments();
  await storm.processPayment(REQUEST);
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const beforeStorm = await server.ask<Stats>({ type: "stats" }, "stats");
  const stormStarted = performance.now();
  await Promise.all(Array.from({ length: 1000 }, () => storm.processPayment(REQUEST)));
  const drainMs = performance.now() - stormStarted;
  const afterStorm = await server.ask<Stats>({ type: "stats" }, "stats");
  await stormClient.close();
  await server.ask({ type: "configure", tokenTtlSeconds: 3600 }, "configured");
  print("## Token storm");
  print();
  print(
    `1,000 concurrent calls right after the token expired: ${afterStorm.tokenRequests - beforeStorm.tokenRequests} token request(s); drained in ${drainMs.toFixed(0)} ms.`,
  );
  print();

  // Soak: many calls on one client; heap, RSS and sockets at start and end.
  const soakClient = Factory.createClientFromConfiguration(configuration);
  const soak = soakClient.v1().acquirer(ACQUIRER).merchant(MERCHANT).cardPayments();
  await soak.processPayment(REQUEST);
  gc?.();
  const startMemory = process.memoryUsage();
  const beforeSoak = await server.ask<Stats>({ type: "stats" }, "stats");
  await round(() => soak.processPayment(REQUEST), SOAK_CALLS, MAX_CONNECTIONS);
  gc?.();
  const endMemory = process.memoryUsage();
  const afterSoak = await server.ask<Stats>({ type: "stats" }, "stats");
  const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);
  print("## Soak");
  print();
  print(
    `${SOAK_CALLS.toLocaleString("en")} calls at concurrency ${MAX_CONNECTIONS} (maxConnections ${MAX_CONNECTIONS})${gc ? "" : " (run without --expose-gc: heap figures include garbage)"}:`,
  );
  print(
    `- heap used: ${mb(startMemory.heapUsed)} MB → ${mb(endMemory.heapUsed)} MB (growth ${mb(endMemory.heapUsed - startMemory.heapUsed)} MB)`,
  );
  print(`- RSS: ${mb(startMemory.rss)} MB → ${mb(endMemory.rss)} MB`);
  print(`- new sockets the server saw during the soak: ${afterSoak.socketsSeen - beforeSoak.socketsSeen}`);

  await Promise.all([client.close(), loggedClient.close(), soakClient.close(), raw.close()]);
  await new Promise((resolve) => {
    server.child.once("exit", resolve);
    server.child.send({ type: "stop" });
  });
  if (process.argv.includes("--write")) {
    writeFileSync(new URL("./RESULTS.md", import.meta.url), lines.join("\n") + "\n");
  }
}

await main();
