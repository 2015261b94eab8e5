package io.supplytwin.ledger.bridge;

import io.supplytwin.ledger.chain.EmbeddedLedger;
import io.supplytwin.ledger.fabric.FabricGatewayConfig;
import io.supplytwin.platform.config.ConfigException;
import io.supplytwin.platform.config.Setting;
import io.supplytwin.platform.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Configuration of the ledger bridge: which ledger (embedded or Fabric), how the embedded one cuts blocks, and
 * the Kafka consumer group. Keys {@code ledger.*}, overridable by {@code SUPPLYTWIN_LEDGER_*} and flags.
 */
public record LedgerBridgeConfig(String mode, EmbeddedLedger.Options embedded, FabricGatewayConfig fabric, String groupId,
        int maxPollRecords) {

    public static final Setting<String> MODE = Setting.string("ledger.mode", "embedded",
            "embedded (tamper-evident ledger in this process) or fabric (Hyperledger Fabric via its gateway)");
    public static final Setting<Path> DIR = Setting.path("ledger.dir", Path.of("data", "ledger"),
            "directory of the embedded ledger: block journal and the organisations' keys");
    public static final Setting<Integer> BLOCK_MAX_TRANSACTIONS = Setting.integer("ledger.block.max-transactions", 500,
            "the embedded ledger cuts a block at this many transactions");
    public static final Setting<Duration> BLOCK_TIMEOUT = Setting.duration("ledger.block.timeout", Duration.ofMillis(20),
            "... or this long after the block's first transaction arrived");
    public static final Setting<String> CHANNEL = Setting.string("ledger.channel", "supplychain", "channel name");
    public static final Setting<String> GROUP_ID = Setting.string("ledger.bridge.group-id", "supplytwin-ledger-bridge",
            "Kafka consumer group reading ledger.requests");
    public static final Setting<Integer> MAX_POLL = Setting.integer("ledger.bridge.max-poll-records", 500,
            "requests taken per poll (submitted together)");
    public static final Setting<String> FABRIC_ENDPOINT = Setting.string("ledger.fabric.endpoint", "",
            "Fabric gateway peer, host:port (e.g. localhost:7051)");
    public static final Setting<String> FABRIC_SERVER_NAME = Setting.string("ledger.fabric.server-name", "",
            "TLS server name override of the peer (e.g. peer0.org1.example.com); empty: the endpoint host");
    public static final Setting<String> FABRIC_TLS_CERT = Setting.string("ledger.fabric.tls-cert", "",
            "PEM file of the CA certificate that signed the peer's TLS certificate; empty: plaintext (tests only)");
    public static final Setting<String> FABRIC_MSP_ID = Setting.string("ledger.fabric.msp-id", "", "MSP id of the client identity");
    public static final Setting<String> FABRIC_CERT = Setting.string("ledger.fabric.cert", "", "PEM file of the client's X.509 certificate");
    public static final Setting<String> FABRIC_KEY = Setting.string("ledger.fabric.key", "", "PEM file of the client's private key");
    public static final Setting<String> FABRIC_CHAINCODE = Setting.string("ledger.fabric.chaincode", "financing",
            "name the financing chaincode was deployed under");

    public static final List<Setting<?>> SETTINGS = List.of(MODE, DIR, BLOCK_MAX_TRANSACTIONS, BLOCK_TIMEOUT, CHANNEL, GROUP_ID,
            MAX_POLL, FABRIC_ENDPOINT, FABRIC_SERVER_NAME, FABRIC_TLS_CERT, FABRIC_MSP_ID, FABRIC_CERT, FABRIC_KEY,
            FABRIC_CHAINCODE);

    public static LedgerBridgeConfig from(Settings s) {
        String mode = s.get(MODE).trim().toLowerCase(java.util.Locale.ROOT);
        if (!mode.equals("embedded") && !mode.equals("fabric")) {
            throw new ConfigException("ledger.mode must be embedded or fabric, got '" + s.get(MODE) + "'");
        }
        if (s.get(BLOCK_MAX_TRANSACTIONS) < 1) {
            throw new ConfigException("ledger.block.max-transactions must be at least 1");
        }
        if (s.get(MAX_POLL) < 1) {
            throw new ConfigException("ledger.bridge.max-poll-records must be at least 1");
        }
        EmbeddedLedger.Options embedded = new EmbeddedLedger.Options(s.get(DIR), s.get(BLOCK_MAX_TRANSACTIONS),
                s.get(BLOCK_TIMEOUT), s.get(CHANNEL));
        FabricGatewayConfig fabric = new FabricGatewayConfig(s.get(FABRIC_ENDPOINT), s.get(FABRIC_SERVER_NAME),
                pathOrNull(s.get(FABRIC_TLS_CERT)), s.get(FABRIC_MSP_ID), pathOrNull(s.get(FABRIC_CERT)),
                pathOrNull(s.get(FABRIC_KEY)), s.get(CHANNEL), s.get(FABRIC_CHAINCODE));
        return new LedgerBridgeConfig(mode, embedded, fabric, s.get(GROUP_ID), s.get(MAX_POLL));
    }

    private static Path pathOrNull(String s) {
        return s == null || s.isBlank() ? null : Path.of(s.trim());
    }

    public LedgerBridgeConfig withEmbedded(EmbeddedLedger.Options options) {
        return new LedgerBridgeConfig(mode, options, fabric, groupId, maxPollRecords);
    }

    public LedgerBridgeConfig withGroupId(String id) {
        return new LedgerBridgeConfig(mode, embedded, fabric, id, maxPollRecords);
    }
}
