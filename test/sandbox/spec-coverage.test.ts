import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_SCOPES, startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { fetchToken, send } from "./sandbox-client.js";

interface SpecOperation {
  id: string;
  method: "GET" | "POST";
  path: string;
  oauth2Scope: string;
}

const spec = JSON.parse(readFileSync(new URL("../../spec/acquiring-v1.json", import.meta.url), "utf8")) as {
  operations: SpecOperation[];
};

describe("sandbox coverage of spec/acquiring-v1.json", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it("knows the nine scopes the spec uses", () => {
    expect(new Set(spec.operations.map((operation) => operation.oauth2Scope))).toEqual(
      new Set(SANDBOX_SCOPES),
    );
    expect(spec.operations).toHaveLength(22);
  });

  it.each(spec.operations.map((operation) => [operation.id, operation] as const))(
    "%s is served at its method and path and guarded by its scope",
    async (id, operation) => {
      const url = sandbox.apiEndpoint + operation.path.replace(/\{(\w+)\}/g, "$1-1");
      const otherScopes = SANDBOX_SCOPES.filter((scope) => scope !== operation.oauth2Scope).join(" ");
      const token = await fetchToken(sandbox, otherScopes);
      const answer = await send(url, {
        method: operation.method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        ...(operation.method === "POST" ? { body: "{}" } : {}),
      });
      expect(answer.status).toBe(403);
      expect(answer.json.detail).toBe(`${id} requires scope '${operation.oauth2Scope}'`);
      expect(sandbox.requests.at(-1)?.operation).toBe(id);
    },
  );
});
