import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));

async function example(name: string): Promise<string> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", `examples/${name}.ts`], { cwd: root });
  return stdout;
}

describe("the README's examples run against the simulator", () => {
  it("quick-start", async () => {
    expect(await example("quick-start")).toMatch(/^\S+ AUTHORIZED\n$/);
  });
  it("properties-file", async () => {
    expect(await example("properties-file")).toBe("ping answered\n");
  });
  it("exceptions", async () => {
    const output = await example("exceptions");
    expect(output).toContain("Incorrect object reference:");
    expect(output).toContain("Input validation error:");
  });
  it("logging", async () => {
    const output = await example("logging");
    expect(output).toContain("Outgoing request");
    expect(output).toContain("************4444");
    expect(output).not.toContain("5555555555554444");
  });
  it("shared-communicator", async () => {
    expect(await example("shared-communicator")).toContain(
      "after close: This Communicator (and every client sharing it) is closed",
    );
  });
  it("custom-connection", async () => {
    expect(await example("custom-connection")).toBe(
      "4 log messages; X-Tenant sent: true\ntokens in the store: 1\n",
    );
  });
});
