/** Avro schemas, topic declarations, Confluent-wire-format serdes, schema-registry client and embedded server */
package io.supplytwin.schemas;
