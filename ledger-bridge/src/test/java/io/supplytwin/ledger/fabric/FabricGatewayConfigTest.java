package io.supplytwin.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.ledger.gateway.LedgerException;
import io.supplytwin.ledger.gateway.Submission;
import io.supplytwin.ledger.gateway.TxResult;
import io.supplytwin.ledger.identity.Consortium;
import io.supplytwin.ledger.identity.OrgIdentity;
import io.supplytwin.ledger.identity.Pem;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Fabric path without a Fabric network: configuration checks, loading an identity from PEM files as Fabric's
 * MSP tooling writes them, and a clear failure when no gateway peer answers.
 */
class FabricGatewayConfigTest {

    @TempDir
    Path dir;

    private FabricGatewayConfig config(String endpoint) throws Exception {
        OrgIdentity org = Consortium.generate("Org1MSP");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Files.writeString(cert, org.certificatePem());
        Files.writeString(key, Pem.encode("PRIVATE KEY", org.privateKey().orElseThrow().getEncoded()));
        return new FabricGatewayConfig(endpoint, "peer0.org1.example.com", null, "Org1MSP", cert, key, "mychannel", "financing");
    }

    @Test
    void everyProblemIsListedOnce() {
        FabricGatewayConfig bad = new FabricGatewayConfig("no-port", "", dir.resolve("ca.pem"), "", dir.resolve("missing.pem"),
                null, "Bad_Channel", "");
        List<String> problems = bad.problems();
        assertThat(problems).anyMatch(p -> p.contains("ledger.fabric.endpoint must be host:port"))
                .anyMatch(p -> p.contains("ledger.fabric.msp-id is required"))
                .anyMatch(p -> p.contains("ledger.fabric.cert: no file"))
                .anyMatch(p -> p.contains("ledger.fabric.key is required"))
                .anyMatch(p -> p.contains("ledger.fabric.tls-cert: no file"))
                .anyMatch(p -> p.contains("ledger.channel must be a Fabric channel name"))
                .anyMatch(p -> p.contains("ledger.fabric.chaincode is required"));
        assertThatThrownBy(() -> FabricLedgerGateway.connect(bad)).isInstanceOf(LedgerException.class)
                .hasMessageStartingWith("Fabric gateway configuration:");
    }

    @Test
    void aValidConfigurationHasNoProblems() throws Exception {
        assertThat(config("localhost:7051").problems()).isEmpty();
    }

    @Test
    void aBrokenKeyFileIsNamed() throws Exception {
        FabricGatewayConfig c = config("localhost:7051");
        Files.writeString(c.privateKey(), "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> FabricLedgerGateway.connect(c)).isInstanceOf(LedgerException.class)
                .hasMessageContaining("cannot load the Fabric client identity").hasMessageContaining("key.pem");
    }

    @Test
    void identityLoadsFromPemFilesAndAnUnreachablePeerFailsTheSubmissionWithAReason() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        try (FabricLedgerGateway gw = FabricLedgerGateway.connect(config("127.0.0.1:" + port))) {
            assertThat(gw.mspId()).isEqualTo("Org1MSP");
            TxResult wrongOrg = gw.submit(new Submission("r1", "application", "apply", List.of("r1", "C1", "E1", "10"),
                    "BankMSP")).join();
            assertThat(wrongOrg.committed()).isFalse();
            assertThat(wrongOrg.reason()).contains("submits as Org1MSP");
            TxResult unreachable = gw.submit(new Submission("r2", "application", "apply", List.of("r2", "C1", "E1", "10"),
                    "Org1MSP")).join();
            assertThat(unreachable.committed()).isFalse();
            assertThat(unreachable.reason()).contains("UNAVAILABLE");
        }
    }
}
