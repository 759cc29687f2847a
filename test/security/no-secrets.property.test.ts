import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Communicator } from "../../src/core/communicator.js";
import { maskCardNumbers } from "../../src/errors/mask-card-numbers.js";
import { ConsoleCommunicatorLogger } from "../../src/log/console-communicator-logger.js";
import { FakePlatform, json } from "../core/fake-platform.js";
import type { Reply } from "../core/fake-platform.js";
import { communicatorFor, GET_PAYMENT, MERCHANT, PROCESS_PAYMENT } from "../core/setup.js";
import { PROCESS_PAYMENT as VALIDATED_PROCESS_PAYMENT } from "../../src/v1/operations.js";
import { ValidationException } from "../../src/errors/validation-exception.js";
import { renderedViews } from "./rendered-views.js";
import {
  accessToken,
  cardNumber,
  clientSecret,
  cvv,
  pinBlock,
  track2,
  writtenCardNumber,
  writtenForms,
} from "./secret-samples.js";

/*
 * What is guaranteed, and proved here through real calls over loopback with logging on:
 *
 * 1. Card data under a sensitive JSON key (cardNumber, track2Data, EMV `value`, encryptedPinBlock,
 *    cardSecurityCode, at any depth, also as a whole subtree) of a request, a success response, an
 *    API error body or a token response never appears in a log line or in any rendering of an
 *    exception (message, stack, String, JSON.stringify, util.inspect at depth 10, as a cause).
 * 2. The client secret and the access token, which the SDK itself sends, never appear anywhere;
 *    nor when a server echoes them under `client_secret`/`access_token`, or anywhere in a page that
 *    is not JSON (such pages are withheld from logs and from exception renderings).
 * 3. A card number (13-19 digits, plain or grouped by spaces or dashes, also inside track 2
 *    data) in free text - an error body's `detail`/`title`/`instance`, an OAuth2
 *    `error_description`, the `operationId` a message quotes - never appears in any rendering of
 *    the exception.
 *
 * Not guaranteed (known limits, each needs a change outside src/errors, proposed in the report):
 * free-text card numbers in logged bodies (log masking is keyed by property name), a secret or
 * token echoed in free text of a JSON body (neither the log nor the exception knows the secret
 * yet: the core must call redactSecrets), and card data in a path id (logged as part of the URI).
 */

/** Strings with neither digits nor characters that could join a digit run. */
const noiseText = fc.string({
  unit: fc.constantFrom(...'abcxyzXYZ é_<>{}[],:"\\/\n\t\u2028😀'),
  maxLength: 8,
});
const noiseLeaf = fc.oneof(noiseText, fc.integer({ min: 0, max: 99 }), fc.boolean(), fc.constant(null));
const plainKey = fc.constantFrom("merchantReference", "detail", "items", "amount", "data", "tag", "cardData");
const { noise } = fc.letrec<{ noise: unknown }>((tie) => ({
  noise: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    noiseLeaf,
    fc.array(tie("noise"), { maxLength: 3 }),
    fc.dictionary(plainKey, tie("noise"), { maxKeys: 3 }),
  ),
}));

/** Random objects and arrays around a value, with noise alongside. */
const layers = fc.array(fc.tuple(fc.boolean(), plainKey, noise), { maxLength: 4 });
function wrap(value: unknown, around: [boolean, string, unknown][]): unknown {
  return around.reduce<unknown>(
    (inner, [array, key, extra]) => (array ? [extra, inner] : { [key]: inner, z: extra }),
    value,
  );
}

/** The secrets of one run; `keyed*` are placed only under sensitive keys, `free*` in free text. */
interface Secrets {
  keyedPan: { pan: string; text: string };
  keyedTrack2: { pan: string; text: string };
  freePan: { pan: string; text: string };
  freeTrack2: { pan: string; text: string };
  cvv: string;
  pinBlock: string;
  clientSecret: string;
  accessToken: string;
}

const secrets: fc.Arbitrary<Secrets> = fc.record({
  keyedPan: writtenCardNumber,
  keyedTrack2: track2,
  freePan: writtenCardNumber,
  freeTrack2: track2,
  cvv,
  pinBlock,
  clientSecret,
  accessToken,
});

/** Card data under sensitive keys, wrapped at a random depth among noise. */
function keyedCardData(
  s: Secrets,
  around: [boolean, string, unknown][],
  asSubtree: boolean,
): Record<string, unknown> {
  const cardNumberValue = asSubtree ? [s.keyedPan.text, { nested: s.keyedPan.text }] : s.keyedPan.text;
  return {
    cardPaymentData: wrap(
      {
        cardData: { cardNumber: cardNumberValue, cardSecurityCode: s.cvv, expiryDate: "122030" },
        track2Data: s.keyedTrack2.text,
        emvData: [{ tag: "57", value: s.keyedTrack2.text }],
        pinData: { encryptedPinBlock: s.pinBlock, pinEncryptionType: "DUKPT" },
      },
      around,
    ),
    access_token: s.accessToken,
    client_secret: s.clientSecret,
  };
}

