// Compiles src/ once to CommonJS, then writes thin ESM entries that re-export the same objects,
// so one copy of every class exists whether the package is imported or required.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, "dist");
const require = createRequire(import.meta.url);

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
  cwd: root,
  stdio: "inherit",
});

for (const entry of ["index", "sandbox/index"]) {
  const cjsFile = path.join(dist, `${entry}.js`);
  if (!existsSync(cjsFile)) continue;
  const names = Object.keys(require(cjsFile)).filter((name) => name !== "__esModule" && name !== "default");
  const base = `./${path.basename(entry)}.js`;
  writeFileSync(
    path.join(dist, `${entry}.mjs`),
    `import cjs from "${base}";\nexport const { ${names.join(", ")} } = cjs;\n`,
  );
  writeFileSync(path.join(dist, `${entry}.d.mts`), `export * from "${base}";\n`);
}

const cli = path.join(dist, "cli/main.js");
if (existsSync(cli)) chmodSync(cli, 0o755);
