import type { Authenticator } from "../auth/authenticator.js";
import type { Marshaller } from "../json/marshaller.js";
import type { MetadataProvider } from "../metadata/metadata-provider.js";
import type { Connection } from "../transport/connection.js";
import type { Operation, OperationCall } from "./operation.js";

// SKELETON (scaffold): the core owner implements this.
export class Communicator {
  constructor(
    readonly apiEndpoint: URL,
    readonly connection: Connection,
    readonly authenticator: Authenticator,
    readonly metadataProvider: MetadataProvider,
    readonly marshaller: Marshaller,
  ) {}

  /** Runs one API operation: builds the request, sends it and returns the parsed response. */
  execute<T>(_operation: Operation, _call: OperationCall): Promise<T> {
    return Promise.reject(new Error("not implemented"));
  }
}
