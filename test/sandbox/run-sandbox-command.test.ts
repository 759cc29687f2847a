import { describe, expect, it } from "vitest";
import { parseSandboxArgs, runSandboxCommand } from "../../src/sandbox/run-sandbox-command.js";
import { ApiClient, send } from "./sandbox-client.js";

describe("sandbox command", () => {
  it("prints the four connection lines first, serves, and closes when told to stop", async () => {
    let output = "";
    let stop = (): void => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = runSandboxCommand(["--port", "0", "--client-id=ci-client"], {
      stdout: { write: (text: string) => (output += text) },
      waitForStop: () => stopped,
    });
    await expect.poll(() => output, { timeout: 5_000 }).toContain("clientSecret: ");
    const lines = output.split("\n");
    expect(lines.slice(0, 4).map((line) => line.split(": ")[0])).toEqual([
      "apiEndpoint",
      "tokenUri",
      "clientId",
      "clientSecret",
    ]);
    const value = (index: number): string => lines[index]!.slice(lines[index]!.indexOf(": ") + 2);
    expect(value(2)).toBe("ci-client");
    const sandbox = { apiEndpoint: value(0), tokenUri: value(1), clientId: value(2), clientSecret: value(3) };
    const api = await ApiClient.connect(sandbox);
    expect((await api.get("/services/v1/ping")).status).toBe(200);
    stop();
    await running;
    await expect(send(`${sandbox.apiEndpoint}/services/v1/ping`)).rejects.toThrow();
  });

  it("refuses unknown arguments, missing values and non-numeric ports, naming them", () => {
    expect(parseSandboxArgs(["--port", "8080", "--host=::1"])).toEqual({ port: 8080, host: "::1" });
    expect(() => parseSandboxArgs(["--verbose"])).toThrow("'--verbose'");
    expect(() => parseSandboxArgs(["--port"])).toThrow("'--port' needs a value");
    expect(() => parseSandboxArgs(["--port", "eighty"])).toThrow("'--port' must be a whole number");
  });
});
