import type { Authenticator } from "./auth/authenticator.js";
import { OAuth2Authenticator } from "./auth/oauth2-authenticator.js";
import { Client } from "./client.js";
import type { CommunicatorConfiguration } from "./config/communicator-configuration.js";
import { configurationFromPropertiesFile } from "./config/configuration-from-properties.js";
import { Communicator } from "./core/communicator.js";
import { inDoubtResolver } from "./in-doubt/in-doubt-policy.js";
import { DefaultMarshaller } from "./json/default-marshaller.js";
import type { Marshaller } from "./json/marshaller.js";
import { MetadataProvider } from "./metadata/metadata-provider.js";
import type { Connection } from "./transport/connection.js";
import { DefaultConnection } from "./transport/default-connection.js";

/** Components that replace the defaults the Factory would build from the configuration. */
export interface CommunicatorComponents {
  connection?: Connection;
  authenticator?: Authenticator;
  metadataProvider?: MetadataProvider;
  marshaller?: Marshaller;
}

/** Builds configurations, communicators and clients from a properties file or a configuration. */
export class Factory {
  private constructor() {}

  /**
   * Reads a properties file with an `[AcquiringSDK]` section; the OAuth2 client credentials are
   * given here, never read from the file.
   * @throws ConfigurationException naming the file and the key that is missing or malformed.
   */
  static createConfiguration(
    configurationFile: string,
    oauth2ClientId: string,
    oauth2ClientSecret: string,
  ): CommunicatorConfiguration {
    return configurationFromPropertiesFile(configurationFile, oauth2ClientId, oauth2ClientSecret);
  }

  /** A Communicator from a configuration, with default components unless given. */
  static createCommunicatorFromConfiguration(
    configuration: CommunicatorConfiguration,
    components: CommunicatorComponents = {},
  ): Communicator {
    const connection =
      components.connection ??
      new DefaultConnection({
        connectTimeout: configuration.connectTimeout,
        socketTimeout: configuration.socketTimeout,
        maxConnections: configuration.maxConnections,
        proxyConfiguration: configuration.proxyFor(configuration.apiEndpoint),
        tls: configuration.tls,
        maxLoggedBodyBytes: configuration.maxResponseBodyBytes,
      });
    return new Communicator(
      configuration.apiEndpoint,
      connection,
      components.authenticator ?? new OAuth2Authenticator(configuration),
      components.metadataProvider ??
        new MetadataProvider(configuration.integrator, {
          shoppingCartExtension: configuration.shoppingCartExtension,
        }),
      components.marshaller ?? DefaultMarshaller.INSTANCE,
      {
        validateRequests: configuration.validateRequests,
        retry: configuration.retry,
        maxResponseBodyBytes: configuration.maxResponseBodyBytes,
        inDoubtResolver: inDoubtResolver(configuration.inDoubtPolicy),
      },
    );
  }

  /** A Communicator from a properties file; see {@link createConfiguration}. */
  static createCommunicatorFromFile(
    configurationFile: string,
    oauth2ClientId: string,
    oauth2ClientSecret: string,
    components: CommunicatorComponents = {},
  ): Communicator {
    const configuration = Factory.createConfiguration(configurationFile, oauth2ClientId, oauth2ClientSecret);
    return Factory.createCommunicatorFromConfiguration(configuration, components);
  }

  /** A Client with a Communicator of its own. */
  static createClientFromConfiguration(
    configuration: CommunicatorConfiguration,
    components: CommunicatorComponents = {},
  ): Client {
    return new Client(Factory.createCommunicatorFromConfiguration(configuration, components));
  }

  /** A Client from a properties file; see {@link createConfiguration}. */
  static createClientFromFile(
    configurationFile: string,
    oauth2ClientId: string,
    oauth2ClientSecret: string,
    components: CommunicatorComponents = {},
  ): Client {
    return new Client(
      Factory.createCommunicatorFromFile(configurationFile, oauth2ClientId, oauth2ClientSecret, components),
    );
  }

  /** A Client that shares `communicator` with other clients. */
  static createClientFromCommunicator(communicator: Communicator): Client {
    return new Client(communicator);
  }
}
