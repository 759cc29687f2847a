import { ApiProblem } from "../api-problem.js";
import type { DisputeStore } from "../dispute-store.js";
import { parseMultipart } from "../multipart.js";
import { newResourceId } from "../references.js";
import { json, type Route } from "../route.js";

const BASE = "/dispute-management/v1";
const DOCUMENT_TYPES: ReadonlySet<string> = new Set([
  "application/pdf",
  "image/jpeg",
  "image/jpg",
  "image/png",
]);
/** Per-document size limit, in bytes. */
const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/**
 * Dispute documents: upload (multipart part `file`; pdf, jpeg, jpg or png up to 5 MiB) and
 * download of a document submitted to a dispute.
 */
export function disputeDocumentRoutes(store: DisputeStore): Route[] {
  return [
    {
      operation: "uploadDisputeDocument",
      method: "POST",
      path: `${BASE}/documents`,
      scope: "disputes_manage",
      handle(request) {
        const parts = parseMultipart(request.contentType, request.raw);
        const file = parts.find((part) => part.name === "file");
        if (!file)
          throw new ApiProblem(400, "validation-error", "$.file: the multipart part 'file' is required");
        if (!file.fileName) throw new ApiProblem(400, "validation-error", "$.file: the part has no filename");
        const mimeType = (file.contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
        if (!DOCUMENT_TYPES.has(mimeType)) {
          throw new ApiProblem(
            400,
            "validation-error",
            `$.file: content type must be one of ${[...DOCUMENT_TYPES].join(", ")}`,
          );
        }
        if (file.data.length === 0)
          throw new ApiProblem(400, "validation-error", "$.file: the file is empty");
        if (file.data.length > MAX_DOCUMENT_BYTES) {
          throw new ApiProblem(413, "document-too-large", `$.file: larger than ${MAX_DOCUMENT_BYTES} bytes`);
        }
        const documentId = newResourceId();
        store.documents.set(documentId, {
          documentId,
          fileName: file.fileName,
          mimeType,
          data: Buffer.from(file.data),
          disputeId: undefined,
        });
        return json(201, { documentId, requestId: request.requestId });
      },
    },
    {
      operation: "getDisputeDocument",
      method: "GET",
      path: `${BASE}/disputes/{disputeId}/documents/{documentId}`,
      scope: "disputes_retrieve",
      handle(request) {
        const { disputeId = "", documentId = "" } = request.params;
        store.dispute(disputeId);
        const document = store.documents.get(documentId);
        if (!document || document.disputeId !== disputeId) {
          throw new ApiProblem(
            404,
            "document-not-found",
            `dispute '${disputeId}' has no document '${documentId}'`,
          );
        }
        return {
          kind: "binary",
          status: 200,
          contentType: document.mimeType,
          fileName: document.fileName,
          data: document.data,
        };
      },
    },
  ];
}
