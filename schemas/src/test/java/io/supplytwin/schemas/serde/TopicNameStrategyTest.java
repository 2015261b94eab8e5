package io.supplytwin.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.schemas.topic.Topics;
import org.junit.jupiter.api.Test;

class TopicNameStrategyTest {

    @Test
    void subjectsAreTopicDashKeyOrValue() {
        assertThat(TopicNameStrategy.subject(Topics.HEALTH.name(), false)).isEqualTo(Topics.HEALTH.name() + "-value");
        assertThat(TopicNameStrategy.subject(Topics.HEALTH.name(), true)).isEqualTo(Topics.HEALTH.name() + "-key");
    }

    @Test
    void aSubjectNeedsATopic() {
        assertThatThrownBy(() -> TopicNameStrategy.subject("", false)).isInstanceOf(IllegalArgumentException.class);
    }
}
