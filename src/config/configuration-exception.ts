/** A configuration value is missing or malformed. The message names the key (and the file, if any). */
export class ConfigurationException extends Error {
  /** The offending key, e.g. `acquiring.api.connectTimeout` or `connectTimeout`. */
  readonly key: string;

  constructor(key: string, problem: string, source?: string) {
    super(`${source ? `${source}: ` : ""}${key} ${problem}`);
    this.name = new.target.name;
    this.key = key;
  }
}
