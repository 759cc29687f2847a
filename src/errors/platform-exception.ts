import { ApiException } from "./api-exception.js";

/** 500, 502 or 503: something went wrong on the Worldline platform or at a downstream partner or acquirer. */
export class PlatformException extends ApiException {}
