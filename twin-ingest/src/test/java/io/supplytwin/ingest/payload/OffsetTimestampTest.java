package io.supplytwin.ingest.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OffsetTimestampTest {

    private static Instant formatter(String s) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(s, Instant::from);
    }

    @Test
    void readsWhatTheIsoFormatterReadsForRandomInstantsOffsetsAndFractions() {
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            long second = 1_600_000_000L + random.nextInt(400_000_000);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(37) - 18) * 1800 % 64_800);
            String text = OffsetDateTime.ofInstant(Instant.ofEpochSecond(second, nanos), offset).toString();
            assertThat(OffsetTimestamp.parse(text)).as(text).isEqualTo(formatter(text));
            String instantText = Instant.ofEpochSecond(second, nanos).toString();
            assertThat(OffsetTimestamp.parse(instantText)).as(instantText).isEqualTo(formatter(instantText));
        }
    }

    @Test
    void unusualButValidShapesGoToTheFormatter() {
        for (String s : List.of("2026-01-05T10:15Z", "2026-01-05t10:15:30z", "2026-01-05T10:15:30+02:00:30", "2026-01-05T10:15:30.1+02:00",
                "2026-01-05T10:15:30.123456789-11:30", "+12026-01-05T10:15:30Z",
                "2026-01-05T10:15:30.Z")) {
            assertThat(OffsetTimestamp.parse(s)).as(s).isEqualTo(formatter(s));
        }
    }

    @Test
    void rejectsWhatTheFormatterRejects() {
        for (String s : List.of("yesterday", "2026-02-30T10:15:30Z", "2026-01-05T24:00:00Z", "2026-01-05T10:15:60Z", "2026-01-05T10:15:30",
                "2026-01-05T10:15:30.1234567890Z", "2026-01-05T10:15:30+19:00", "2026-01-05 10:15:30Z",
                "2026-1-05T10:15:30Z", "2026-01-05T10:15:30Zjunk", "")) {
            assertThatThrownBy(() -> formatter(s)).as(s).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> OffsetTimestamp.parse(s)).as(s).isInstanceOf(DateTimeParseException.class);
        }
    }
}
