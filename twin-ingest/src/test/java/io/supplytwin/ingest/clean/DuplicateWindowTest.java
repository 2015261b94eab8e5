package io.supplytwin.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DuplicateWindowTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private final DuplicateWindow window = new DuplicateWindow(Duration.ofMinutes(30), 64, 1000);

    @Test
    void aSeqSeenBeforeIsADuplicateAndOthersAreNot() {
        assertThat(window.firstSeen("press-7", 10, T0, T0)).isTrue();
        assertThat(window.firstSeen("press-7", 11, T0, T0)).isTrue();
        assertThat(window.firstSeen("press-7", 10, T0, T0)).isFalse();
        assertThat(window.firstSeen("press-7", 11, T0, T0)).isFalse();
        assertThat(window.firstSeen("press-8", 10, T0, T0)).as("other entity").isTrue();
    }

    @Test
    void lateReadingsInsideTheDepthAreAcceptedOnce() {
        window.firstSeen("e", 100, T0, T0);
        assertThat(window.firstSeen("e", 90, T0, T0)).isTrue();
        assertThat(window.firstSeen("e", 90, T0, T0)).isFalse();
        assertThat(window.firstSeen("e", 37, T0, T0)).as("63 below, inside the depth").isTrue();
        assertThat(window.firstSeen("e", 37, T0, T0)).isFalse();
        assertThat(window.firstSeen("e", 1, T0, T0)).as("99 below and not newer: a very late copy").isFalse();
        Instant later = T0.plusSeconds(300);
        assertThat(window.firstSeen("e", 1, later, later)).as("99 below and newer: a restarted gateway counter").isTrue();
        assertThat(window.firstSeen("e", 2, later, later)).isTrue();
        assertThat(window.firstSeen("e", 1, later, later)).isFalse();
    }

    @Test
    void largeJumpsForwardKeepWorking() {
        window.firstSeen("e", 1, T0, T0);
        assertThat(window.firstSeen("e", 1_000, T0, T0)).isTrue();
        assertThat(window.firstSeen("e", 1_000, T0, T0)).isFalse();
        assertThat(window.firstSeen("e", 999, T0, T0)).isTrue();
    }

    @Test
    void entitiesAreForgottenAfterTheWindow() {
        window.firstSeen("e", 5, T0, T0);
        assertThat(window.firstSeen("e", 5, T0, T0.plus(Duration.ofMinutes(29)))).isFalse();
        assertThat(window.firstSeen("e", 5, T0, T0.plus(Duration.ofMinutes(60)))).isTrue();
    }

    @Test
    void memoryIsBoundedByForgettingTheLeastRecentlySeenEntity() {
        DuplicateWindow small = new DuplicateWindow(Duration.ofMinutes(30), 8, 2);
        small.firstSeen("a", 1, T0, T0);
        small.firstSeen("b", 1, T0, T0);
        small.firstSeen("a", 2, T0, T0);
        small.firstSeen("c", 1, T0, T0);
        assertThat(small.entities()).isEqualTo(2);
        assertThat(small.firstSeen("a", 1, T0, T0)).as("a was used recently, kept").isFalse();
        assertThat(small.firstSeen("b", 1, T0, T0)).as("b was evicted").isTrue();
    }
}
