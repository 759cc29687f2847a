// Writes src/v1 and test/v1 from spec/ (`npm run generate`), or with --check regenerates in
// memory and exits 1 listing every file that differs from disk, so CI catches hand edits and
// spec changes that were not regenerated.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { generateFiles } from "./generate.js";
import type { GeneratedFile } from "./generate.js";

const root = path.resolve(import.meta.dirname, "../..");
/** Folders owned entirely by the generator: stale files in them are removed or reported. */
const OWNED_DIRS = ["src/v1", "test/v1/generated"];

function listOwnedFiles(): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) return;
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else found.push(child);
    }
  };
  for (const dir of OWNED_DIRS) walk(dir);
  return found.sort();
}

function differences(files: GeneratedFile[]): string[] {
  const expected = new Map(files.map((file) => [file.path, file.content]));
  const problems: string[] = [];
  for (const file of files) {
    const absolute = path.join(root, file.path);
    if (!existsSync(absolute)) problems.push(`missing: ${file.path}`);
    else if (readFileSync(absolute, "utf8") !== file.content) problems.push(`differs: ${file.path}`);
  }
  for (const existing of listOwnedFiles()) {
    if (!expected.has(existing)) problems.push(`not generated: ${existing}`);
  }
  return problems;
}

function write(files: GeneratedFile[]): void {
  const expected = new Set(files.map((file) => file.path));
  for (const existing of listOwnedFiles()) {
    if (!expected.has(existing)) rmSync(path.join(root, existing));
  }
  for (const file of files) {
    const absolute = path.join(root, file.path);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, file.content);
  }
}

const check = process.argv.includes("--check");
const files = await generateFiles(root);
if (check) {
  const problems = differences(files);
  if (problems.length > 0) {
    process.stderr.write(
      `Generated files are out of date; run \`npm run generate\`:\n${problems.map((line) => `  ${line}\n`).join("")}`,
    );
    process.exitCode = 1;
  } else {
    process.stdout.write(`${files.length} generated files are up to date.\n`);
  }
} else {
  write(files);
  process.stdout.write(`Wrote ${files.length} files.\n`);
}
