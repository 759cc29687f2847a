// SKELETON (scaffold): the core owner implements this.
export class MetadataProvider {}
