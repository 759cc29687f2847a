/** The generated README, relative to the project root. */
export const README_FILE = "src/v1/README.md";

/** Emits src/v1/README.md, which tells readers the folder is generated. */
export function emitReadme(): string {
  return `# src/v1: generated, do not edit

Every file in this folder (and in \`test/v1/generated/\`) is written by \`npm run generate\`
(\`scripts/generate/main.ts\`) from \`spec/acquiring-v1.json\` and \`spec/schemas/v1/*.json\`.
Fix the generator or the spec, never these files: \`tsx scripts/generate/main.ts --check\` fails
CI when they differ from what the generator writes.
`;
}
