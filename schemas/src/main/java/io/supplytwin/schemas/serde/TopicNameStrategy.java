package io.supplytwin.schemas.serde;

/** The Confluent default subject naming: {@code <topic>-key} and {@code <topic>-value}. */
public final class TopicNameStrategy {

    private TopicNameStrategy() {}

    public static String subject(String topic, boolean isKey) {
        if (topic == null || topic.isEmpty()) {
            throw new IllegalArgumentException("A subject needs a topic name");
        }
        return topic + (isKey ? "-key" : "-value");
    }
}
