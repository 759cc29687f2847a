import { DefaultConnection } from "../../src/transport/default-connection.js";
import { describeConnectionContract } from "./connection-contract.js";

describeConnectionContract(
  "DefaultConnection",
  () => new DefaultConnection({ connectTimeout: 5, socketTimeout: 10 }),
);

describeConnectionContract(
  "DefaultConnection with one pooled connection",
  () => new DefaultConnection({ connectTimeout: 5, socketTimeout: 10, maxConnections: 1 }),
);
