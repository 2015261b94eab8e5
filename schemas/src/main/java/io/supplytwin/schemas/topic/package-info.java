/** Every Kafka topic of SupplyTwin, declared once with partitions, cleanup policy and serdes. */
package io.supplytwin.schemas.topic;
