import { readFileSync } from "node:fs";
import { ConfigurationException } from "./configuration-exception.js";

/** The section of the properties file that holds the SDK's settings. */
export const SECTION = "AcquiringSDK";

/** Longer than any setting's name by far; keeps a hostile file's key out of error messages. */
const MAX_KEY_LENGTH = 200;

// eslint-disable-next-line no-control-regex -- the point is to find control characters.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * Reads the `[AcquiringSDK]` section of an INI-style properties file: `key=value` (or `key: value`)
 * lines; whole-line comments start with `#` or `;`, and a `#` preceded by white space starts an
 * inline comment, so `acquiring.api.connectTimeout=5 # use -1 for no timeout` reads as `5`.
 * @throws ConfigurationException when the file cannot be read, has no such section, or a line in
 * it is not a setting (no separator, or a key longer than 200 characters or with control characters).
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

/**
 * Parses properties text; see {@link readPropertiesFile}. Linear in the text's length; error
 * messages name a line or a key, never a value (a value may be a proxy password).
 * @throws ConfigurationException as {@link readPropertiesFile} does.
 */
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
    if (key.length > MAX_KEY_LENGTH || CONTROL_CHARACTER.test(key)) {
      throw new ConfigurationException(
        `line ${index + 1}`,
        `has a key that is not a setting name (longer than ${MAX_KEY_LENGTH} characters or with control characters)`,
        source,
      );
    }
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
