import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const project = mkdtempSync(path.join(tmpdir(), "acquiring-sdk-consumer-"));

afterAll(() => rmSync(project, { recursive: true, force: true }));

/** Runs a fixture script from a project that depends on the built package. */
function runAsConsumer(fixture: string): unknown {
  mkdirSync(path.join(project, "node_modules"), { recursive: true });
  try {
    symlinkSync(root, path.join(project, "node_modules/acquiring-sdk"), "dir");
  } catch {
    // Already linked by an earlier test.
  }
  const script = path.join(project, fixture);
  copyFileSync(fileURLToPath(new URL(`./fixtures/${fixture}`, import.meta.url)), script);
  return JSON.parse(execFileSync(process.execPath, [script], { encoding: "utf8", cwd: project }));
}

describe("the built package", () => {
  it("exposes one copy of every class to require and import, so instanceof holds across them", () => {
    const report = runAsConsumer("dual-format.mjs") as Record<string, unknown>;
    expect(report["exportCount"]).toBeGreaterThan(30);
    expect(report["missingFromEsm"]).toEqual([]);
    expect(report["differing"]).toEqual([]);
    expect(report["requireErrorIsImportClass"]).toBe(true);
    expect(report["importErrorIsRequireClass"]).toBe(true);
  });
});
