// `npm run bench`: the SDK's processPayment against a raw undici client sending the same bytes, in
// the same run, alternating rounds; plus a token storm and a soak. Prints a table of ratios and,
// with --write, saves it as bench/RESULTS.md. The comparisons run in processes of their own, two
// contenders each (pair.ts); this process starts them, then runs the storm and the soak.
import { execFileSync, fork } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { MAX_CONNECTIONS, REQUEST, benchConfiguration, cardPayments, gc, round, sdk } from "./common.js";
import type { ContenderName, PairResult, PairTask, RoundResult } from "./common.js";

const { Factory } = sdk;
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 42);
const SETS = Number(process.env["BENCH_SETS"] ?? 3);
const SOAK_CALLS = Number(process.env["BENCH_SOAK_CALLS"] ?? 100_000);

/** The comparisons: each in processes of its own, the first contender the base of the ratio. */
const PAIRS: [ContenderName, ContenderName][] = [
  ["raw", "sdk"],
  ["sdk", "sdk + no-op logger"],
];

/** The loopback server's counts. */
interface Stats {
  tokenRequests: number;
  socketsSeen: number;
  openSockets: number;
}

/**
 * Pins this process to CPU 0 and `serverPid` (all threads) to CPU 1, so that client and server stop
 * taking turns on both cores, as they would not if the server were another machine; the pair
 * processes started later inherit CPU 0. Returns what was done, for the report; without `taskset`
 * or a second CPU nothing is pinned.
 */
function pinProcesses(serverPid: number): string {
  if (cpus().length < 2) return "not pinned (one CPU)";
  try {
    execFileSync("taskset", ["-a", "-p", "-c", "0", String(process.pid)], { stdio: "ignore" });
    execFileSync("taskset", ["-a", "-p", "-c", "1", String(serverPid)], { stdio: "ignore" });
    return "clients pinned to CPU 0, server to CPU 1 (taskset)";
  } catch {
    return "not pinned (no taskset)";
  }
}