function freeText(s: Secrets, words: string): string {
  return `${words} card ${s.freePan.text}; track ${s.freeTrack2.text} ${words}`;
}

function htmlPage(s: Secrets): string {
  return (
    `<html><body><h1>Bad gateway</h1><p>${s.keyedPan.text} ${s.freePan.text} ${s.keyedTrack2.text}` +
    ` cvv=${s.cvv} pin=${s.pinBlock} client_secret=${s.clientSecret} Bearer ${s.accessToken}</p></body></html>`
  );
}

type TokenReply = "ok" | "refused" | "page";
type ApiReply = "json" | "page" | "drop" | "cut";

interface Scenario {
  secrets: Secrets;
  around: [boolean, string, unknown][];
  asSubtree: boolean;
  words: string;
  token: TokenReply;
  api: ApiReply;
  status: number;
  method: "POST" | "GET";
  operationIdWithCard: boolean;
}

const scenario: fc.Arbitrary<Scenario> = fc.record({
  secrets,
  around: layers,
  asSubtree: fc.boolean(),
  words: noiseText,
  token: fc.constantFrom<TokenReply>("ok", "ok", "ok", "refused", "page"),
  api: fc.constantFrom<ApiReply>("json", "json", "json", "page", "drop", "cut"),
  status: fc.constantFrom(200, 201, 400, 401, 403, 404, 409, 410, 429, 500, 502, 503),
  method: fc.constantFrom<"POST" | "GET">("POST", "GET"),
  operationIdWithCard: fc.boolean(),
});

function tokenReply(sc: Scenario): Reply {
  const s = sc.secrets;
  if (sc.token === "page")
    return { status: 502, headers: { "content-type": "text/html" }, body: htmlPage(s) };
  if (sc.token === "refused") {
    return json(401, {
      error: "invalid_client",
      error_description: freeText(s, sc.words),
      client_secret: s.clientSecret,
    });
  }
  return json(200, { access_token: s.accessToken, token_type: "Bearer", expires_in: 3600 });
}

function apiReply(sc: Scenario): Reply {
  const s = sc.secrets;
  const keyed = keyedCardData(s, sc.around, sc.asSubtree);
  const success = sc.status < 300;
  if (sc.api === "drop") return { status: 0, drop: true };
  if (sc.api === "cut") return { ...json(sc.status, keyed), cut: true };
  if (sc.api === "page" && !success) {
    return { status: sc.status, headers: { "content-type": "text/html; charset=utf-8" }, body: htmlPage(s) };
  }
  if (success) return json(sc.status, keyed);
  return json(sc.status, {
    type: "https://errors.example/refused",
    title: freeText(s, sc.words),
    status: sc.status,
    detail: freeText(s, sc.words),
    instance: `/payments/${s.freePan.text}`,
    requestId: "req-1",
    ...keyed,
  });
}

/** Every text form of a secret a reader could recognise. */
function forms(secret: string): string[] {
  return [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
  ];
}

function cardForms(card: { pan: string }): string[] {
  return writtenForms(card.pan);
}

/** Text with none of `needles`, and no CVV right after its key; names the offender otherwise. */
function expectClean(where: string, text: string, needles: readonly string[], cvvValue: string): void {
  for (const needle of needles) {
    if (text.includes(needle)) expect.fail(`${where} contains ${JSON.stringify(needle)}:\n${text}`);
  }
  if (new RegExp(`cardSecurityCode\\W{0,4}${cvvValue}\\b`).test(text)) {
    expect.fail(`${where} shows the CVV ${cvvValue}:\n${text}`);
  }
}

let platform: FakePlatform;

beforeAll(async () => {
  platform = await FakePlatform.start();
});
afterAll(async () => {
  await platform.close();
});

async function run(sc: Scenario): Promise<{ log: string; error: unknown }> {
  const s = sc.secrets;
  platform.token = () => tokenReply(sc);
  platform.api = () => apiReply(sc);
  const chunks: string[] = [];
  const communicator: Communicator = communicatorFor(platform, {
    oauth2ClientSecret: s.clientSecret,
    retry: { maxRetries: 0 },
  });
  communicator.enableLogging(
    new ConsoleCommunicatorLogger({ output: { write: (text) => chunks.push(text) } }),
  );
  try {
    const body = {
      ...(sc.operationIdWithCard ? { operationId: `op-${s.freePan.text}` } : { operationId: "op-1" }),
      merchantReference: sc.words,
      ...keyedCardData(s, sc.around, sc.asSubtree),
    };
    const call =
      sc.method === "POST"
        ? communicator.execute(PROCESS_PAYMENT, { pathParams: MERCHANT, body })
        : communicator.execute(GET_PAYMENT, { pathParams: { ...MERCHANT, paymentId: "pay-1" } });
    const error = await call.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    return { log: chunks.join(""), error };
  } finally {
    await communicator.close();
  }
}

