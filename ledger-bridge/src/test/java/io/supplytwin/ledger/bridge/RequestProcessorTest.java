package io.supplytwin.ledger.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The receipt's case state is read from the case's JSON without building it whole. */
class RequestProcessorTest {

    @Test
    void caseStateIsTheTopLevelStateFieldWhereverItStands() {
        assertThat(RequestProcessor.caseState("{\"contractId\":\"C1\",\"events\":[{\"state\":\"X\",\"to\":\"APPLIED\"}],"
                + "\"credential\":{\"state\":\"Y\"},\"state\":\"FUNDED\",\"zeta\":1}")).isEqualTo("FUNDED");
        assertThat(RequestProcessor.caseState("{\"state\":\"APPLIED\"}")).isEqualTo("APPLIED");
    }

    @Test
    void noStateNoCaseOrNoJsonGiveNone() {
        assertThat(RequestProcessor.caseState("{\"events\":[{\"state\":\"X\"}]}")).isNull();
        assertThat(RequestProcessor.caseState("{\"state\":null}")).isNull();
        assertThat(RequestProcessor.caseState("[\"state\"]")).isNull();
        assertThat(RequestProcessor.caseState("{\"state\":")).isNull();
        assertThat(RequestProcessor.caseState("tx-id-123")).isNull();
    }
}
