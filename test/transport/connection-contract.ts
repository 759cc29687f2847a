import { Readable } from "node:stream";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Connection, ConnectionResponse } from "../../src/transport/connection.js";
import { MultipartFormDataObject } from "../../src/transport/multipart-form-data-object.js";
import { startTestServer } from "../helpers/test-server.js";
import type { TestServer } from "../helpers/test-server.js";

/** Reads a response body to text. */
export async function readText(response: ConnectionResponse): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of response.body) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** Rejects with a clear message when `promise` does not settle within `ms`. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The behaviour every {@link Connection} must have, as a vitest suite. Call it from a test file
 * with a factory for the implementation under test; the suite runs its own loopback server and
 * closes each connection it creates.
 */
export function describeConnectionContract(
  name: string,
  create: () => Connection | Promise<Connection>,
): void {
  describe(`Connection contract: ${name}`, () => {
    let server: TestServer;
    let connection: Connection;

    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(async () => {
      await server.close();
    });
    beforeEach(() => {
      server.handle();
    });
    afterEach(async () => {
      await connection?.close();
    });

    const open = async (): Promise<Connection> => {
      connection = await create();
      return connection;
    };

    it.each([200, 404, 500])("resolves with status %i and its body", async (status) => {
      server.handle((_, response) => {
        response.writeHead(status, { "Content-Type": "application/json" }).end(`{"status":${status}}`);
      });
      const response = await (await open()).get(server.url(`/status/${status}`), []);
      expect(response.statusCode).toBe(status);
      expect(JSON.parse(await readText(response))).toEqual({ status });
    });

    it("sends a URL object that was changed since its last use to where it points now", async () => {
      const connection = await open();
      const uri = server.url("/first?a=1");
      await readText(await connection.get(uri, []));
      uri.pathname = "/second";
      uri.search = "?b=2";
      await readText(await connection.get(uri, []));
      expect(server.requests.slice(-2).map((request) => request.url)).toEqual(["/first?a=1", "/second?b=2"]);
    });

    it("gives response header names in lower case", async () => {
      server.handle((_, response) => {
        response.setHeader("X-Mixed-Case", "Value-Kept");
        response.setHeader("Set-Cookie", ["a=1", "b=2"]);
        response.end();
      });
      const response = await (await open()).get(server.url("/headers"), []);
      await readText(response);
      expect(response.headers["x-mixed-case"]).toBe("Value-Kept");
      expect(response.headers["set-cookie"]).toEqual(["a=1", "b=2"]);
      expect(Object.keys(response.headers).every((key) => key === key.toLowerCase())).toBe(true);
    });

    it("streams the response body: the call resolves before the body ends", async () => {
      let finish!: () => void;
      const released = new Promise<void>((resolve) => (finish = resolve));
      server.handle((_, response) => {
        response.writeHead(200, { "Content-Type": "text/plain" });
        response.write("first;");
        void released.then(() => response.end("second"));
      });
      const response = await within((await open()).get(server.url("/stream"), []), 2_000, "the response");
      const iterator = response.body[Symbol.asyncIterator]();
      const first = await within(iterator.next(), 2_000, "the first chunk");
      expect(Buffer.from(first.value as Uint8Array).toString()).toBe("first;");
      finish();
      let rest = "";
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        rest += Buffer.from(next.value).toString();
      }
      expect(rest).toBe("second");
    });

    it.each(["GET", "DELETE"] as const)("sends %s with its path, query and headers", async (method) => {
      const connection = await open();
      const uri = server.url("/v1/items/a%2Fb?limit=5&q=x%20y");
      const headers = [
        { name: "X-Request-Header", value: "one" },
        { name: "Authorization", value: "Bearer token" },
      ];
      const response =
        method === "GET" ? await connection.get(uri, headers) : await connection.delete(uri, headers);
      await readText(response);
      const seen = server.requests.at(-1)!;
      expect(seen.method).toBe(method);
      expect(seen.url).toBe("/v1/items/a%2Fb?limit=5&q=x%20y");
      expect(seen.headers["x-request-header"]).toBe("one");
      expect(seen.headers.authorization).toBe("Bearer token");
      expect(seen.body.length).toBe(0);
    });

    it.each(["POST", "PUT"] as const)("sends %s with a JSON body and its byte length", async (method) => {
      const connection = await open();
      const json = JSON.stringify({ name: "Zoë", amount: 1250 });
      const headers = [{ name: "Content-Type", value: "application/json" }];
      const uri = server.url("/v1/payments");
      const response =
        method === "POST"
          ? await connection.post(uri, headers, json)
          : await connection.put(uri, headers, json);
      await readText(response);
      const seen = server.requests.at(-1)!;
      expect(seen.method).toBe(method);
      expect(seen.headers["content-type"]).toBe("application/json");
      expect(seen.headers["content-length"]).toBe(String(Buffer.byteLength(json)));
      expect(seen.body.toString("utf8")).toBe(json);
    });

    it("sends a POST without a body", async () => {
      const response = await (await open()).post(server.url("/v1/empty"), [], undefined);
      await readText(response);
      const seen = server.requests.at(-1)!;
      expect(seen.method).toBe("POST");
      expect(seen.body.length).toBe(0);
    });

    it("uploads a multipart form that the server parses back", async () => {
      const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d]);
      const form = new MultipartFormDataObject()
        .addValue("description", "Proof of delivery, ünïcode")
        .addFile("file", { fileName: "proof.pdf", contentType: "application/pdf", content: pdf })
        .addFile("note", { fileName: "note.txt", contentType: "text/plain", content: "plain text" })
        .addFile("stream", {
          fileName: "streamed.bin",
          contentType: "application/octet-stream",
          content: Readable.from([Buffer.from("chunk-1;"), Buffer.from("chunk-2")]),
        });
      const response = await (
        await open()
      ).post(server.url("/v1/disputes/d1/files"), [{ name: "Content-Type", value: form.contentType }], form);
      await readText(response);
      const seen = server.requests.at(-1)!;
      expect(seen.headers["content-type"]).toBe(form.contentType);
      const parsed = await new Response(seen.body, {
        headers: { "content-type": seen.headers["content-type"]! },
      }).formData();
      expect(parsed.get("description")).toBe("Proof of delivery, ünïcode");
      const file = parsed.get("file") as File;
      expect([file.name, file.type]).toEqual(["proof.pdf", "application/pdf"]);
      expect(Buffer.from(await file.arrayBuffer())).toEqual(pdf);
      expect(await (parsed.get("note") as File).text()).toBe("plain text");
      const streamed = parsed.get("stream") as File;
      expect([streamed.name, await streamed.text()]).toEqual(["streamed.bin", "chunk-1;chunk-2"]);
    });

    it("rejects when the server closes the connection without a response", async () => {
      server.handle((_, response) => {
        response.socket?.destroy();
      });
      await expect((await open()).get(server.url("/reset"), [])).rejects.toBeInstanceOf(Error);
    });

    it("rejects when nothing listens on the port", async () => {
      const closed = await startTestServer();
      const uri = closed.url("/nothing");
      await closed.close();
      await expect((await open()).get(uri, [])).rejects.toBeInstanceOf(Error);
    });

    it("serves many sequential calls and can be closed twice", async () => {
      const connection = await open();
      for (let index = 0; index < 20; index++) {
        const response = await connection.get(server.url(`/seq/${index}`), []);
        expect(JSON.parse(await readText(response))).toEqual({ method: "GET", url: `/seq/${index}` });
      }
      await connection.close();
      await connection.close();
    });
  });
}