describe("no secret or card data in logs and exceptions, end to end", () => {
  it("holds for random requests, responses, error bodies and pages", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (sc) => {
        const s = sc.secrets;
        const free = `${freeText(s, sc.words)} op-${s.freePan.text} /payments/${s.freePan.text}`;
        const alwaysHidden = [
          ...cardForms(s.keyedPan),
          ...cardForms(s.keyedTrack2),
          s.keyedTrack2.text,
          s.pinBlock,
          ...forms(s.clientSecret),
          ...forms(s.accessToken),
        ];
        // Free text may be logged (a known limit): it must not happen to contain a keyed secret.
        fc.pre(alwaysHidden.every((needle) => !free.includes(needle)));
        const { log, error } = await run(sc);
        expect(log).toContain("Outgoing request");
        // Card numbers are masked in free text too (bodies, path ids); secrets only under their keys.
        expectClean(
          "the log",
          log,
          [...alwaysHidden, ...cardForms(s.freePan), ...cardForms(s.freeTrack2), s.freeTrack2.text],
          s.cvv,
        );
        const expectsError = sc.token !== "ok" || sc.api === "drop" || sc.api === "cut" || sc.status >= 300;
        expect(error !== undefined).toBe(expectsError);
        if (error === undefined) return;
        expect(error).toBeInstanceOf(Error);
        const hiddenInErrors = [
          ...alwaysHidden,
          ...cardForms(s.freePan),
          ...cardForms(s.freeTrack2),
          s.freeTrack2.text,
        ];
        for (const [view, text] of Object.entries(renderedViews(error as Error))) {
          expectClean(`${(error as Error).name} ${view}`, text, hiddenInErrors, s.cvv);
        }
      }),
      { numRuns: 60, interruptAfterTimeLimit: 60_000 },
    );
  }, 90_000);
});

describe("validation before sending", () => {
  it("names paths and rules, never a value, whatever the body holds", async () => {
    const communicator = communicatorFor(platform, { validateRequests: true });
    const sentBefore = [platform.tokenRequests.length, platform.apiRequests.length];
    try {
      await fc.assert(
        fc.asyncProperty(secrets, layers, fc.nat(), async (s, around, pick) => {
          const values: unknown[] = [
            s.keyedPan.text,
            Number(s.keyedPan.pan),
            [s.keyedTrack2.text],
            { x: s.pinBlock },
            s.clientSecret,
            s.accessToken,
            Number(s.cvv),
          ];
          const at = (offset: number): unknown => values[(pick + offset) % values.length];
          const body = {
            unexpected: at(0),
            operationId: at(1),
            amount: at(2),
            cardPaymentData: wrap(
              { cardData: { cardNumber: at(3), cardSecurityCode: at(6), expiryDate: at(4) } },
              around,
            ),
            merchant: { name: at(5) },
          };
          const error = await communicator
            .execute(VALIDATED_PROCESS_PAYMENT, { pathParams: MERCHANT, body })
            .then(
              () => expect.unreachable("the body is invalid"),
              (failure: unknown) => failure,
            );
          expect(error).toBeInstanceOf(ValidationException);
          expect((error as ValidationException).statusCode).toBe(0);
          const hidden = [
            ...cardForms(s.keyedPan),
            s.keyedTrack2.text,
            s.pinBlock,
            ...forms(s.clientSecret),
            ...forms(s.accessToken),
          ];
          for (const [view, text] of Object.entries(renderedViews(error as Error))) {
            expectClean(`ValidationException ${view}`, text, hidden, s.cvv);
          }
          for (const issue of (error as ValidationException).issues) {
            expectClean("an issue", JSON.stringify(issue), hidden, s.cvv);
          }
        }),
        { numRuns: 100 },
      );
      expect([platform.tokenRequests.length, platform.apiRequests.length]).toEqual(sentBefore);
    } finally {
      await communicator.close();
    }
  });
});

describe("the card-number masker", () => {
  it("hides every written form of a card number embedded in any text, keeping the last 4 digits", () => {
    const noDigits = fc.string().map((text) => text.replace(/\d/g, "x"));
    fc.assert(
      fc.property(
        noDigits,
        cardNumber,
        fc.integer({ min: 0, max: 2 }),
        noDigits,
        (before, pan, form, after) => {
          const written = writtenForms(pan)[form]!;
          const masked = maskCardNumbers(`${before} ${written} ${after}`);
          for (const text of writtenForms(pan)) expect(masked).not.toContain(text);
          let kept = 0;
          const expected = [...written]
            .reverse()
            .map((c) => (/\d/.test(c) && kept++ >= 4 ? "*" : c))
            .reverse()
            .join("");
          expect(masked).toBe(`${before} ${expected} ${after}`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("leaves text without a run of 13 digits unchanged", () => {
    const short = fc.string({ unit: fc.constantFrom(..."0123456789 -%2a"), maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(short, fc.constantFrom("x", "/", ".", "\n")), { maxLength: 20 }),
        (parts) => {
          const text = parts.map(([digits, stop]) => digits + stop).join("");
          fc.pre(!/\d(?:(?:[ -]|%20)?\d){12}/.test(text));
          expect(maskCardNumbers(text)).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });
});
