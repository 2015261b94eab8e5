package io.supplytwin.ingest.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.core.catalogue.Level;
import io.supplytwin.ingest.clean.RejectReason;
import io.supplytwin.ingest.clean.RejectedInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonPayloadDecoderTest {

    private static final TopicAddress PRESS = new TopicAddress("acme", Level.EQUIPMENT, "press-7", PayloadFormat.JSON);
    private final JsonPayloadDecoder decoder = new JsonPayloadDecoder();

    private DecodedReading decode(String json) throws RejectedInputException {
        return decoder.decode(PRESS, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesTimestampSeqAndValues() throws Exception {
        DecodedReading r = decode("{\"ts\":\"2026-01-05T10:15:30.250Z\",\"seq\":42,\"values\":{\"spindle_temp_c\":61.5,\"spindle_load_pct\":80}}");
        assertThat(r.eventTime()).isEqualTo(Instant.parse("2026-01-05T10:15:30.250Z"));
        assertThat(r.seq()).isEqualTo(42);
        assertThat(r.values()).isEqualTo(Map.of("spindle_temp_c", 61.5, "spindle_load_pct", 80.0));
        assertThat(r.nonNumeric()).isEmpty();
    }

    @Test
    void acceptsTimestampsWithAnOffset() throws Exception {
        DecodedReading r = decode("{\"ts\":\"2026-01-05T12:15:30+02:00\",\"seq\":1,\"values\":{\"a\":1}}");
        assertThat(r.eventTime()).isEqualTo(Instant.parse("2026-01-05T10:15:30Z"));
    }

    @Test
    void keepsNonNumericValuesApartForCleaning() throws Exception {
        DecodedReading r = decode("{\"ts\":\"2026-01-05T10:15:30Z\",\"seq\":1,\"values\":{\"a\":1,\"b\":\"high\",\"c\":true,\"d\":null}}");
        assertThat(r.values()).containsOnlyKeys("a");
        assertThat(r.nonNumeric()).containsOnlyKeys("b", "c", "d");
        assertThat(r.nonNumeric().get("b")).contains("high");
    }

    @Test
    void matchingIdentityFieldsArePermitted() throws Exception {
        DecodedReading r = decode("{\"enterpriseId\":\"acme\",\"level\":\"equipment\",\"entityId\":\"press-7\","
                + "\"ts\":\"2026-01-05T10:15:30Z\",\"seq\":1,\"values\":{\"a\":1}}");
        assertThat(r.address()).isEqualTo(PRESS);
    }

    @Test
    void payloadContradictingItsTopicIsRejected() {
        assertReason("{\"entityId\":\"press-8\",\"ts\":\"2026-01-05T10:15:30Z\",\"seq\":1,\"values\":{\"a\":1}}", RejectReason.TOPIC_MISMATCH);
        assertReason("{\"enterpriseId\":\"other\",\"ts\":\"2026-01-05T10:15:30Z\",\"seq\":1,\"values\":{\"a\":1}}", RejectReason.TOPIC_MISMATCH);
        assertReason("{\"level\":\"order\",\"ts\":\"2026-01-05T10:15:30Z\",\"seq\":1,\"values\":{\"a\":1}}", RejectReason.TOPIC_MISMATCH);
    }

    @Test
    void brokenOrIncompletePayloadsAreMalformed() {
        assertReason("{\"ts\":", RejectReason.MALFORMED_PAYLOAD);
        assertReason("[1,2]", RejectReason.MALFORMED_PAYLOAD);
        assertReason("{\"seq\":1,\"values\":{\"a\":1}}", RejectReason.MALFORMED_PAYLOAD);
        assertReason("{\"ts\":\"yesterday\",\"seq\":1,\"values\":{\"a\":1}}", RejectReason.MALFORMED_PAYLOAD);
        assertReason("{\"ts\":\"2026-01-05T10:15:30Z\",\"seq\":-1,\"values\":{\"a\":1}}", RejectReason.MALFORMED_PAYLOAD);
        assertReason("{\"ts\":\"2026-01-05T10:15:30Z\",\"seq\":1.5,\"values\":{\"a\":1}}", RejectReason.MALFORMED_PAYLOAD);
        assertReason("{\"ts\":\"2026-01-05T10:15:30Z\",\"seq\":1,\"values\":[1]}", RejectReason.MALFORMED_PAYLOAD);
    }

    @Test
    void aFieldGivenTwiceCountsWithItsLastOccurrenceAsWithATree() throws Exception {
        DecodedReading r = decode("{\"ts\":\"2020-01-01T00:00:00Z\",\"ts\":\"2026-01-05T10:15:30Z\",\"seq\":1,"
                + "\"values\":{\"a\":1,\"b\":2,\"a\":\"x\",\"b\":3}}");
        assertThat(r.eventTime()).isEqualTo(Instant.parse("2026-01-05T10:15:30Z"));
        assertThat(r.values()).isEqualTo(Map.of("b", 3.0));
        assertThat(r.nonNumeric()).containsOnlyKeys("a");
    }

    @Test
    void structuredValuesAreDescribedAndUnknownFieldsSkippedWhereverTheyAre() throws Exception {
        DecodedReading r = decode("{\"gateway\":{\"fw\":[1,2,{\"x\":null}]},\"values\":{\"a\":[1,2],\"b\":{\"c\":1},\"d\":-2.5e3},"
                + "\"seq\":7,\"ts\":\"2026-01-05T10:15:30Z\",\"note\":\"ignored\"} trailing");
        assertThat(r.seq()).isEqualTo(7);
        assertThat(r.values()).isEqualTo(Map.of("d", -2500.0));
        assertThat(r.nonNumeric()).containsEntry("a", "array [1,2]").containsEntry("b", "object {\"c\":1}");
    }

    @Test
    void identityFieldsThatAreNotTextContradictTheTopicUnlessNull() throws Exception {
        assertReason("{\"entityId\":{\"id\":\"press-7\"},\"ts\":\"2026-01-05T10:15:30Z\",\"seq\":1,\"values\":{\"a\":1}}",
                RejectReason.TOPIC_MISMATCH);
        assertThat(decode("{\"entityId\":null,\"ts\":\"2026-01-05T10:15:30Z\",\"seq\":1,\"values\":{\"a\":1}}").seq()).isEqualTo(1);
    }

    @Test
    void hugeOrTextualSeqAndNonTextTimestampsAreMalformed() {
        assertReason("{\"ts\":\"2026-01-05T10:15:30Z\",\"seq\":123456789012345678901234567890,\"values\":{\"a\":1}}",
                RejectReason.MALFORMED_PAYLOAD);
        assertReason("{\"ts\":\"2026-01-05T10:15:30Z\",\"seq\":\"1\",\"values\":{\"a\":1}}", RejectReason.MALFORMED_PAYLOAD);
        assertReason("{\"ts\":1736072130,\"seq\":1,\"values\":{\"a\":1}}", RejectReason.MALFORMED_PAYLOAD);
        assertReason("", RejectReason.MALFORMED_PAYLOAD);
    }

    private void assertReason(String json, RejectReason reason) {
        assertThatThrownBy(() -> decode(json)).isInstanceOf(RejectedInputException.class)
                .extracting(e -> ((RejectedInputException) e).reason()).isEqualTo(reason);
    }
}
