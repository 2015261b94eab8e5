package io.supplytwin.ledger.fabric;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the Fabric gateway peer is and who we are to it: endpoint {@code host:port}, TLS CA certificate and server
 * name override, client identity (MSP id, certificate, private key), channel and chaincode name.
 *
 * @param tlsCaCert null for plaintext gRPC (a test network without TLS)
 */
public record FabricGatewayConfig(String endpoint, String serverName, Path tlsCaCert, String mspId, Path certificate,
        Path privateKey, String channel, String chaincode) {

    /** Everything wrong with this configuration, each as one line; empty when it can be used. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (endpoint == null || !endpoint.matches("[A-Za-z0-9.\\-]+:\\d{1,5}")) {
            out.add("ledger.fabric.endpoint must be host:port, got '" + endpoint + "'");
        } else {
            int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
            if (port < 1 || port > 65535) {
                out.add("ledger.fabric.endpoint port must be within 1..65535, got " + port);
            }
        }
        if (mspId == null || mspId.isBlank()) {
            out.add("ledger.fabric.msp-id is required");
        }
        requireFile(out, "ledger.fabric.cert", certificate);
        requireFile(out, "ledger.fabric.key", privateKey);
        if (tlsCaCert != null) {
            requireFile(out, "ledger.fabric.tls-cert", tlsCaCert);
        }
        if (channel == null || !channel.matches("[a-z][a-z0-9.\\-]*")) {
            out.add("ledger.channel must be a Fabric channel name (lower case, starting with a letter), got '" + channel + "'");
        }
        if (chaincode == null || chaincode.isBlank()) {
            out.add("ledger.fabric.chaincode is required");
        }
        return out;
    }

    private static void requireFile(List<String> out, String key, Path p) {
        if (p == null) {
            out.add(key + " is required");
        } else if (!Files.isRegularFile(p)) {
            out.add(key + ": no file " + p);
        } else if (!Files.isReadable(p)) {
            out.add(key + ": " + p + " is not readable");
        }
    }
}
