import { readFileSync } from "node:fs";

interface SpecField {
  name: string;
  type: string;
  enum?: unknown[];
}

const spec = JSON.parse(readFileSync(new URL("../../spec/acquiring-v1.json", import.meta.url), "utf8")) as {
  models: Record<string, { fields?: SpecField[] }>;
};

function checkScalar(type: string, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "date":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
    case "date-time":
      return (
        typeof value === "string" && /T.*(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))
      );
    default:
      throw new Error(`unknown scalar type ${type}`);
  }
}

/**
 * Where a JSON value departs from a response model of spec/acquiring-v1.json: fields the model
 * does not have, values of the wrong type, and values outside a closed enum. Empty when it conforms.
 */
export function specViolations(model: string, value: unknown, path = "$"): string[] {
  const definition = spec.models[model];
  if (!definition) return [`${path}: unknown model ${model}`];
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return [`${path}: not a ${model} object`];
  const fields = new Map((definition.fields ?? []).map((field) => [field.name, field]));
  const problems: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const field = fields.get(key);
    const at = `${path}.${key}`;
    if (!field) {
      problems.push(`${at}: not a field of ${model}`);
      continue;
    }
    const isArray = field.type.endsWith("[]");
    const itemType = isArray ? field.type.slice(0, -2) : field.type;
    const items = isArray ? (Array.isArray(child) ? child : null) : [child];
    if (!items) {
      problems.push(`${at}: expected an array`);
      continue;
    }
    items.forEach((item, index) => {
      const itemPath = isArray ? `${at}[${index}]` : at;
      if (spec.models[itemType]) {
        problems.push(...specViolations(itemType, item, itemPath));
      } else if (!checkScalar(itemType, item)) {
        problems.push(`${itemPath}: not a ${itemType}`);
      } else if (field.enum && !field.enum.includes(item)) {
        problems.push(`${itemPath}: ${JSON.stringify(item)} is not one of ${field.enum.join(", ")}`);
      }
    });
  }
  return problems;
}
