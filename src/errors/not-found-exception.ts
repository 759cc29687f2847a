import { ResponseException } from "./response-exception.js";

/** A 404 whose body is not an API error: usually a wrong endpoint or path. */
export class NotFoundException extends ResponseException {}
