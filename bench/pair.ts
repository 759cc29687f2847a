// Two contenders of the benchmark compared in one process, in alternating rounds, on the
// coordinator's (main.ts) behalf. Two at a time, because every client in a process shapes the JIT
// feedback and the garbage of the code they share: a logging SDK client next to the plain one
// slows the plain one by several per cent, which no program with one client sees.
// Arguments: a JSON PairTask. Sends back a PairResult and exits.
import { Pool } from "undici";
import {
  MAX_CONNECTIONS,
  PAYMENT_PATH,
  REQUEST,
  benchConfiguration,
  cardPayments,
  round,
  sdk,
} from "./common.js";
import type { Call, ContenderName, PairResult, PairTask, RoundResult } from "./common.js";

/** The contender's call, and how to release what it holds. */
function contender(name: ContenderName, origin: string): { call: Call; close: () => Promise<void> } {
  if (name === "raw") {
    // The same bytes as the SDK sends: its headers, a token, the JSON body; the JSON answer parsed.
    const pool = new Pool(origin, { connections: MAX_CONNECTIONS });
    const metaInfo = new sdk.MetadataProvider("Bench").metadataHeaders[0]!.value;
    const call: Call = async () => {
      const response = await pool.request({
        method: "POST",
        path: PAYMENT_PATH,
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
    return { call, close: () => pool.close() };
  }
  const client = sdk.Factory.createClientFromConfiguration(benchConfiguration(origin));
  if (name === "sdk + no-op logger") client.enableLogging({ log() {}, logRequest() {}, logResponse() {} });
  const payments = cardPayments(client);
  return { call: () => payments.processPayment(REQUEST), close: () => client.close() };
}

const task = JSON.parse(process.argv[2]!) as PairTask;
const contenders = task.names.map((name) => ({ name, ...contender(name, task.origin) }));
const rounds: RoundResult[][] = contenders.map(() => []);
// Warm-up in rotated order too: a contender that always runs first gets the JIT's first
// impressions, worth a few per cent on this machine.
for (let r = 0; r < 3; r++) {
  for (let i = 0; i < contenders.length; i++) {
    await round(
      contenders[(r + i + 1) % contenders.length]!.call,
      Math.min(task.calls, 500),
      task.concurrency,
    );
  }
}
for (let r = 0; r < task.rounds; r++) {
  for (let i = 0; i < contenders.length; i++) {
    const index = (r + task.firstRound + i) % contenders.length;
    rounds[index]!.push(await round(contenders[index]!.call, task.calls, task.concurrency));
  }
}
await Promise.all(contenders.map(({ close }) => close()));
const result: PairResult = { rounds };
process.send!(result, () => process.exit(0));
