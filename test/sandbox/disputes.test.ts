import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_MERCHANT, startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { ApiClient } from "./sandbox-client.js";

const BASE = "/dispute-management/v1";

/** A multipart/form-data body with one file part, built by hand as RFC 7578 describes. */
function multipart(fileName: string, contentType: string, content: Buffer, partName = "file") {
  const boundary = randomUUID();
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${partName}"; filename="${fileName}"\r\n` +
        `Content-Type: ${contentType}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { contentType: `multipart/form-data; boundary=${boundary}`, body };
}

describe("sandbox dispute management", () => {
  let sandbox: Sandbox;
  let api: ApiClient;
  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await ApiClient.connect(sandbox);
  });
  beforeEach(() => sandbox.reset());
  afterAll(() => sandbox.close());

  const search = (body: unknown) => api.post(`${BASE}/disputes/search`, body);

  it("searches the seeded disputes by stage, status category, scheme and openness", async () => {
    const all = await search({});
    expect(all.status).toBe(200);
    expect(all.json.pagination).toMatchObject({ totalCount: 7, lastIndex: 6 });
    expect(all.json.requestId).toEqual(expect.any(String));
    const opened = all.json.disputes.map(
      (d: { disputeDateTimeData: { openedDateTime: string } }) => d.disputeDateTimeData.openedDateTime,
    );
    expect(opened).toEqual([...opened].sort().reverse());
    const needsResponse = await search({
      disputeStatusCategories: ["NEEDS_RESPONSE"],
      sortOrder: "ASC",
      sortBy: "responseDueDate",
    });
    expect(needsResponse.json.disputes.map((d: { disputeId: string }) => d.disputeId)).toEqual([
      "1300000002",
      "1300000001",
    ]);
    const closedVisa = await search({ isOpen: false, schemes: ["VISA"] });
    expect(closedVisa.json.disputes).toHaveLength(1);
    expect(closedVisa.json.disputes[0]).toMatchObject({
      disputeStatus: "ACCEPTED",
      disputeStatusCategory: "LOST",
    });
    const preArbitration = await search({ disputeStages: ["PRE_ARBITRATION"] });
    expect(preArbitration.json.disputes[0].disputeId).toBe("1300000003");
  });

  it("filters by merchant scope, references and date ranges", async () => {
    const otherMerchant = await search({
      merchantScope: {
        merchantScopeType: "BY_MERCHANT_IDS",
        merchantIds: [
          { acquirerId: SANDBOX_MERCHANT.acquirerId, merchantId: SANDBOX_MERCHANT.otherMerchantId },
        ],
      },
    });
    expect(otherMerchant.json.pagination.totalCount).toBe(2);
    const byReference = await search({ acquirerDisputeReference: "ADR1300000004" });
    expect(byReference.json.disputes[0].disputeId).toBe("1300000004");
    const since = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 19);
    const recent = await search({ openedDateTime: { greaterEqual: since } });
    expect(recent.json.disputes.map((d: { disputeId: string }) => d.disputeId).sort()).toEqual([
      "1300000001",
      "1300000002",
      "1300000006",
    ]);
  });

  it("pages through a search with fromIndex, pageSize and searchId", async () => {
    const first = await search({ pagination: { fromIndex: 0, pageSize: 3 } });
    expect(first.json.disputes).toHaveLength(3);
    expect(first.json.pagination).toMatchObject({ lastIndex: 2, totalCount: 7 });
    const searchId = first.json.pagination.searchId as string;
    const second = await search({ pagination: { fromIndex: 3, pageSize: 3, searchId } });
    const third = await search({ pagination: { fromIndex: 6, pageSize: 3, searchId } });
    expect(third.json.pagination).toMatchObject({ lastIndex: 6, searchId, totalCount: 7 });
    const pages = [first, second, third].map((page) => page.json.disputes as { disputeId: string }[]);
    const ids = pages.flat().map((d) => d.disputeId);
    expect(new Set(ids).size).toBe(7);
    expect((await search({ pagination: { searchId: "unknown" } })).status).toBe(400);
    expect((await search({ pagination: { pageSize: 101 } })).status).toBe(400);
  });

  it("gets a dispute, with its entries only when includeEntries=true", async () => {
    const plain = await api.get(`${BASE}/disputes/1300000003`);
    expect(plain.status).toBe(200);
    expect(plain.json.dispute).toMatchObject({
      disputeId: "1300000003",
      disputeStage: "PRE_ARBITRATION",
      originalDisputeAmount: { amount: 2_500, currencyCode: "EUR", numberOfDecimals: 2 },
      originalTransactionData: {
        paymentMethodData: { maskedIdentifier: "************7730", scheme: "VISA" },
      },
    });
    expect(plain.json.dispute.entries).toBeUndefined();
    const full = await api.get(`${BASE}/disputes/1300000003?includeEntries=true`);
    expect(full.json.dispute.entries.map((e: { entryType: string }) => e.entryType)).toEqual([
      "Iss-Dsp",
      "Acq-EvidenceReq",
      "Mch-Evidence",
      "Iss-PArb",
    ]);
    expect(full.json.dispute.entries[2].documents[0]).toMatchObject({ mimeType: "application/pdf" });
    const missing = await api.get(`${BASE}/disputes/0000000000`);
    expect([missing.status, missing.json.type]).toEqual([404, "/problems/dispute-not-found"]);
  });

  it("accepts liability on an open dispute, and refuses it on a closed one with 409", async () => {
    const accepted = await api.post(`${BASE}/disputes/1300000001/accept`, {
      includeEntries: true,
      messageText: "We could not prove delivery.",
      userId: "jane.doe",
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json.dispute).toMatchObject({
      disputeStatus: "ACCEPTED",
      disputeStatusCategory: "LOST",
      isOpen: false,
    });
    expect(accepted.json.dispute.disputeDateTimeData.closedDateTime).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/,
    );
    expect(accepted.json.dispute.entries.at(-2)).toMatchObject({
      entryType: "Mch-Accept",
      userId: "jane.doe",
    });
    const again = await api.postRaw(`${BASE}/disputes/1300000001/accept`, "application/json", "");
    expect([again.status, again.json.type]).toEqual([409, "/problems/dispute-state-conflict"]);
  });

  it("uploads a document, submits it as evidence and serves it back as an attachment", async () => {
    const pdf = Buffer.from("%PDF-1.4\n% proof of delivery\n%%EOF\n");
    const upload = multipart("proof of delivery.pdf", "application/pdf", pdf);
    const uploaded = await api.postRaw(`${BASE}/documents`, upload.contentType, upload.body);
    expect(uploaded.status).toBe(201);
    const documentId = uploaded.json.documentId as string;
    expect(uploaded.json.requestId).toEqual(expect.any(String));

    const unknownDoc = await api.post(`${BASE}/disputes/1300000002/submit-evidence`, {
      documentIds: [{ documentId }, { documentId: "nope" }],
    });
    expect(unknownDoc.status).toBe(400);
    expect(unknownDoc.json.detail).toBe("$.documentIds[1].documentId: no uploaded document with id 'nope'");

    const submitted = await api.post(`${BASE}/disputes/1300000002/submit-evidence`, {
      documentIds: [{ documentId }],
      elaboration: "Signed delivery note attached.",
      partialAmount: { amount: 4_000, currencyCode: "EUR", numberOfDecimals: 2 },
      userId: "jane.doe",
      includeEntries: true,
    });
    expect(submitted.status).toBe(200);
    expect(submitted.json.dispute).toMatchObject({
      disputeStatus: "REVIEW_BY_ACQUIRER",
      disputeStatusCategory: "IN_PROGRESS",
    });
    expect(submitted.json.dispute.entries.at(-1)).toMatchObject({
      entryType: "Mch-Evidence",
      documents: [{ documentId, fileName: "proof of delivery.pdf", mimeType: "application/pdf" }],
      transactionAmount: { amount: 4_000 },
    });
    const twice = await api.post(`${BASE}/disputes/1300000002/submit-evidence`, {
      documentIds: [{ documentId }],
    });
    expect(twice.status).toBe(409);

    const download = await api.get(`${BASE}/disputes/1300000002/documents/${documentId}`);
    expect(download.status).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-length"]).toBe(String(pdf.length));
    expect(download.headers["content-disposition"]).toBe('attachment; filename="proof of delivery.pdf"');
    expect(download.text).toBe(pdf.toString());
    expect((await api.get(`${BASE}/disputes/1300000001/documents/${documentId}`)).status).toBe(404);
  });

  it("serves the seeded documents and refuses uploads of the wrong type or without a file part", async () => {
    const seeded = await api.get(
      `${BASE}/disputes/1300000004/documents/c0f1e2d3-0004-4a5b-8c9d-000000000401`,
    );
    expect(seeded.status).toBe(200);
    expect(seeded.text.startsWith("%PDF-")).toBe(true);
    const exe = multipart("tool.exe", "application/octet-stream", Buffer.from("MZ"));
    const refused = await api.postRaw(`${BASE}/documents`, exe.contentType, exe.body);
    expect(refused.status).toBe(400);
    expect(refused.json.detail).toContain("application/pdf");
    const wrongPart = multipart("a.png", "image/png", Buffer.from([0x89, 0x50]), "attachment");
    expect((await api.postRaw(`${BASE}/documents`, wrongPart.contentType, wrongPart.body)).status).toBe(400);
    expect(
      (await api.postRaw(`${BASE}/documents`, "multipart/form-data; boundary=x", "garbage")).status,
    ).toBe(400);
    const huge = multipart("scan.png", "image/png", Buffer.alloc(5 * 1024 * 1024 + 1, 1));
    const tooLarge = await api.postRaw(`${BASE}/documents`, huge.contentType, huge.body);
    expect([tooLarge.status, tooLarge.json.type]).toEqual([413, "/problems/document-too-large"]);
  });

  it("searches dispute entries with filters, sort order and dispute summaries", async () => {
    const evidence = await api.post(`${BASE}/dispute-entries/search`, {
      entryCategories: ["EVIDENCE"],
      includeDisputeSummary: true,
      sortOrder: "ASC",
    });
    expect(evidence.status).toBe(200);
    const entries = evidence.json.disputeEntries as {
      entryCategory: string;
      entryDateTime: string;
      disputeId: string;
    }[];
    expect(entries.length).toBeGreaterThan(3);
    expect(entries.every((e) => e.entryCategory === "EVIDENCE")).toBe(true);
    expect(entries.map((e) => e.entryDateTime)).toEqual(entries.map((e) => e.entryDateTime).sort());
    expect(evidence.json.disputeEntries[0].disputeSummary).toMatchObject({
      merchantData: { acquirerId: SANDBOX_MERCHANT.acquirerId },
      unifiedCategory: expect.any(String),
    });
    const oneDispute = await api.post(`${BASE}/dispute-entries/search`, {
      disputeId: "1300000005",
      entryTypes: ["Acq-DebitAdj"],
      pagination: { fromIndex: 0, pageSize: 10 },
    });
    expect(oneDispute.json.disputeEntries).toHaveLength(1);
    expect(oneDispute.json.disputeEntries[0]).toMatchObject({
      disputeId: "1300000005",
      entryCategory: "POSTING",
    });
    expect(oneDispute.json.disputeEntries[0].disputeSummary).toBeUndefined();
    expect(oneDispute.json.pagination).toMatchObject({ totalCount: 1, lastIndex: 0 });
  });
});
