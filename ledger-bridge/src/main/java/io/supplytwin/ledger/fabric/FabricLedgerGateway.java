package io.supplytwin.ledger.fabric;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.supplytwin.ledger.gateway.LedgerException;
import io.supplytwin.ledger.gateway.LedgerGateway;
import io.supplytwin.ledger.gateway.Submission;
import io.supplytwin.ledger.gateway.TxResult;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.InvalidKeyException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Fabric path: the same financing contracts, deployed as chaincode, reached through the Fabric Gateway
 * (peer ≥ 2.4) with {@code fabric-gateway}. Every transaction is submitted as the one configured client identity;
 * a request naming another organisation is refused, since this process holds only that organisation's key.
 * Endorsement, ordering and validation are Fabric's; results carry the block number and validation code, but no
 * Merkle root (Fabric blocks hash-chain their data without RFC 9162 proofs).
 */
public final class FabricLedgerGateway implements LedgerGateway {

    private static final Logger LOG = LoggerFactory.getLogger(FabricLedgerGateway.class);

    private final FabricGatewayConfig config;
    private final ManagedChannel channel;
    private final Gateway gateway;
    private final Network network;
    private final ExecutorService submitters;

    private FabricLedgerGateway(FabricGatewayConfig config, ManagedChannel channel, Gateway gateway) {
        this.config = config;
        this.channel = channel;
        this.gateway = gateway;
        this.network = gateway.getNetwork(config.channel());
        this.submitters = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fabric-submit");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Checks the configuration, loads the identity and opens a gRPC channel (connecting lazily, on first call).
     *
     * @throws LedgerException listing every configuration problem, or naming the unreadable file
     */
    public static FabricLedgerGateway connect(FabricGatewayConfig config) {
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new LedgerException("Fabric gateway configuration: " + String.join("; ", problems));
        }
        X509Identity identity;
        org.hyperledger.fabric.client.identity.Signer signer;
        try (Reader cert = Files.newBufferedReader(config.certificate(), StandardCharsets.UTF_8);
                Reader key = Files.newBufferedReader(config.privateKey(), StandardCharsets.UTF_8)) {
            identity = new X509Identity(config.mspId(), Identities.readX509Certificate(cert));
            signer = Signers.newPrivateKeySigner(Identities.readPrivateKey(key));
        } catch (IOException | CertificateException | InvalidKeyException | RuntimeException e) {
            throw new LedgerException("cannot load the Fabric client identity from " + config.certificate() + " and "
                    + config.privateKey() + ": " + e.getMessage(), e);
        }
        ChannelCredentials credentials;
        try {
            credentials = config.tlsCaCert() == null ? InsecureChannelCredentials.create()
                    : TlsChannelCredentials.newBuilder().trustManager(config.tlsCaCert().toFile()).build();
        } catch (IOException | RuntimeException e) {
            throw new LedgerException("cannot read the TLS CA certificate " + config.tlsCaCert() + ": " + e.getMessage(), e);
        }
        var builder = Grpc.newChannelBuilder(config.endpoint(), credentials);
        if (config.serverName() != null && !config.serverName().isBlank()) {
            builder.overrideAuthority(config.serverName());
        }
        ManagedChannel ch = builder.build();
        Gateway gw = Gateway.newInstance().identity(identity).signer(signer).hash(Hash.SHA256).connection(ch)
                .evaluateOptions(CallOption.deadlineAfter(5, TimeUnit.SECONDS))
                .endorseOptions(CallOption.deadlineAfter(15, TimeUnit.SECONDS))
                .submitOptions(CallOption.deadlineAfter(5, TimeUnit.SECONDS))
                .commitStatusOptions(CallOption.deadlineAfter(1, TimeUnit.MINUTES)).connect();
        LOG.info("Fabric gateway {} channel {} chaincode {} as {}", config.endpoint(), config.channel(), config.chaincode(),
                config.mspId());
        return new FabricLedgerGateway(config, ch, gw);
    }

    public String mspId() {
        return config.mspId();
    }

    private Contract contract(String name) {
        return network.getContract(config.chaincode(), name);
    }

    @Override
    public CompletableFuture<TxResult> submit(Submission s) {
        if (!config.mspId().equals(s.submitterMsp())) {
            return CompletableFuture.completedFuture(TxResult.rejected(s.requestId(), null, "WRONG_SUBMITTER",
                    "this Fabric gateway submits as " + config.mspId() + ", not " + s.submitterMsp()));
        }
        return CompletableFuture.supplyAsync(() -> submitNow(s), submitters);
    }

    private TxResult submitNow(Submission s) {
        String txId = null;
        try {
            var tx = contract(s.contract()).newProposal(s.function()).addArguments(s.args().toArray(String[]::new)).build()
                    .endorse();
            txId = tx.getTransactionId();
            SubmittedTransaction submitted = tx.submitAsync();
            Status status = submitted.getStatus();
            String result = new String(submitted.getResult(), StandardCharsets.UTF_8);
            return new TxResult(s.requestId(), txId, status.isSuccessful(), status.getCode().name(),
                    status.isSuccessful() ? null : "Fabric validation code " + status.getCode(), status.getBlockNumber(),
                    null, null, null, status.isSuccessful() ? result : null);
        } catch (EndorseException e) {
            // the contract refused (e.g. an invalid transition): Fabric records nothing for an unendorsed proposal
            return TxResult.rejected(s.requestId(), e.getTransactionId(), "ENDORSEMENT_FAILURE", describe(e));
        } catch (GatewayException e) {
            return TxResult.rejected(s.requestId(), txId, "GATEWAY_ERROR", describe(e));
        }
    }

    @Override
    public Optional<String> evaluate(String mspId, String contract, String function, String... args) {
        try {
            return Optional.of(new String(contract(contract).evaluateTransaction(function, args), StandardCharsets.UTF_8));
        } catch (GatewayException e) {
            String msg = describe(e);
            if (msg.contains("no financing case")) {
                return Optional.empty();
            }
            throw new LedgerException("Fabric evaluate " + contract + ":" + function + " failed: " + msg, e);
        }
    }

    static String describe(GatewayException e) {
        StringBuilder sb = new StringBuilder(e.getStatus().getCode().name());
        if (e.getStatus().getDescription() != null) {
            sb.append(": ").append(e.getStatus().getDescription());
        }
        e.getDetails().forEach(d -> sb.append(" [").append(d.getMspId()).append(' ').append(d.getMessage()).append(']'));
        return sb.toString();
    }

    @Override
    public String describe() {
        return "Fabric gateway " + config.endpoint() + " channel " + config.channel() + " chaincode " + config.chaincode()
                + " as " + config.mspId();
    }

    @Override
    public void close() {
        submitters.shutdownNow();
        gateway.close();
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
