/** Identifies the shopping cart or platform extension that makes the calls; sent in the metadata header. */
export interface ShoppingCartExtension {
  creator: string;
  name: string;
  version: string;
  extensionId?: string | undefined;
}
