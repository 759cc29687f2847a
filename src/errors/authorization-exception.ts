import { ApiException } from "./api-exception.js";

/** 403 Not Authorized: the request was not allowed. */
export class AuthorizationException extends ApiException {}
