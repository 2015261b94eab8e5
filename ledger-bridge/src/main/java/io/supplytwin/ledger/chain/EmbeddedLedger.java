package io.supplytwin.ledger.chain;

import io.supplytwin.ledger.contract.FinancingChaincode;
import io.supplytwin.ledger.gateway.LedgerException;
import io.supplytwin.ledger.gateway.LedgerGateway;
import io.supplytwin.ledger.gateway.Submission;
import io.supplytwin.ledger.gateway.TxResult;
import io.supplytwin.ledger.identity.BatchSignature;
import io.supplytwin.ledger.identity.Consortium;
import io.supplytwin.ledger.identity.EndorsementPolicies;
import io.supplytwin.ledger.identity.OrgIdentity;
import io.supplytwin.ledger.identity.SignatureCheck;
import io.supplytwin.ledger.state.ReadWriteSet;
import io.supplytwin.ledger.state.SimulationContexts;
import io.supplytwin.ledger.state.SimulationStub;
import io.supplytwin.ledger.state.WorldState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded tamper-evident ledger, a one-process stand-in for a Fabric channel. Submitting runs Fabric's
 * execute–order–validate flow: the contract is simulated against the world state (read-write set), the
 * submitter signs the proposal, the organisations the endorsement policy names sign the outcome, and the
 * ordered transactions are cut into blocks by size or timeout. The committer validates each transaction
 * (signatures, policy, MVCC), appends the block to the journal with one fsync, then applies the valid writes.
 *
 * <p>A request id is committed once: resubmitting it returns the first submission's result.
 */
