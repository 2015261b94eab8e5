/** Kafka Streams twins: state stores, roll-ups, health, credit, interactive queries */
package io.supplytwin.streams;
