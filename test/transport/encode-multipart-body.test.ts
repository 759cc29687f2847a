import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CommunicationException } from "../../src/errors/communication-exception.js";
import { DefaultConnection } from "../../src/transport/default-connection.js";
import { encodeMultipartBody } from "../../src/transport/encode-multipart-body.js";
import { MultipartFormDataObject } from "../../src/transport/multipart-form-data-object.js";
import { startTestServer } from "../helpers/test-server.js";
import type { TestServer } from "../helpers/test-server.js";
import { readText, within } from "./connection-contract.js";

async function collect(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe("multipart body encoding", () => {
  it("encodes RFC 7578 parts with the form's boundary and the exact Content-Length", async () => {
    const form = new MultipartFormDataObject()
      .addValue("note", "ünïcode value")
      .addFile("file", { fileName: "a.pdf", contentType: "application/pdf", content: Buffer.from([0, 1, 2]) })
      .addFile("text", { fileName: "t.txt", contentType: "text/plain", content: "€uro" });
    const encoded = encodeMultipartBody(form);
    const bytes = await collect(encoded.body);
    expect(encoded.contentLength).toBe(bytes.length);
    const b = form.boundary;
    expect(bytes.toString("latin1")).toBe(
      Buffer.concat([
        Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="note"\r\n\r\nünïcode value\r\n`),
        Buffer.from(
          `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        Buffer.from([0, 1, 2]),
        Buffer.from(
          `\r\n--${b}\r\nContent-Disposition: form-data; name="text"; filename="t.txt"\r\nContent-Type: text/plain\r\n\r\n€uro\r\n`,
        ),
        Buffer.from(`--${b}--\r\n`),
      ]).toString("latin1"),
    );
  });

  it("counts a stream's declared length, and has no length for a stream without one", async () => {
    const withLength = new MultipartFormDataObject().addFile("f", {
      fileName: "f.bin",
      contentType: "application/octet-stream",
      content: Readable.from([Buffer.from("abc"), "def"]),
      contentLength: 6,
    });
    const encoded = encodeMultipartBody(withLength);
    const bytes = await collect(encoded.body);
    expect(encoded.contentLength).toBe(bytes.length);
    expect(bytes.toString()).toContain("\r\n\r\nabcdef\r\n");

    const unknown = new MultipartFormDataObject().addFile("f", {
      fileName: "f.bin",
      contentType: "application/octet-stream",
      content: Readable.from([Buffer.from("abc")]),
      contentLength: -1,
    });
    expect(encodeMultipartBody(unknown).contentLength).toBeUndefined();
  });

  it("percent-encodes quotes and line breaks in names and file names", async () => {
    const form = new MultipartFormDataObject().addFile('we"ird\r\nname', {
      fileName: 'x"\r\n.pdf',
      contentType: "application/pdf",
      content: "x",
    });
    const text = (await collect(encodeMultipartBody(form).body)).toString();
    expect(text).toContain(
      'Content-Disposition: form-data; name="we%22ird%0D%0Aname"; filename="x%22%0D%0A.pdf"\r\n',
    );
  });

  it("refuses a part content type with a line break", () => {
    expect(() =>
      new MultipartFormDataObject().addFile("file", {
        fileName: "a.pdf",
        contentType: "application/pdf\r\nX-Injected: 1",
        content: "x",
      }),
    ).toThrow("multipart part 'file': contentType must not contain CR or LF");
  });
});

describe("multipart uploads", () => {
  let server: TestServer;
  let connection: DefaultConnection;

  beforeEach(async () => {
    server = await startTestServer();
    connection = new DefaultConnection({ connectTimeout: 5, socketTimeout: 10 });
  });
  afterEach(async () => {
    await connection.close();
    await server.close();
  });

  const headers = (form: MultipartFormDataObject) => [{ name: "Content-Type", value: form.contentType }];

  it("sends Content-Length when every part's length is known", async () => {
    const form = new MultipartFormDataObject().addFile("file", {
      fileName: "a.bin",
      contentType: "application/octet-stream",
      content: Readable.from([Buffer.alloc(1000, 1), Buffer.alloc(500, 2)]),
      contentLength: 1500,
    });
    await readText(await connection.post(server.url("/upload"), headers(form), form));
    const seen = server.requests[0]!;
    expect(seen.headers["content-length"]).toBe(String(seen.body.length));
    expect(seen.headers["transfer-encoding"]).toBeUndefined();
  });

  it("sends a stream of unknown length chunked", async () => {
    const form = new MultipartFormDataObject().addFile("file", {
      fileName: "a.bin",
      contentType: "application/octet-stream",
      content: Readable.from([Buffer.from("part one;"), Buffer.from("part two")]),
    });
    await readText(await connection.post(server.url("/upload"), headers(form), form));
    const seen = server.requests[0]!;
    expect(seen.headers["content-length"]).toBeUndefined();
    expect(seen.headers["transfer-encoding"]).toBe("chunked");
    const parsed = await new Response(seen.body, {
      headers: { "content-type": form.contentType },
    }).formData();
    expect(await (parsed.get("file") as File).text()).toBe("part one;part two");
  });

  it("fails the call when a stream's declared length is wrong", async () => {
    const form = new MultipartFormDataObject().addFile("file", {
      fileName: "a.bin",
      contentType: "application/octet-stream",
      content: Readable.from([Buffer.from("short")]),
      contentLength: 100,
    });
    await expect(connection.post(server.url("/upload"), headers(form), form)).rejects.toBeInstanceOf(
      CommunicationException,
    );
  });

  it("streams file content: the server receives the start before the stream has ended", async () => {
    let received = 0;
    let firstChunkArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (firstChunkArrived = resolve));
    const raw = createServer((request, response) => {
      request.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > 64 * 1024) firstChunkArrived();
      });
      request.on("end", () => response.end(String(received)));
    });
    await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
    try {
      async function* content(): AsyncGenerator<Buffer> {
        yield Buffer.alloc(128 * 1024, 7);
        // Only continues once the server holds the first 64 KiB: a buffering client would hang here.
        await within(arrived, 3_000, "the first chunk at the server");
        yield Buffer.alloc(1024, 8);
      }
      const form = new MultipartFormDataObject().addFile("file", {
        fileName: "big.bin",
        contentType: "application/octet-stream",
        content: Readable.from(content()),
      });
      const { port } = raw.address() as AddressInfo;
      const response = await connection.post(new URL(`http://127.0.0.1:${port}/upload`), headers(form), form);
      expect(Number(await readText(response))).toBeGreaterThan(129 * 1024);
    } finally {
      await connection.close();
      raw.closeAllConnections();
      await new Promise((resolve) => raw.close(resolve));
    }
  });
});
