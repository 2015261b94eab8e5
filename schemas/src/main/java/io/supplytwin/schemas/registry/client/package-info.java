/** A client of the Confluent Schema Registry REST API, and the types it shares with the embedded registry. */
package io.supplytwin.schemas.registry.client;
