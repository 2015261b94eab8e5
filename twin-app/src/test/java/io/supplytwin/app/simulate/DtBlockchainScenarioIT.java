package io.supplytwin.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplytwin.platform.http.HttpApi;
import io.supplytwin.sim.scenario.Scenario;
import io.supplytwin.sim.scenario.ScenarioParameters;
import io.supplytwin.sim.scenario.ScenarioResult;
import io.supplytwin.sim.scenario.ScenarioRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short dt-blockchain run through the real services, checked on the ledger: every financing need became a case
 * the contracts evaluated with the twin's credit, the cases the run counts as funded are funded on the ledger, and the
 * measured approval time puts dt-blockchain ahead of the two modelled modes.
 */
class DtBlockchainScenarioIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int DAYS = 6;

    @TempDir
    Path dataDir;

    @Test
    void financingNeedsGoThroughTheTwinAndTheLedgerContracts() throws Exception {
        ScenarioRunner runner = new ScenarioRunner(ScenarioParameters.standard(), 1, DAYS);
        ScenarioResult dt;
        List<String> cases;
        JsonNode head;
        List<JsonNode> onLedger = new java.util.ArrayList<>();
        try (PipelineFinancing live = PipelineFinancing.start(dataDir, DAYS, 24, 24)) {
            dt = runner.run(Scenario.DT_BLOCKCHAIN, live, f -> { });
            cases = live.cases();
            head = get(live.httpUrl() + "/api/ledger/head");
            for (String c : cases) {
                onLedger.add(get(live.httpUrl() + "/api/ledger/contracts/" + c));
            }
            assertThat(live.readings()).isGreaterThan(566L * DAYS);
        }

        assertThat(cases).hasSize(dt.applications()).isNotEmpty();
        // apply + evaluate per case, approve/reject + fund per decided case: all committed as ledger transactions
        assertThat(head.path("treeSize").asLong()).isGreaterThanOrEqualTo(2L * cases.size());
        long fundedOnLedger = 0;
        for (JsonNode c : onLedger) {
            assertThat(c.path("state").asText()).isIn(Set.of("EVALUATED", "APPROVED", "REJECTED", "FUNDED", "REPAYING", "REPAID",
                    "OVERDUE", "DEFAULTED"));
            JsonNode credential = c.path("credential");
            assertThat(credential.path("c").asDouble()).isBetween(0.0, 1.0);
            assertThat(credential.path("evidenceHash").asText()).matches("[0-9a-f]{64}");
            if (c.path("funded").asDouble() > 0) {
                fundedOnLedger++;
                assertThat(c.path("funded").asDouble()).isLessThanOrEqualTo(credential.path("lmax").asDouble() + 0.01);
            }
        }
        assertThat(fundedOnLedger).isEqualTo(dt.approved());
        // measured, not assumed: seconds, and at least one request round trip each
        assertThat(dt.approvalMeanHours()).isPositive();

        ScenarioResult blockchain = runner.run(Scenario.BLOCKCHAIN, f -> { });
        ScenarioResult baseline = runner.run(Scenario.BASELINE, f -> { });
        assertThat(dt.approvalMeanHours()).isLessThan(blockchain.approvalMeanHours());
        assertThat(blockchain.approvalMeanHours()).isLessThan(baseline.approvalMeanHours());
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s: %s", url, r.body()).isEqualTo(200);
        return HttpApi.JSON.readTree(r.body());
    }
}
