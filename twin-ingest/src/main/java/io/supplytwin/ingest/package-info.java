/** MQTT to Kafka bridge with edge cleaning and a dead-letter topic */
package io.supplytwin.ingest;
