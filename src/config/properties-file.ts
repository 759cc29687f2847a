import { readFileSync } from "node:fs";
import { ConfigurationException } from "./configuration-exception.js";

/** The section of the properties file that holds the SDK's settings. */
export const SECTION = "AcquiringSDK";

/**
 * Reads the `[AcquiringSDK]` section of an INI-style properties file: `key=value` (or `key: value`)
 * lines; whole-line comments start with `#` or `;`, and a `#` preceded by white space starts an
 * inline comment, so `acquiring.api.connectTimeout=5 # use -1 for no timeout` reads as `5`.
 * @throws ConfigurationException when the file cannot be read, has no such section, or a line in
 * it is not a setting.
 */
export function readPropertiesFile(file: string): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigurationException("file", `cannot be read: ${(error as Error).message}`, file);
  }
  return parseProperties(text, file);
}

/** Parses properties text; see {@link readPropertiesFile}. */
export function parseProperties(text: string, source: string): Map<string, string> {
  const settings = new Map<string, string>();
  let section: string | undefined;
  let sawSection = false;
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  lines.forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) return;
    const header = /^\[([^\]]*)\]$/.exec(line);
    if (header) {
      section = header[1]!.trim();
      sawSection ||= section === SECTION;
      return;
    }
    if (section !== SECTION) return;
    const separator = line.search(/[=:]/);
    if (separator <= 0) {
      throw new ConfigurationException(`line ${index + 1}`, "is not a 'key=value' setting", source);
    }
    const key = line.slice(0, separator).trim();
    const value = stripInlineComment(line.slice(separator + 1)).trim();
    if (settings.has(key)) throw new ConfigurationException(key, `is set twice (line ${index + 1})`, source);
    settings.set(key, value);
  });
  if (!sawSection) throw new ConfigurationException(`[${SECTION}]`, "section is missing", source);
  return settings;
}

function stripInlineComment(value: string): string {
  const match = /\s[#;]/.exec(value);
  return match ? value.slice(0, match.index) : value;
}
