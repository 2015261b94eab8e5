/** The embedded platform: a real KRaft Kafka broker, a real MQTT broker (HiveMQ CE) and the schema */
package io.supplytwin.platform;
