// Packs the package as npm would publish it, lints the tarball (publint, are-the-types-wrong),
// installs it into a scratch project and imports it from CommonJS, ESM and TypeScript (node16 and
// bundler resolution), checking that instanceof holds across formats.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules/.bin", name);
const run = (file, args, cwd) => execFileSync(file, args, { cwd, stdio: "inherit" });
const work = mkdtempSync(path.join(tmpdir(), "acquiring-sdk-pack-"));

try {
  run("npm", ["pack", "--ignore-scripts", "--pack-destination", work, "--silent"], root);
  const tarball = path.join(
    work,
    readdirSync(work).find((name) => name.endsWith(".tgz")),
  );
  run(bin("publint"), ["run", tarball, "--strict"], root);
  run(bin("attw"), [tarball, "--profile", "node16"], root);

  const project = path.join(work, "consumer");
  mkdirSync(project);
  writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  run("npm", ["install", "--silent", "--no-audit", "--no-fund", tarball], project);
  writeFileSync(
    path.join(project, "check.cjs"),
    `const sdk = require("acquiring-sdk");
const { startSandbox } = require("acquiring-sdk/sandbox");
if (typeof sdk.Factory.createClientFromFile !== "function" || typeof startSandbox !== "function") process.exit(1);
import("acquiring-sdk").then((esm) => {
  const error = new sdk.IdempotenceException({ statusCode: 409, responseBody: "", idempotenceKey: "k" });
  if (!(error instanceof esm.ReferenceException) || esm.Factory !== sdk.Factory) process.exit(2);
  console.log("CommonJS and ESM share one copy of every class");
});
`,
  );
  run(process.execPath, ["check.cjs"], project);
  writeFileSync(
    path.join(project, "check.mts"),
    `import { Factory, CommunicatorConfiguration, ValidationException, type ApiPaymentRequest } from "acquiring-sdk";
import { startSandbox, type Sandbox } from "acquiring-sdk/sandbox";
const request: ApiPaymentRequest = { operationId: "x", amount: { amount: 1, currencyCode: "EUR", numberOfDecimals: 2 } };
export async function pay(sandbox: Sandbox): Promise<string | undefined> {
  const client = Factory.createClientFromConfiguration(new CommunicatorConfiguration({
    apiEndpoint: sandbox.apiEndpoint, oauth2TokenUri: sandbox.tokenUri, oauth2ClientId: sandbox.clientId,
    oauth2ClientSecret: sandbox.clientSecret, integrator: "consumer" }));
  try { return (await client.v1().acquirer("a").merchant("m").cardPayments().processPayment(request)).paymentId; }
  catch (error) { if (error instanceof ValidationException) return error.detail ?? undefined; throw error; }
  finally { await client.close(); }
}
export { startSandbox };
`,
  );
  const tsc = path.join(root, "node_modules/typescript/bin/tsc");
  for (const resolution of [
    ["node16", "node16"],
    ["esnext", "bundler"],
  ]) {
    run(
      process.execPath,
      [
        tsc,
        "--noEmit",
        "--strict",
        "--skipLibCheck",
        "false",
        "--types",
        "node",
        "--typeRoots",
        path.join(root, "node_modules/@types"),
        "--module",
        resolution[0],
        "--moduleResolution",
        resolution[1],
        "--target",
        "es2022",
        "check.mts",
      ],
      project,
    );
    console.log(`TypeScript (moduleResolution ${resolution[1]}) compiles against the package`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
