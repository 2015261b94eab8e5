package io.supplytwin.schemas.topic;

import org.apache.kafka.common.config.TopicConfig;

/** Kafka's {@code cleanup.policy}: keep a time window of records, or the latest record per key. */
public enum CleanupPolicy {
    DELETE(TopicConfig.CLEANUP_POLICY_DELETE),
    COMPACT(TopicConfig.CLEANUP_POLICY_COMPACT);

    private final String configValue;

    CleanupPolicy(String configValue) {
        this.configValue = configValue;
    }

    /** The value of {@code cleanup.policy}: "delete" or "compact". */
    public String configValue() {
        return configValue;
    }
}
