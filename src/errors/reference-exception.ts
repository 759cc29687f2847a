import { ApiException } from "./api-exception.js";

/** 404, 409 or 410: an object was referenced that does not exist or was removed, or the request conflicted. */
export class ReferenceException extends ApiException {}
