package io.supplytwin.ingest.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.core.catalogue.Level;
import io.supplytwin.ingest.clean.RejectReason;
import io.supplytwin.ingest.clean.RejectedInputException;
import org.junit.jupiter.api.Test;

class TopicAddressTest {

    @Test
    void jsonTopicNamesEnterpriseLevelAndEntity() throws Exception {
        TopicAddress a = TopicAddress.parse("twin/v1/acme/equipment/press-7/telemetry");
        assertThat(a).isEqualTo(new TopicAddress("acme", Level.EQUIPMENT, "press-7", PayloadFormat.JSON));
    }

    @Test
    void sparkplugDeviceDataMapsGroupEdgeNodeAndDevice() throws Exception {
        TopicAddress a = TopicAddress.parse("spBv1.0/acme/DDATA/order/po-1001");
        assertThat(a).isEqualTo(new TopicAddress("acme", Level.ORDER, "po-1001", PayloadFormat.SPARKPLUG_B));
    }

    @Test
    void sparkplugNodeDataIsTheEnterprisesOwnReading() throws Exception {
        TopicAddress a = TopicAddress.parse("spBv1.0/acme/NDATA/enterprise");
        assertThat(a).isEqualTo(new TopicAddress("acme", Level.ENTERPRISE, "acme", PayloadFormat.SPARKPLUG_B));
    }

    @Test
    void unknownLevelAndForeignTopicsAreBadTopics() {
        assertReason("twin/v1/acme/machine/press-7/telemetry", RejectReason.BAD_TOPIC);
        assertReason("twin/v1/acme/equipment/telemetry", RejectReason.BAD_TOPIC);
        assertReason("twin/v1//equipment/press-7/telemetry", RejectReason.BAD_TOPIC);
        assertReason("spBv1.0/acme/NDATA/gateway-3", RejectReason.BAD_TOPIC);
        assertReason("spBv1.0/acme/DBIRTH/equipment/press-7", RejectReason.BAD_TOPIC);
    }

    private static void assertReason(String topic, RejectReason reason) {
        assertThatThrownBy(() -> TopicAddress.parse(topic)).isInstanceOf(RejectedInputException.class)
                .extracting(e -> ((RejectedInputException) e).reason()).isEqualTo(reason);
    }
}
