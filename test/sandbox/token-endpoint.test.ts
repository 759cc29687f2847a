import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_SCOPES, startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { ApiClient, MERCHANT_PATH, send } from "./sandbox-client.js";

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

describe("sandbox OAuth2 token endpoint", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ clientId: "client id+1", clientSecret: "s3cr&t:=%" });
  });
  afterAll(() => sandbox.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    send(sandbox.tokenUri, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body,
    });

  it("issues a bearer token for form-body credentials, properly decoded", async () => {
    const answer = await post(
      form({
        grant_type: "client_credentials",
        client_id: sandbox.clientId,
        client_secret: sandbox.clientSecret,
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.json).toMatchObject({
      token_type: "Bearer",
      expires_in: 3600,
      scope: SANDBOX_SCOPES.join(" "),
    });
    expect(answer.json.access_token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it("accepts HTTP Basic credentials (form-encoded id and secret, RFC 6749 §2.3.1)", async () => {
    const basic = Buffer.from(
      `${encodeURIComponent(sandbox.clientId)}:${encodeURIComponent(sandbox.clientSecret)}`,
    ).toString("base64");
    const answer = await post(form({ grant_type: "client_credentials", scope: "services_ping" }), {
      authorization: `Basic ${basic}`,
    });
    expect(answer.status).toBe(200);
    expect(answer.json.scope).toBe("services_ping");
  });

  it("refuses a wrong secret with 401 invalid_client", async () => {
    const answer = await post(
      form({ grant_type: "client_credentials", client_id: sandbox.clientId, client_secret: "wrong" }),
    );
    expect(answer.status).toBe(401);
    expect(answer.json.error).toBe("invalid_client");
    expect(answer.json.error_description).toEqual(expect.any(String));
    expect(answer.text).not.toContain("wrong");
  });

  it("refuses a wrong Basic secret with 401 and a WWW-Authenticate challenge", async () => {
    const basic = Buffer.from(`${encodeURIComponent(sandbox.clientId)}:nope`).toString("base64");
    const answer = await post(form({ grant_type: "client_credentials" }), {
      authorization: `Basic ${basic}`,
    });
    expect(answer.status).toBe(401);
    expect(answer.json.error).toBe("invalid_client");
    expect(answer.headers["www-authenticate"]).toMatch(/^Basic /);
  });

  it("refuses an unknown scope with 400 invalid_scope", async () => {
    const answer = await post(
      form({
        grant_type: "client_credentials",
        client_id: sandbox.clientId,
        client_secret: sandbox.clientSecret,
        scope: "processing_payment processing_credittransfer",
      }),
    );
    expect(answer.status).toBe(400);
    expect(answer.json.error).toBe("invalid_scope");
    expect(answer.json.error_description).toContain("processing_credittransfer");
  });

  it("refuses another grant type with 400 unsupported_grant_type", async () => {
    const answer = await post(
      form({ grant_type: "password", client_id: sandbox.clientId, client_secret: sandbox.clientSecret }),
    );
    expect(answer.status).toBe(400);
    expect(answer.json.error).toBe("unsupported_grant_type");
  });

  it("refuses a request without grant_type, with two credential methods, or not form-encoded", async () => {
    const credentials = { client_id: sandbox.clientId, client_secret: sandbox.clientSecret };
    expect((await post(form(credentials))).json.error).toBe("invalid_request");
    const basic = Buffer.from("a:b").toString("base64");
    const both = await post(form({ grant_type: "client_credentials", ...credentials }), {
      authorization: `Basic ${basic}`,
    });
    expect([both.status, both.json.error]).toEqual([400, "invalid_request"]);
    const asJson = await send(sandbox.tokenUri, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ grant_type: "client_credentials", ...credentials }),
    });
    expect([asJson.status, asJson.json.error]).toEqual([400, "invalid_request"]);
    const get = await send(sandbox.tokenUri);
    expect(get.status).toBe(405);
  });
});

describe("sandbox API authentication", () => {
  let sandbox: Sandbox;
  let clock = Date.now();
  beforeAll(async () => {
    sandbox = await startSandbox({ tokenTtlSeconds: 60, now: () => clock });
  });
  afterAll(() => sandbox.close());

  it("answers 401 with an API error body without a token or with an unknown one", async () => {
    const none = await send(`${sandbox.apiEndpoint}/services/v1/ping`);
    expect(none.status).toBe(401);
    expect(none.headers["content-type"]).toBe("application/problem+json");
    expect(none.json).toMatchObject({ status: 401, title: "Unauthorized", instance: "/services/v1/ping" });
    expect(none.json.requestId).toEqual(expect.any(String));
    const unknown = await send(`${sandbox.apiEndpoint}/services/v1/ping`, {
      headers: { authorization: "Bearer not-a-token" },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.headers["www-authenticate"]).toContain('error="invalid_token"');
  });

  it("answers 401 once the token has expired", async () => {
    const client = await ApiClient.connect(sandbox);
    expect((await client.get("/services/v1/ping")).status).toBe(200);
    clock += 60_000;
    const expired = await client.get("/services/v1/ping");
    expect(expired.status).toBe(401);
    expect(expired.json.detail).toContain("expired");
  });

  it("answers 401 after the tokens were revoked", async () => {
    const client = await ApiClient.connect(sandbox);
    sandbox.revokeTokens();
    expect((await client.get("/services/v1/ping")).status).toBe(401);
  });

  it("answers 403 when the token lacks the operation's scope", async () => {
    const client = await ApiClient.connect(sandbox, "services_ping disputes_retrieve");
    expect((await client.get("/services/v1/ping")).status).toBe(200);
    const refused = await client.get(`${MERCHANT_PATH}/payments/any`);
    expect(refused.status).toBe(403);
    expect(refused.json.detail).toContain("processing_payment");
    expect(refused.headers["www-authenticate"]).toContain('error="insufficient_scope"');
  });
});