public final class EmbeddedLedger implements LedgerGateway {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedLedger.class);
    private static final HexFormat HEX = HexFormat.of();

    /** How blocks are cut and where the ledger lives. */
    public record Options(Path dir, int maxBlockTransactions, Duration blockTimeout, String channel) {
        public Options {
            if (maxBlockTransactions < 1) {
                throw new IllegalArgumentException("a block must hold at least one transaction");
            }
        }

        public static Options defaults(Path dir) {
            return new Options(dir, 500, Duration.ofMillis(20), "supplychain");
        }
    }

    /**
     * An ordered transaction: {@code checked} is its stateless validation, started on the validator pool as it is
     * queued; {@code refusalCode} the contract's code when simulation here refused it.
     */
    private record Pending(Envelope envelope, Proposal proposal, String refusalCode, CompletableFuture<TxResult> result,
            CompletableFuture<TxValidator.Verdict> checked) {
    }

    /** A simulation's envelope and, when the contract refused, its code ({@code ChaincodeException} payload). */
    private record Simulation(Envelope envelope, String refusalCode) {
    }

    private final Options options;
    private final Consortium consortium;
    private final FinancingChaincode chaincode = new FinancingChaincode();
    private final SimulationContexts contexts = new SimulationContexts();
    private final TxValidator validator;
    private final WorldState state = new WorldState();
    private final MerkleLog log = new MerkleLog();
    private final List<BlockHeader> headers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, TxRecord> byTxId = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<TxResult>> byRequestId = new ConcurrentHashMap<>();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final SecureRandom random = new SecureRandom();
    private final Journal journal;
    private final Thread committer;
    private final ExecutorService validators;
    private volatile LedgerMetrics metrics = LedgerMetrics.NONE;
    private volatile boolean running = true;
    private volatile Throwable broken;

    private EmbeddedLedger(Options options, Consortium consortium, Journal journal) {
        this.options = options;
        this.consortium = consortium;
        this.validator = new TxValidator(new SignatureCheck(consortium));
        this.journal = journal;
        this.committer = new Thread(this::commitLoop, "ledger-committer");
        this.committer.setDaemon(true);
        // signatures and policies checked in parallel ahead of the one committer, as Fabric's committer does
        AtomicInteger n = new AtomicInteger();
        this.validators = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "ledger-validator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the ledger in {@code options.dir()}: organisations' keys under {@code msp/}, blocks in
     * {@value Journal#FILE_NAME}. An existing journal is replayed and verified first; a damaged one stops the start.
     */
    public static EmbeddedLedger open(Options options) throws IOException {
        Files.createDirectories(options.dir());
        Consortium consortium;
        try {
            consortium = Consortium.loadOrCreate(options.dir().resolve("msp"));
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot load the organisations' keys from " + options.dir().resolve("msp") + ": "
                    + e.getMessage(), e);
        }
        return open(options, consortium);
    }

    /** Opens the ledger with these identities (which must match the genesis block of an existing journal). */
    public static EmbeddedLedger open(Options options, Consortium consortium) throws IOException {
        Files.createDirectories(options.dir());
        Path file = options.dir().resolve(Journal.FILE_NAME);
        boolean exists = Files.exists(file) && Files.size(file) > 0;
        EmbeddedLedger ledger = new EmbeddedLedger(options, consortium, Journal.open(file));
        try {
            if (exists) {
                ledger.replay(file);
            } else {
                ledger.writeGenesis();
            }
        } catch (IOException | RuntimeException e) {
            ledger.journal.close();
            ledger.validators.shutdownNow();
            throw e;
        }
        ledger.committer.start();
        LOG.info("embedded ledger open in {}: {} blocks, {} transactions, root {}", options.dir(), ledger.headers.size(),
                ledger.log.size(), HEX.formatHex(ledger.log.root()));
        return ledger;
    }

    private void replay(Path file) throws IOException {
        LedgerReplay.Result r = LedgerReplay.replay(file, state, log, (header, index, leafIndex, tx) -> index(header, index,
                leafIndex, tx, null));
        if (!Arrays.equals(r.consortium().configBytes(), consortium.configBytes())) {
            throw new JournalException(0, 8, "the organisations' certificates differ from the genesis block's");
        }
        headers.addAll(r.headers());
    }

    private void writeGenesis() throws IOException {
        byte[] config = consortium.configBytes();
        byte[] root = MerkleTree.root(List.of(MerkleTree.leafHash(config)));
        BlockHeader h = new BlockHeader(0, LedgerReplay.NO_PREVIOUS, root, 0, log.root(), System.currentTimeMillis(), 1);
        journal.append(new Block(h, List.of(config)));
        headers.add(h);
    }

    public Consortium consortium() {
        return consortium;
    }

    public Options options() {
        return options;
    }

    /** Where the committer reports blocks and refused transactions from now on. */
    public void reportTo(LedgerMetrics m) {
        this.metrics = m == null ? LedgerMetrics.NONE : m;
    }

    // ---- submitting ----

    @Override
    public CompletableFuture<TxResult> submit(Submission submission) {
        return submitAll(List.of(submission)).get(0);
    }

    @Override
    public List<CompletableFuture<TxResult>> submitAll(List<Submission> submissions) {
        List<CompletableFuture<TxResult>> results = new ArrayList<>(submissions.size());
        List<Proposal> fresh = new ArrayList<>();
        List<CompletableFuture<TxResult>> freshFutures = new ArrayList<>();
        for (Submission s : submissions) {
            CompletableFuture<TxResult> f = new CompletableFuture<>();
            CompletableFuture<TxResult> first = byRequestId.putIfAbsent(s.requestId(), f);
            if (first != null) {
                results.add(first); // a replayed request id gets the first submission's result
                continue;
            }
            results.add(f);
            // a request that never reached a block (ledger closing or failed) may be sent again
            f.whenComplete((r, e) -> {
                if (e != null) {
                    byRequestId.remove(s.requestId(), f);
                }
            });
            Optional<OrgIdentity> submitter = consortium.find(s.submitterMsp());
            if (submitter.isEmpty()) {
                byRequestId.remove(s.requestId(), f);
                f.complete(TxResult.rejected(s.requestId(), null, "UNKNOWN_SUBMITTER", "unknown organisation '"
                        + s.submitterMsp() + "'"));
                continue;
            }
            fresh.add(propose(s, submitter.get().mspId()));
            freshFutures.add(f);
        }
        if (fresh.isEmpty()) {
            return results;
        }
        // simulate each, then sign per organisation once for the whole batch
        List<Envelope> envelopes = new ArrayList<>(fresh.size());
        List<String> codes = new ArrayList<>(fresh.size());
        for (Proposal p : fresh) {
            Simulation sim = simulation(p);
            envelopes.add(sim.envelope());
            codes.add(sim.refusalCode());
        }
        envelopes = signAndEndorse(envelopes, fresh);
        for (int i = 0; i < envelopes.size(); i++) {
            enqueue(envelopes.get(i), fresh.get(i), codes.get(i), freshFutures.get(i));
        }
        return results;
    }

    /** Orders a transaction envelope as given (signed elsewhere, or not at all): the committer judges it. */
    public CompletableFuture<TxResult> order(Envelope envelope) {
        CompletableFuture<TxResult> f = new CompletableFuture<>();
        enqueue(envelope, envelope.proposal(), null, f);
        return f;
    }

    private void enqueue(Envelope e, Proposal p, String refusalCode, CompletableFuture<TxResult> result) {
        if (!running || broken != null) {
            result.completeExceptionally(new LedgerException("ledger is closed" + (broken == null ? "" : ": " + broken)));
            return;
        }
        CompletableFuture<TxValidator.Verdict> checked;
        try {
            checked = CompletableFuture.supplyAsync(() -> validator.checkSignaturesAndPolicy(e), validators);
        } catch (RejectedExecutionException closing) {
            result.completeExceptionally(new LedgerException("ledger is closed"));
            return;
        }
        queue.add(new Pending(e, p, refusalCode, result, checked));
    }

    /** A proposal for {@code s}, with a transaction id derived from a random nonce and the submitter as on Fabric. */
    public Proposal propose(Submission s, String mspId) {
        byte[] nonce = new byte[24];
        random.nextBytes(nonce);
        String txId = HEX.formatHex(MerkleTree.sha256(nonce, mspId.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new Proposal(txId, s.requestId(), options.channel(), s.contract(), s.function(), s.args(), mspId,
                System.currentTimeMillis());
    }

    /** Runs the contract against the committed state; the envelope carries the read-write set or the refusal. */
    public Envelope simulate(Proposal p) {
        return simulation(p).envelope();
    }

    private Simulation simulation(Proposal p) {
        OrgIdentity submitter = consortium.get(p.submitterMsp());
        SimulationStub stub = new SimulationStub(state, p.channel(), p.txId(), Instant.ofEpochMilli(p.timestampMillis()),
                submitter.serialized(), submitter.mspId(), p.contract() + ":" + p.function(), p.args());
        String response = null;
        String error = null;
        String code = null;
        try {
            if (chaincode.isQuery(p.contract(), p.function())) {
                throw new ChaincodeException(p.contract() + ":" + p.function() + " only reads; evaluate it instead",
                        "QUERY_ONLY");
            }
            response = chaincode.invoke(contexts.forStub(stub), p.contract(), p.function(), p.args());
        } catch (ChaincodeException e) {
            error = e.getMessage();
            code = e.getPayload() == null ? "UNSPECIFIED" : new String(e.getPayload(), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            error = "contract failed: " + e;
            code = "CONTRACT_FAILURE";
        }
        return new Simulation(Envelope.simulated(p, p.encode(), error == null ? stub.readWriteSet() : ReadWriteSet.EMPTY,
                response, error), code);
    }

    /** Signs each proposal as its submitter and endorses each successful simulation as its policy asks. */
    public List<Envelope> signAndEndorse(List<Envelope> envelopes, List<Proposal> proposals) {
        Envelope[] out = envelopes.toArray(new Envelope[0]);
        Map<String, List<Integer>> bySubmitter = new LinkedHashMap<>();
        Map<String, List<Integer>> byEndorser = new LinkedHashMap<>();
        for (int i = 0; i < out.length; i++) {
            Proposal p = proposals.get(i);
            bySubmitter.computeIfAbsent(p.submitterMsp(), k -> new ArrayList<>()).add(i);
            if (out[i].contractError() == null) {
                for (String org : EndorsementPolicies.of(p.contract(), p.function()).plan()) {
                    byEndorser.computeIfAbsent(org, k -> new ArrayList<>()).add(i);
                }
            }
        }
        bySubmitter.forEach((msp, idx) -> {
            List<BatchSignature> sigs = BatchSignature.sign(consortium.get(msp),
                    idx.stream().map(i -> out[i].proposalBytes()).toList());
            for (int k = 0; k < idx.size(); k++) {
                out[idx.get(k)] = out[idx.get(k)].withSubmitterSignature(sigs.get(k));
            }
        });
        Map<Integer, List<BatchSignature>> endorsements = new java.util.HashMap<>();
        byEndorser.forEach((msp, idx) -> {
            List<BatchSignature> sigs = BatchSignature.sign(consortium.get(msp),
                    idx.stream().map(i -> out[i].endorsedBytes()).toList());
            for (int k = 0; k < idx.size(); k++) {
                endorsements.computeIfAbsent(idx.get(k), x -> new ArrayList<>()).add(sigs.get(k));
            }
        });
        endorsements.forEach((i, e) -> out[i] = out[i].withEndorsements(e));
        return List.of(out);
    }

    // ---- committing ----

    private void commitLoop() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + options.blockTimeout().toNanos();
                while (batch.size() < options.maxBlockTransactions()) {
                    long wait = deadline - System.nanoTime();
                    Pending next = wait <= 0 ? queue.poll() : queue.poll(wait, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                commitBlock(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable t) {
                LOG.error("ledger committer failed; the ledger stops accepting transactions", t);
                broken = t;
                batch.forEach(p -> p.result().completeExceptionally(new LedgerException("block not committed: " + t, t)));
                failQueued(t);
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void failQueued(Throwable t) {
        Pending p;
        while ((p = queue.poll()) != null) {
            p.result().completeExceptionally(new LedgerException("ledger stopped: " + t, t));
        }
    }

    private void commitBlock(List<Pending> batch) throws IOException {
        long number = headers.size();
        long cut = System.nanoTime();
        BlockValidation validation = new BlockValidation(state, validator, number);
        List<byte[]> entries = new ArrayList<>(batch.size());
        List<Transaction> txs = new ArrayList<>(batch.size());
        List<byte[]> leaves = new ArrayList<>(batch.size());
        LedgerMetrics m = metrics;
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            TxValidator.Verdict v = validation.next(p.envelope(), i, p.checked().join());
            Transaction tx = new Transaction(p.envelope(), v.status(), v.reason());
            byte[] bytes = tx.encode();
            txs.add(tx);
            entries.add(bytes);
            leaves.add(MerkleTree.leafHash(bytes));
            if (!v.valid()) {
                m.transactionRefused(v.status(), v.status() == TxStatus.CONTRACT_REJECTED
                        ? (p.refusalCode() == null ? "UNSPECIFIED" : p.refusalCode()) : v.cause());
            }
        }
        long firstLeaf = log.size();
        leaves.forEach(log::append);
        BlockHeader h = new BlockHeader(number, headers.get(headers.size() - 1).hash(), MerkleTree.root(leaves),
                log.size(), log.root(), System.currentTimeMillis(), entries.size());
        long validated = System.nanoTime();
        journal.append(new Block(h, entries));
        long written = System.nanoTime();
        validation.apply();
        headers.add(h);
        String blockHash = HEX.formatHex(h.hash());
        String root = HEX.formatHex(h.ledgerRoot());
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            TxRecord rec = index(h, i, firstLeaf + i, txs.get(i), p.proposal());
            Transaction tx = txs.get(i);
            TxResult result = new TxResult(rec.requestId(), rec.txId(), tx.valid(), tx.status().name(), tx.reason(),
                    h.number(), blockHash, h.treeSize(), root, tx.valid() ? tx.envelope().response() : null);
            p.result().complete(result);
        }
        m.blockCommitted(batch.size(), validated - cut, written - validated, System.nanoTime() - written);
    }

    private TxRecord index(BlockHeader h, int i, long leafIndex, Transaction tx, Proposal known) {
        Proposal p = known != null ? known : tx.envelope().proposal();
        TxRecord rec = new TxRecord(p.txId(), p.requestId(), p.contract(), p.function(), p.submitterMsp(), h.number(), i,
                leafIndex, tx.status(), tx.reason(), p.timestampMillis());
        byTxId.put(p.txId(), rec);
        if (known == null) {
            // rebuilt at start: a resubmitted request id gets this result again
            byRequestId.putIfAbsent(p.requestId(), CompletableFuture.completedFuture(new TxResult(p.requestId(), p.txId(),
                    tx.valid(), tx.status().name(), tx.reason(), h.number(), HEX.formatHex(h.hash()), h.treeSize(),
                    HEX.formatHex(h.ledgerRoot()), null)));
        }
        return rec;
    }

    // ---- reading ----

    @Override
    public Optional<String> evaluate(String mspId, String contract, String function, String... args) {
        OrgIdentity caller = consortium.find(mspId).orElseThrow(() -> new LedgerException("unknown organisation " + mspId));
        SimulationStub stub = new SimulationStub(state, options.channel(), "query-" + System.nanoTime(), Instant.now(),
                caller.serialized(), caller.mspId(), contract + ":" + function, List.of(args));
        try {
            return Optional.of(chaincode.invoke(contexts.forStub(stub), contract, function, List.of(args)));
        } catch (ChaincodeException e) {
            if (e.getPayload() != null && "NOT_FOUND".equals(new String(e.getPayload(), StandardCharsets.UTF_8))) {
                return Optional.empty();
            }
            throw new LedgerException(e.getMessage(), e);
        }
    }

    public LedgerHead head() {
        BlockHeader last = headers.get(headers.size() - 1);
        return new LedgerHead(last.treeSize(), HEX.formatHex(last.ledgerRoot()), last.number() + 1, HEX.formatHex(last.hash()));
    }

    public Optional<TxRecord> transaction(String txId) {
        return Optional.ofNullable(byTxId.get(txId));
    }

    public byte[] leafHash(long leafIndex) {
        return log.leaf((int) leafIndex);
    }

    /** Audit path of a leaf in the tree of the first {@code treeSize} transactions. */
    public List<byte[]> inclusionProof(long leafIndex, long treeSize) {
        return log.inclusionProof((int) leafIndex, (int) treeSize);
    }

    public List<byte[]> consistencyProof(long first, long second) {
        return log.consistencyProof((int) first, (int) second);
    }

    /** Root of the tree of the first {@code treeSize} transactions. */
    public byte[] root(long treeSize) {
        return log.root((int) treeSize);
    }

    /** Committed transaction count (size of the Merkle log as last published in a block). */
    public long size() {
        return head().treeSize();
    }

    @Override
    public String describe() {
        return "embedded ledger in " + options.dir();
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            committer.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failQueued(new LedgerException("ledger closed"));
        validators.shutdownNow();
        try {
            journal.close();
        } catch (IOException e) {
            LOG.warn("closing the journal failed", e);
        }
    }
}
