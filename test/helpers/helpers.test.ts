import { request } from "node:http";
import type { IncomingMessage, RequestOptions } from "node:http";
import { connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { startConnectProxy } from "./connect-proxy.js";
import { startSilentServer } from "./silent-server.js";
import { startTestServer } from "./test-server.js";

function activeSockets(): string[] {
  return process.getActiveResourcesInfo().filter((name) => name.startsWith("TCP"));
}

async function settlesTo(expected: string[]): Promise<void> {
  for (let attempt = 0; attempt < 100 && activeSockets().length !== expected.length; attempt++)
    await sleep(10);
  expect(activeSockets()).toEqual(expected);
}

function send(options: RequestOptions, body?: string): Promise<IncomingMessage & { text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ agent: false, ...options }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve(Object.assign(response, { text })));
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

describe("test helpers", () => {
  it("test server records requests and counts connections, and close() leaves nothing open", async () => {
    const baseline = activeSockets();
    const server = await startTestServer();
    const response = await send(
      { host: "127.0.0.1", port: server.port, path: "/x?y=1", method: "POST" },
      "body",
    );
    expect(JSON.parse(response.text)).toEqual({ method: "POST", url: "/x?y=1" });
    expect(server.requests[0]).toMatchObject({ method: "POST", url: "/x?y=1", connectionNumber: 1 });
    expect(server.requests[0]!.body.toString()).toBe("body");
    expect(server.connections.total).toBe(1);
    await server.connections.waitForOpenAtMost(0);

    const held = await startTestServer({ handler: () => undefined });
    const pending = send({ host: "127.0.0.1", port: held.port, path: "/held" }).catch(
      (error: Error) => error,
    );
    while (held.requests.length === 0) await sleep(5);
    expect(held.connections.open).toBe(1);
    await Promise.all([server.close(), held.close()]);
    expect(await pending).toBeInstanceOf(Error);
    await settlesTo(baseline);
  });

  it("proxy forwards and tunnels only to loopback targets, and records what it saw", async () => {
    const baseline = activeSockets();
    const target = await startTestServer();
    const proxy = await startConnectProxy({ username: "u", password: "p" });
    const port = Number(new URL(proxy.uri).port);
    const auth = `Basic ${Buffer.from("u:p").toString("base64")}`;

    const forwarded = await send({
      host: "127.0.0.1",
      port,
      path: `${target.origin}/abs?q=1`,
      headers: { "proxy-authorization": auth },
    });
    expect(forwarded.statusCode).toBe(200);
    expect(target.requests[0]!.url).toBe("/abs?q=1");
    expect(proxy.forwards[0]!.url).toBe(`${target.origin}/abs?q=1`);

    const refused = await send({ host: "127.0.0.1", port, path: `${target.origin}/abs` });
    expect(refused.statusCode).toBe(407);

    const elsewhere = await send({
      host: "127.0.0.1",
      port,
      path: "http://10.1.2.3/never",
      headers: { "proxy-authorization": auth },
    });
    expect(elsewhere.statusCode).toBe(403);

    const statusLine = (authority: string): Promise<string> =>
      new Promise((resolve, reject) => {
        const socket = connect(port, "127.0.0.1", () => {
          socket.write(
            `CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\nProxy-Authorization: ${auth}\r\n\r\n`,
          );
        });
        socket.once("data", (chunk: Buffer) => {
          resolve(chunk.toString().split("\r\n")[0]!);
          socket.destroy();
        });
        socket.on("error", reject);
      });
    expect(await statusLine("10.1.2.3:443")).toBe("HTTP/1.1 403 Forbidden");
    expect(await statusLine(`127.0.0.1:${target.port}`)).toBe("HTTP/1.1 200 Connection Established");
    expect(proxy.tunnels.map((tunnel) => [tunnel.authority, tunnel.established])).toEqual([
      ["10.1.2.3:443", false],
      [`127.0.0.1:${target.port}`, true],
    ]);

    await Promise.all([proxy.close(), target.close()]);
    await settlesTo(baseline);
  });

  it("silent server accepts and never answers", async () => {
    const baseline = activeSockets();
    const silent = await startSilentServer();
    const socket = connect(silent.port, "127.0.0.1");
    socket.on("error", () => undefined);
    socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    while (silent.bytesReceived === 0) await sleep(5);
    let answered = false;
    socket.on("data", () => (answered = true));
    await sleep(50);
    expect(answered).toBe(false);
    expect(silent.connections.open).toBe(1);
    await silent.close();
    socket.destroy();
    await settlesTo(baseline);
  });
});
