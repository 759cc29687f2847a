import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OAuth2Authenticator } from "../../src/auth/oauth2-authenticator.js";
import type { StoredToken, TokenStore } from "../../src/auth/token-store.js";
import type { Communicator } from "../../src/core/communicator.js";
import { FakePlatform, json } from "../core/fake-platform.js";
import { communicatorFor, configurationFor, GET_PAYMENT, MERCHANT } from "../core/setup.js";

/** A store shared by two SDK instances, as a Redis cache would be shared by two processes. */
class MapStore implements TokenStore {
  readonly tokens = new Map<string, StoredToken>();
  get(key: string): Promise<StoredToken | undefined> {
    return Promise.resolve(this.tokens.get(key));
  }
  set(key: string, token: StoredToken): Promise<void> {
    this.tokens.set(key, token);
    return Promise.resolve();
  }
}

const GET = { pathParams: { ...MERCHANT, paymentId: "p" } };
let platform: FakePlatform;
let store: MapStore;
let first: Communicator;
let second: Communicator;

function sharingCommunicator(): Communicator {
  const configuration = configurationFor(platform);
  return communicatorFor(
    platform,
    {},
    { authenticator: new OAuth2Authenticator(configuration, { tokenStore: store }) },
  );
}

beforeEach(async () => {
  platform = await FakePlatform.start();
  store = new MapStore();
  first = sharingCommunicator();
  second = sharingCommunicator();
});
afterEach(async () => {
  await Promise.all([first.close(), second.close()]);
  await platform.close();
});

describe("a token store shared between SDK instances", () => {
  it("lets the second instance use the first one's token without a token request", async () => {
    await first.execute(GET_PAYMENT, GET);
    await second.execute(GET_PAYMENT, GET);
    expect(platform.tokenRequests).toHaveLength(1);
    expect(platform.apiRequests.map((r) => r.headers.authorization)).toEqual([
      "Bearer token-1",
      "Bearer token-1",
    ]);
    const [stored] = store.tokens.values();
    expect(stored?.expiresAt).toBeGreaterThan(Date.now() + 3_000_000);
    expect([...store.tokens.keys()][0]).not.toContain("s3cr");
  });

  it("never hands back a token the API rejected, and shares the renewed one", async () => {
    await first.execute(GET_PAYMENT, GET);
    await second.execute(GET_PAYMENT, GET);
    platform.api = (request) =>
      request.headers.authorization === "Bearer token-1" ? json(401, {}) : json(200, { ok: true });
    await expect(second.execute(GET_PAYMENT, GET)).resolves.toEqual({ ok: true });
    await expect(first.execute(GET_PAYMENT, GET)).resolves.toEqual({ ok: true });
    expect(platform.tokenRequests).toHaveLength(2);
    expect(platform.apiRequests.slice(2).map((r) => r.headers.authorization)).toEqual([
      "Bearer token-1",
      "Bearer token-2",
      "Bearer token-1",
      "Bearer token-2",
    ]);
  });

  it("bypasses a store that fails", async () => {
    const broken: TokenStore = {
      get: () => Promise.reject(new Error("cache down")),
      set: () => {
        throw new Error("cache down");
      },
    };
    const communicator = communicatorFor(
      platform,
      {},
      {
        authenticator: new OAuth2Authenticator(configurationFor(platform), { tokenStore: broken }),
      },
    );
    await expect(communicator.execute(GET_PAYMENT, GET)).resolves.toEqual({});
    await communicator.close();
  });
});
