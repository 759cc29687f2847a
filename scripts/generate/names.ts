/** `ApiPaymentRequest` → `api-payment-request`; `ECommerceData` → `e-commerce-data`. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();
}

/** `ApiPaymentRequest` → `API_PAYMENT_REQUEST`; `processPayment` → `PROCESS_PAYMENT`. */
export function upperSnakeCase(name: string): string {
  return kebabCase(name).replace(/-/g, "_").toUpperCase();
}

/** `cardPayments` → `CardPayments`. */
export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Whether `name` can follow a dot in a JS member access and a JSON path. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** A JSON path segment for a property: `.name`, or `["odd name"]`. */
export function jsonPathSegment(name: string): string {
  return isIdentifier(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** A property key usable in an object literal or interface. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : JSON.stringify(name);
}
