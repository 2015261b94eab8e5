package io.supplytwin.ledger.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.supplytwin.ledger.LedgerFixture;
import io.supplytwin.ledger.chain.MerkleTree;
import io.supplytwin.ledger.contract.CaseBook;
import io.supplytwin.ledger.gateway.TxResult;
import io.supplytwin.platform.http.HttpApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a client of the ledger's HTTP routes sees, and that it can check the proofs itself from the published head. */
class LedgerRoutesTest {

    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;
    LedgerFixture f;
    HttpApi api;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        f = new LedgerFixture(dir);
        api = new HttpApi("127.0.0.1", 0, new SimpleMeterRegistry());
        LedgerRoutes.register(api, f.ledger);
        api.start();
    }

    @AfterEach
    void stop() {
        api.close();
        f.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(api.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return CaseBook.JSON.readTree(r.body());
    }

    private static List<byte[]> hashes(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> HEX.parseHex(n.asText())).toList();
    }

    @Test
    void aCaseComesWithItsHistory() throws Exception {
        f.funded("C1", "E1", 100, 200);
        JsonNode c = json("/api/ledger/contracts/C1");
        assertThat(c.get("state").asText()).isEqualTo("FUNDED");
        assertThat(c.get("history")).hasSize(4);
        assertThat(c.at("/history/3/action").asText()).isEqualTo("FUND");
        assertThat(json("/api/ledger/history/E1").get("contracts").asInt()).isEqualTo(1);
    }

    @Test
    void everyTransactionsInclusionProofVerifiesAgainstTheHead() throws Exception {
        List<TxResult> results = List.of(f.apply("C1", "E1", 10), f.apply("C2", "E2", 10), f.evaluate("C1", 50),
                f.fund("C2", 5), f.apply("C3", "E3", 10));
        JsonNode head = json("/api/ledger/head");
        for (TxResult r : results) {
            JsonNode tx = json("/api/ledger/tx/" + r.txId());
            assertThat(tx.get("root").asText()).isEqualTo(head.get("root").asText());
            assertThat(MerkleTree.verifyInclusion(HEX.parseHex(tx.get("leafHash").asText()), tx.get("leafIndex").asLong(),
                    tx.get("treeSize").asLong(), hashes(tx.get("inclusionProof")), HEX.parseHex(head.get("root").asText())))
                    .as("inclusion of %s", r.txId()).isTrue();
        }
        assertThat(json("/api/ledger/tx/" + results.get(3).txId()).get("status").asText()).isEqualTo("CONTRACT_REJECTED");
    }

    @Test
    void consistencyProofLinksAnOldHeadToTheNewOne() throws Exception {
        f.apply("C1", "E1", 10);
        f.apply("C2", "E2", 10);
        f.apply("C3", "E3", 10);
        JsonNode old = json("/api/ledger/head");
        f.evaluate("C1", 50);
        f.evaluate("C2", 50);
        JsonNode now = json("/api/ledger/head");
        long from = old.get("treeSize").asLong();
        long to = now.get("treeSize").asLong();
        JsonNode proof = json("/api/ledger/consistency?from=" + from + "&to=" + to);
        assertThat(MerkleTree.verifyConsistency(from, to, HEX.parseHex(old.get("root").asText()),
                HEX.parseHex(now.get("root").asText()), hashes(proof.get("proof")))).isTrue();
    }

    @Test
    void unknownIdsAre404AndBadParametersAre400WithAMessage() throws Exception {
        assertThat(get("/api/ledger/contracts/nope").statusCode()).isEqualTo(404);
        assertThat(get("/api/ledger/contracts/nope").body()).contains("no financing case nope");
        assertThat(get("/api/ledger/tx/" + "0".repeat(64)).statusCode()).isEqualTo(404);
        assertThat(get("/api/ledger/tx/xyz").statusCode()).isEqualTo(400);
        assertThat(get("/api/ledger/consistency").body()).contains("'from' is required");
        assertThat(get("/api/ledger/consistency?from=abc").statusCode()).isEqualTo(400);
        assertThat(get("/api/ledger/consistency?from=5&to=2").statusCode()).isEqualTo(400);
        assertThat(get("/api/ledger/consistency?from=0&to=999").body()).contains("exceeds the ledger size");
    }
}