/** Forks `script` (TypeScript, run by tsx) and resolves with its first message. */
function runChild<T>(script: string, args: string[]): { child: ChildProcess; message: Promise<T> } {
  const child = fork(new URL(script, import.meta.url), args, {
    execArgv: ["--expose-gc", "--import", "tsx"],
  });
  const message = new Promise<T>((resolve, reject) => {
    child.once("message", (first: T) => resolve(first));
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code} before answering`)));
  });
  return { child, message };
}

/** Sends `message` to a child process and resolves with its first message of type `reply`. */
function ask<T>(child: ChildProcess, message: object, reply: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (answer: { type: string }): void => {
      if (answer.type !== reply) return;
      child.off("message", onMessage);
      resolve(answer as T);
    };
    child.on("message", onMessage);
    child.send(message);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface CaseResult {
  name: ContenderName;
  rounds: RoundResult[];
  callsPerSecond: number;
  cpuUsPerCall: number;
  p50Us: number;
  p99Us: number;
}

/**
 * Runs the two contenders of `names` in alternating rounds and keeps every round, so that ratios
 * can be taken between rounds run side by side. The rounds are split into SETS sets, each in a
 * fresh process: how well the JIT happens to compile a hot path differs a little from one process
 * to the next, and several processes average that out.
 */
async function compare(
  names: [ContenderName, ContenderName],
  origin: string,
  calls: number,
  concurrency: number,
): Promise<[CaseResult, CaseResult]> {
  const rounds: [RoundResult[], RoundResult[]] = [[], []];
  for (let set = 0; set < SETS; set++) {
    const task: PairTask = {
      names,
      origin,
      calls,
      concurrency,
      rounds: Math.ceil((ROUNDS - set) / SETS),
      firstRound: set,
    };
    const result = await runChild<PairResult>("./pair.ts", [JSON.stringify(task)]).message;
    rounds[0].push(...result.rounds[0]!);
    rounds[1].push(...result.rounds[1]!);
  }
  return [summary(names[0], rounds[0]), summary(names[1], rounds[1])];
}

function summary(name: ContenderName, rounds: RoundResult[]): CaseResult {
  const latencies = rounds.flatMap((result) => result.latencies).sort((a, b) => a - b);
  return {
    name,
    rounds,
    callsPerSecond: median(rounds.map((result) => result.callsPerSecond)),
    cpuUsPerCall: median(rounds.map((result) => result.cpuUsPerCall)),
    p50Us: percentile(latencies, 50) * 1000,
    p99Us: percentile(latencies, 99) * 1000,
  };
}

interface Ratio {
  median: number;
  low: number;
  high: number;
}

/**
 * The median, lowest and highest of the per-round ratios of `subject` to `base`: each ratio
 * compares two rounds run back to back, so that a slow spell of a shared machine cancels out.
 */
function pairedRatio(subject: CaseResult, base: CaseResult): Ratio {
  const ratios = subject.rounds.map((result, r) => result.callsPerSecond / base.rounds[r]!.callsPerSecond);
  return { median: median(ratios), low: Math.min(...ratios), high: Math.max(...ratios) };
}

function pairedCpuDifference(subject: CaseResult, base: CaseResult): number {
  return median(subject.rounds.map((result, r) => result.cpuUsPerCall - base.rounds[r]!.cpuUsPerCall));
}

const fixed = (value: number): string => value.toFixed(3);
const range = (ratio: Ratio): string => `${fixed(ratio.median)} (${fixed(ratio.low)}–${fixed(ratio.high)})`;

async function main(): Promise<void> {
  const { child: serverProcess, message: ready } = runChild<{ port: number }>("./server.ts", []);
  const { port } = await ready;
  const pinning = pinProcesses(serverProcess.pid!);
  const origin = `http://127.0.0.1:${port}`;
  const configuration = benchConfiguration(origin);

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
    `Each comparison is ${ROUNDS} rounds of two contenders against one loopback server process, alternating in a rotated order, in ${SETS} fresh processes per comparison and concurrency: raw and the SDK in some, the SDK without and with a no-op logger in others, since a logging client in the same process slows the plain one. Calls/s and CPU are the median round; each ratio is the median of the ratios between rounds run back to back, with the lowest and highest.`,
  );
  print();
  const ratios: string[] = [];
  for (const [concurrency, calls] of [
    [1, 800],
    [32, 3000],
  ] as const) {
    const [raw, plain] = await compare(PAIRS[0]!, origin, calls, concurrency);
    const [base, logged] = await compare(PAIRS[1]!, origin, calls, concurrency);
    print(`## Concurrency ${concurrency}`);
    print();
    print(
      "| comparison | client | calls/s | p50 µs | p99 µs | client CPU µs/call | throughput ÷ the first, median (lowest–highest) of rounds |",
    );
    print("|---|---|---:|---:|---:|---:|---:|");
    for (const [comparison, first, second] of [
      ["SDK ÷ raw", raw, plain],
      ["logger ÷ logging off", base, logged],
    ] as const) {
      for (const result of [first, second]) {
        print(
          `| ${comparison} | ${result.name} | ${result.callsPerSecond.toFixed(0)} | ${result.p50Us.toFixed(0)} | ${result.p99Us.toFixed(0)} | ${result.cpuUsPerCall.toFixed(1)} | ${range(pairedRatio(result, first))} |`,
        );
      }
    }
    print();
    ratios.push(
      `- concurrency ${concurrency}: SDK ÷ raw = ${range(pairedRatio(plain, raw))}; SDK p50 − raw p50 = ${(plain.p50Us - raw.p50Us).toFixed(0)} µs; SDK CPU − raw CPU = ${pairedCpuDifference(plain, raw).toFixed(1)} µs per call; no-op logger ÷ logging off = ${range(pairedRatio(logged, base))}`,
    );
  }
  print("## Ratios");
  print();
  for (const line of ratios) print(line);
  print();

  // Token storm: 1,000 concurrent calls right after the token expired.
  await ask(serverProcess, { type: "configure", tokenTtlSeconds: 2 }, "configured");
  const stormClient = Factory.createClientFromConfiguration(configuration);
  const storm = cardPayments(stormClient);
  await storm.processPayment(REQUEST);
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const beforeStorm = await ask<Stats>(serverProcess, { type: "stats" }, "stats");
  const stormStarted = performance.now();
  await Promise.all(Array.from({ length: 1000 }, () => storm.processPayment(REQUEST)));
  const drainMs = performance.now() - stormStarted;
  const afterStorm = await ask<Stats>(serverProcess, { type: "stats" }, "stats");
  await stormClient.close();
  await ask(serverProcess, { type: "configure", tokenTtlSeconds: 3600 }, "configured");
  print("## Token storm");
  print();
  print(
    `1,000 concurrent calls right after the token expired: ${afterStorm.tokenRequests - beforeStorm.tokenRequests} token request(s); drained in ${drainMs.toFixed(0)} ms.`,
  );
  print();

  // Soak: many calls on one client; heap, RSS and sockets at start and end.
  const soakClient = Factory.createClientFromConfiguration(configuration);
  const soak = cardPayments(soakClient);
  await soak.processPayment(REQUEST);
  gc?.();
  const startMemory = process.memoryUsage();
  const beforeSoak = await ask<Stats>(serverProcess, { type: "stats" }, "stats");
  await round(() => soak.processPayment(REQUEST), SOAK_CALLS, MAX_CONNECTIONS);
  gc?.();
  const endMemory = process.memoryUsage();
  const afterSoak = await ask<Stats>(serverProcess, { type: "stats" }, "stats");
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

  await soakClient.close();
  const exited = new Promise((resolve) => serverProcess.once("exit", resolve));
  serverProcess.send({ type: "stop" });
  await exited;
  if (process.argv.includes("--write")) {
    writeFileSync(new URL("./RESULTS.md", import.meta.url), lines.join("\n") + "\n");
  }
}

await main();
