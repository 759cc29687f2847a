import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Client } from "../../src/client.js";
import { ReferenceException } from "../../src/errors/reference-exception.js";
import { SANDBOX_MERCHANT, startSandbox } from "../../src/sandbox/index.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import { rejectionOf, sandboxClient } from "./e2e-fixtures.js";

async function bytesOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

describe("e2e: dispute management through the SDK", () => {
  let sandbox: Sandbox;
  let client: Client;
  beforeAll(async () => {
    sandbox = await startSandbox();
    client = sandboxClient(sandbox);
  });
  beforeEach(() => sandbox.reset());
  afterAll(async () => {
    await client.close();
    await sandbox.close();
  });

  it("searches with filters, then pages through the same result set by searchId", async () => {
    const disputes = client.v1().disputeManagement();
    const needsResponse = await disputes.searchDisputes({
      disputeStatusCategories: ["NEEDS_RESPONSE"],
      sortBy: "responseDueDate",
      sortOrder: "ASC",
    });
    expect(needsResponse.disputes?.map((d) => d.disputeId)).toEqual(["1300000002", "1300000001"]);
    const otherMerchant = await disputes.searchDisputes({
      merchantScope: {
        merchantScopeType: "BY_MERCHANT_IDS",
        merchantIds: [
          { acquirerId: SANDBOX_MERCHANT.acquirerId, merchantId: SANDBOX_MERCHANT.otherMerchantId },
        ],
      },
    });
    expect(otherMerchant.pagination?.totalCount).toBe(2);

    const first = await disputes.searchDisputes({ pagination: { fromIndex: 0, pageSize: 3 } });
    expect(first.pagination).toMatchObject({ totalCount: 7, lastIndex: 2 });
    expect(first.disputes).toHaveLength(3);
    const seen = first.disputes!.map((d) => d.disputeId);
    let page = first;
    while (page.pagination!.lastIndex! + 1 < page.pagination!.totalCount!) {
      page = await disputes.searchDisputes({
        pagination: {
          searchId: first.pagination!.searchId!,
          fromIndex: page.pagination!.lastIndex! + 1,
          pageSize: 3,
        },
      });
      seen.push(...page.disputes!.map((d) => d.disputeId));
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it("reads a dispute with and without its entries; an unknown one is a ReferenceException", async () => {
    const disputes = client.v1().disputeManagement();
    const plain = await disputes.getDispute("1300000003");
    expect(plain.dispute).toMatchObject({ disputeId: "1300000003", disputeStage: "PRE_ARBITRATION" });
    expect(plain.dispute?.entries).toBeUndefined();
    const full = await disputes.getDispute("1300000003", { includeEntries: true });
    expect(full.dispute?.entries?.length).toBeGreaterThan(0);
    const missing = await rejectionOf(disputes.getDispute("0000000000"));
    expect(missing).toBeInstanceOf(ReferenceException);
    expect(missing).toMatchObject({ statusCode: 404, type: "/problems/dispute-not-found" });
  });

  it("accepts liability on an open dispute, and a second acceptance is a 409 ReferenceException", async () => {
    const disputes = client.v1().disputeManagement();
    const accepted = await disputes.acceptDisputeLiability("1300000001", {
      includeEntries: true,
      messageText: "We could not prove delivery.",
      userId: "jane.doe",
    });
    expect(accepted.dispute).toMatchObject({
      disputeStatus: "ACCEPTED",
      disputeStatusCategory: "LOST",
      isOpen: false,
    });
    expect(accepted.dispute?.entries?.map((e) => e.entryType)).toContain("Mch-Accept");
    const again = await rejectionOf(disputes.acceptDisputeLiability("1300000001", {}));
    expect(again).toBeInstanceOf(ReferenceException);
    expect(again).toMatchObject({ statusCode: 409, type: "/problems/dispute-state-conflict" });
  });

  it("uploads a Buffer and a Readable stream, submits both as evidence and downloads them byte for byte", async () => {
    const documents = client.v1().disputeDocuments();
    const pdf = Buffer.from("%PDF-1.4\n% proof of delivery\n%%EOF\n");
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255, 254, 0]);
    const fromBuffer = await documents.uploadDisputeDocument({
      file: { fileName: "proof of delivery.pdf", contentType: "application/pdf", content: pdf },
    });
    const fromStream = await documents.uploadDisputeDocument({
      file: {
        fileName: "signature.png",
        contentType: "image/png",
        content: Readable.from([png.subarray(0, 5), png.subarray(5)]),
      },
    });
    expect(fromBuffer.documentId).toEqual(expect.any(String));
    expect(fromStream.documentId).toEqual(expect.any(String));
    expect(sandbox.countRequests("uploadDisputeDocument")).toBe(2);

    const submitted = await client
      .v1()
      .disputeManagement()
      .submitEvidence("1300000002", {
        documentIds: [{ documentId: fromBuffer.documentId! }, { documentId: fromStream.documentId! }],
        elaboration: "Signed delivery note attached.",
        includeEntries: true,
        userId: "jane.doe",
      });
    expect(submitted.dispute).toMatchObject({ disputeStatus: "REVIEW_BY_ACQUIRER" });
    expect(submitted.dispute?.entries?.at(-1)).toMatchObject({
      entryType: "Mch-Evidence",
      documents: [
        { documentId: fromBuffer.documentId, fileName: "proof of delivery.pdf", mimeType: "application/pdf" },
        { documentId: fromStream.documentId, fileName: "signature.png", mimeType: "image/png" },
      ],
    });

    const pdfBack = await documents.getDisputeDocument("1300000002", fromBuffer.documentId!);
    expect(pdfBack).toMatchObject({
      contentType: "application/pdf",
      contentLength: pdf.length,
      filename: "proof of delivery.pdf",
    });
    expect((await bytesOf(pdfBack.body)).equals(pdf)).toBe(true);
    const pngBack = await documents.getDisputeDocument("1300000002", fromStream.documentId!);
    expect(pngBack).toMatchObject({
      contentType: "image/png",
      contentLength: png.length,
      filename: "signature.png",
    });
    expect((await bytesOf(pngBack.body)).equals(png)).toBe(true);

    const elsewhere = await rejectionOf(documents.getDisputeDocument("1300000001", fromBuffer.documentId!));
    expect(elsewhere).toBeInstanceOf(ReferenceException);
    expect(elsewhere).toMatchObject({ statusCode: 404, type: "/problems/document-not-found" });
  });

  it("downloads a document byte for byte with logging on, the binary body logged by its type only", async () => {
    const documents = client.v1().disputeDocuments();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255, 254, 0]);
    const uploaded = await documents.uploadDisputeDocument({
      file: { fileName: "signature.png", contentType: "image/png", content: png },
    });
    await client
      .v1()
      .disputeManagement()
      .submitEvidence("1300000002", {
        documentIds: [{ documentId: uploaded.documentId! }],
        userId: "jane.doe",
      });
    const logged: string[] = [];
    client.enableLogging({
      log: (message) => logged.push(message),
      logRequest: (message) => logged.push(message.getMessage()),
      logResponse: (message) => logged.push(message.getMessage()),
    });
    try {
      const back = await documents.getDisputeDocument("1300000002", uploaded.documentId!);
      expect(back).toMatchObject({ contentType: "image/png", contentLength: png.length });
      expect((await bytesOf(back.body)).equals(png)).toBe(true);
    } finally {
      client.disableLogging();
    }
    expect(logged).toHaveLength(2);
    expect(logged[1]).toContain("image/png");
  });

  it("searches dispute entries by category and by dispute, with summaries on request", async () => {
    const entries = client.v1().disputeEntries();
    const evidence = await entries.searchDisputeEntries({
      entryCategories: ["EVIDENCE"],
      includeDisputeSummary: true,
      sortOrder: "ASC",
    });
    const found = evidence.disputeEntries!;
    expect(found.length).toBeGreaterThan(3);
    expect(found.every((e) => e.entryCategory === "EVIDENCE" && e.disputeSummary !== undefined)).toBe(true);
    const times = found.map((e) => e.entryDateTime!);
    expect(times).toEqual([...times].sort());
    const oneDispute = await entries.searchDisputeEntries({
      disputeId: "1300000005",
      entryTypes: ["Acq-DebitAdj"],
      pagination: { fromIndex: 0, pageSize: 10 },
    });
    expect(oneDispute.disputeEntries).toHaveLength(1);
    expect(oneDispute.disputeEntries![0]).toMatchObject({
      disputeId: "1300000005",
      entryCategory: "POSTING",
    });
    expect(oneDispute.disputeEntries![0]!.disputeSummary).toBeUndefined();
  });
});
