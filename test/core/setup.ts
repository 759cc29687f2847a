import { CommunicatorConfiguration } from "../../src/config/communicator-configuration.js";
import type { CommunicatorConfigurationOptions } from "../../src/config/communicator-configuration.js";
import type { Communicator } from "../../src/core/communicator.js";
import type { Operation } from "../../src/core/operation.js";
import type { CommunicatorComponents } from "../../src/factory.js";
import { Factory } from "../../src/factory.js";
import type { FakePlatform } from "./fake-platform.js";

export const CLIENT_SECRET = "s3cr&t=+ value";

/** A configuration pointing at the fake platform. */
export function configurationFor(
  platform: FakePlatform,
  overrides: Partial<CommunicatorConfigurationOptions> = {},
): CommunicatorConfiguration {
  return new CommunicatorConfiguration({
    apiEndpoint: platform.origin,
    oauth2TokenUri: platform.tokenUri,
    oauth2ClientId: "client-1",
    oauth2ClientSecret: CLIENT_SECRET,
    integrator: "Acme",
    connectTimeout: 2,
    socketTimeout: 5,
    ...overrides,
  });
}

export function communicatorFor(
  platform: FakePlatform,
  overrides: Partial<CommunicatorConfigurationOptions> = {},
  components: CommunicatorComponents = {},
): Communicator {
  return Factory.createCommunicatorFromConfiguration(configurationFor(platform, overrides), components);
}

/** Operations shaped like the generated ones, for exercising the pipeline directly. */
export const PROCESS_PAYMENT: Operation = {
  id: "processPayment",
  method: "POST",
  path: "/processing/v1/{acquirerId}/{merchantId}/payments",
  scopes: ["processing_payment"],
  response: "json",
};

export const GET_PAYMENT: Operation = {
  id: "getPaymentStatus",
  method: "GET",
  path: "/processing/v1/{acquirerId}/{merchantId}/payments/{paymentId}",
  scopes: ["processing_payment"],
  response: "json",
};

export const MERCHANT = { acquirerId: "acq 1", merchantId: "m/2" };
