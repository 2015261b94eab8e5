package io.supplytwin.ledger.bench;

import io.supplytwin.ledger.bridge.CredentialBook;
import io.supplytwin.ledger.bridge.RequestProcessor;
import io.supplytwin.ledger.chain.EmbeddedLedger;
import io.supplytwin.ledger.chain.Journal;
import io.supplytwin.ledger.chain.JournalVerification;
import io.supplytwin.ledger.chain.LedgerMetrics;
import io.supplytwin.ledger.chain.MerkleTree;
import io.supplytwin.ledger.identity.Consortium;
import io.supplytwin.ledger.identity.OrgIdentity;
import io.supplytwin.schemas.avro.CreditAssessment;
import io.supplytwin.schemas.avro.LedgerReceipt;
import io.supplytwin.schemas.avro.LedgerRequest;
import io.supplytwin.schemas.avro.LedgerRequestType;
import io.supplytwin.schemas.avro.ProbabilitySource;
import io.supplytwin.schemas.avro.RateBand;
import io.supplytwin.schemas.avro.ReceiptStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives whole financing lifecycles (apply, evaluate, approve, fund, repay: five transactions per case) through
 * the same request processor the Kafka bridge uses, on an embedded ledger with one fsync per block, and measures
 * transactions per second and request→receipt latency. In the same run it measures two baselines: appending the
 * very journal bytes again with the same fsyncs (the disk's share), and SHA-256 + one ECDSA signature per
 * transaction (what the per-transaction signing of a naive design would cost).
 */
public final class LedgerBenchmark {

    /** What to run. */
    public record Plan(int cases, int warmupCases, int batch, int clients, int blockSize, Duration blockTimeout, Path dir) {
    }

    /** What came out. */
    public record Result(long transactions, long committed, double seconds, double txPerSecond, double p50Millis,
            double p99Millis, double maxMillis, double cpuMicrosPerTx, long blocks, double blockP50Millis, double blockP99Millis,
            double fsyncBaselineTxPerSecond, double signBaselineTxPerSecond, double verifySeconds, boolean journalOk) {
    }

    /** Block times as the committer reports them to operators' metrics, kept whole for exact percentiles. */
    private static final class BlockTimes implements LedgerMetrics {
        private final List<long[]> blocks = new ArrayList<>();
        private volatile boolean measuring;

        @Override
        public synchronized void blockCommitted(int transactions, long validateNanos, long fsyncNanos, long applyNanos) {
            if (measuring) {
                blocks.add(new long[] {validateNanos + fsyncNanos + applyNanos, validateNanos, fsyncNanos, applyNanos});
            }
        }

        synchronized double percentileMillis(double q) {
            long[] total = blocks.stream().mapToLong(b -> b[0]).sorted().toArray();
            return total.length == 0 ? 0 : total[Math.min(total.length - 1, (int) Math.ceil(total.length * q) - 1)] / 1e6;
        }

        synchronized double meanMillis(int phase) {
            return blocks.stream().mapToLong(b -> b[phase]).average().orElse(0) / 1e6;
        }
    }

    private static final LedgerRequestType[] STEPS = {LedgerRequestType.APPLY, LedgerRequestType.EVALUATE,
            LedgerRequestType.APPROVE, LedgerRequestType.FUND, LedgerRequestType.REPAY};

    private final Plan plan;
    private final PrintWriter out;

    public LedgerBenchmark(Plan plan, PrintWriter out) {
        this.plan = plan;
        this.out = out;
    }

    public Result run() throws Exception {
        Files.createDirectories(plan.dir());
        CredentialBook credentials = new CredentialBook();
        long total = (long) plan.cases() * STEPS.length;
        AtomicLong done = new AtomicLong();
        AtomicLong committed = new AtomicLong();
        long[] latencies = new long[(int) total];
        AtomicLong latencyCount = new AtomicLong();
        EmbeddedLedger ledger = EmbeddedLedger.open(new EmbeddedLedger.Options(plan.dir(), plan.blockSize(),
                plan.blockTimeout(), "supplychain"), Consortium.loadOrCreate(plan.dir().resolve("msp")));
        long blocksBefore = ledger.head().blocks();
        BlockTimes blockTimes = new BlockTimes();
        ledger.reportTo(blockTimes);
        RequestProcessor processor = new RequestProcessor(ledger, credentials);
        out.printf("ledger bench: %d cases x %d steps = %d transactions, %d clients, batches of %d, blocks of %d / %d ms, fsync per block%n",
                plan.cases(), STEPS.length, total, plan.clients(), plan.batch(), plan.blockSize(), plan.blockTimeout().toMillis());
        out.flush();
        ExecutorService pool = Executors.newFixedThreadPool(plan.clients());
        String runId = Long.toString(System.currentTimeMillis(), 36);
        // one enterprise per case, so concurrent clients never touch the same credit record
        for (int e = 0; e < plan.cases(); e++) {
            CreditAssessment a = assessment(runId + "-E" + e);
            credentials.update(a, a.toByteBuffer().array());
        }
        for (int e = 0; e < plan.warmupCases(); e++) {
            CreditAssessment a = assessment(runId + "w-E" + e);
            credentials.update(a, a.toByteBuffer().array());
        }
        if (plan.warmupCases() > 0) {
            out.printf("warm-up: %d cases (not measured)%n", plan.warmupCases());
            out.flush();
            drive(pool, processor, runId + "w", plan.warmupCases(), new AtomicLong(), new AtomicLong(),
                    new long[plan.warmupCases() * STEPS.length], new AtomicLong());
            blocksBefore = ledger.head().blocks();
        }
        blockTimes.measuring = true;
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        Thread progress = new Thread(() -> report(done, total, t0), "bench-progress");
        progress.setDaemon(true);
        progress.start();
        drive(pool, processor, runId, plan.cases(), done, committed, latencies, latencyCount);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuPerTx = (processCpuNanos() - cpu0) / 1e3 / total;
        pool.shutdown();
        progress.interrupt();
        long blocks = ledger.head().blocks() - blocksBefore;
        long fileBlocks = ledger.head().blocks();
        long fileTransactions = ledger.head().treeSize();
        ledger.close();
        long[] lat = Arrays.copyOf(latencies, (int) latencyCount.get());
        Arrays.sort(lat);
        double p50 = lat[lat.length / 2] / 1e6;
        double p99 = lat[Math.min(lat.length - 1, (int) Math.ceil(lat.length * 0.99) - 1)] / 1e6;
        double max = lat[lat.length - 1] / 1e6;
        out.printf("ledger: %d transactions (%d committed) in %.2f s = %.0f tx/s; request->receipt p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d blocks%n",
                total, committed.get(), seconds, total / seconds, p50, p99, max, blocks);
        // CPU time is what a busy shared machine changes least: the work per transaction, not the wait for a core
        out.printf("process CPU time per transaction: %.0f us (%.2f cores busy on average)%n", cpuPerTx,
                cpuPerTx * total / 1e6 / seconds);
        double blockP50 = blockTimes.percentileMillis(0.5);
        double blockP99 = blockTimes.percentileMillis(0.99);
        out.printf("block time (cut to committed) p50 %.1f ms, p99 %.1f ms; mean validate %.1f ms, fsync %.1f ms, apply %.1f ms%n",
                blockP50, blockP99, blockTimes.meanMillis(1), blockTimes.meanMillis(2), blockTimes.meanMillis(3));
        out.flush();

        double fsyncTps = fsyncBaseline(plan.dir().resolve(Journal.FILE_NAME), fileBlocks, fileTransactions);
        out.printf("baseline 1, raw appends of the same journal bytes with the same %d fsyncs: %.0f tx/s (ledger at %.2fx)%n",
                fileBlocks, fsyncTps, (total / seconds) / fsyncTps);
        double signTps = signBaseline(Math.min(3000, (int) total));
        out.printf("baseline 2, SHA-256 + one ECDSA P-256 signature per transaction, one thread: %.0f tx/s (ledger at %.2fx)%n",
                signTps, (total / seconds) / signTps);
        long v0 = System.nanoTime();
        JournalVerification v = JournalVerification.of(plan.dir());
        double verifySeconds = (System.nanoTime() - v0) / 1e9;
        out.printf("journal verify: %s, %d blocks, %d transactions in %.2f s%n", v.ok() ? "ok" : "BAD " + v.reason(),
                v.blocks(), v.transactions(), verifySeconds);
        out.flush();
        return new Result(total, committed.get(), seconds, total / seconds, p50, p99, max, cpuPerTx, blocks, blockP50, blockP99,
                fsyncTps, signTps, verifySeconds, v.ok());
    }

    /** Runs {@code cases} lifecycles, {@code plan.batch()} cases per client task, one step per processed batch. */
    private void drive(ExecutorService pool, RequestProcessor processor, String runId, int cases, AtomicLong done,
            AtomicLong committed, long[] latencies, AtomicLong latencyCount) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        int chunks = (cases + plan.batch() - 1) / plan.batch();
        for (int c = 0; c < chunks; c++) {
            int from = c * plan.batch();
            int to = Math.min(cases, from + plan.batch());
            futures.add(pool.submit(() -> {
                for (LedgerRequestType step : STEPS) {
                    List<LedgerRequest> batch = new ArrayList<>(to - from);
                    for (int i = from; i < to; i++) {
                        batch.add(request(runId, i, step));
                    }
                    long s = System.nanoTime();
                    RequestProcessor.Outcome o = processor.process(batch);
                    long took = System.nanoTime() - s;
                    for (LedgerReceipt r : o.receipts()) {
                        if (r.getStatus() == ReceiptStatus.COMMITTED) {
                            committed.incrementAndGet();
                        }
                        latencies[(int) latencyCount.getAndIncrement()] = took;
                    }
                    done.addAndGet(batch.size());
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }

    private void report(AtomicLong done, long total, long t0) {
        long last = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            long now = done.get();
            out.printf("  %6.1f s  %,d / %,d transactions  %,d tx/s%n", (System.nanoTime() - t0) / 1e9, now, total, now - last);
            out.flush();
            last = now;
        }
    }

    private static LedgerRequest request(String runId, int caseIndex, LedgerRequestType step) {
        String submitter = switch (step) {
            case APPLY, REPAY -> "supplier";
            default -> "bank";
        };
        Double amount = switch (step) {
            case APPLY, FUND, REPAY -> 1000.0;
            default -> null;
        };
        return LedgerRequest.newBuilder().setRequestId(runId + "-" + caseIndex + "-" + step).setContractId(runId + "-C" + caseIndex)
                .setType(step).setEnterpriseId(runId + "-E" + caseIndex).setSubmitterOrg(submitter)
                .setAmount(amount).setAttributes(Map.of()).setTime(Instant.now()).build();
    }

    static CreditAssessment assessment(String enterprise) {
        return CreditAssessment.newBuilder().setEnterpriseId(enterprise).setTime(Instant.now()).setC(0.83).setCh(0.8)
                .setCr(0.85).setH(0.81).setP(0.1).setPSource(ProbabilitySource.MODEL).setA(0.4).setLmax(50_000)
                .setMonthlyRevenue(80_000).setIndustryRisk(0.25).setRateBand(RateBand.PREFERENTIAL).setRate(0.045)
                .setGuaranteeRequired(false).build();
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Appends the journal's bytes again in as many fsync'd writes as the ledger made blocks. */
    static double fsyncBaseline(Path journal, long blocks, long transactions) throws IOException {
        byte[] bytes = Files.readAllBytes(journal);
        Path copy = journal.resolveSibling("baseline.append");
        int chunk = (int) Math.max(1, bytes.length / Math.max(1, blocks));
        long t0 = System.nanoTime();
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int off = 0; off < bytes.length; off += chunk) {
                ByteBuffer b = ByteBuffer.wrap(bytes, off, Math.min(chunk, bytes.length - off));
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(false);
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        Files.deleteIfExists(copy);
        return transactions / s;
    }

    /** SHA-256 of a typical proposal and one ECDSA signature, per transaction. */
    static double signBaseline(int n) {
        OrgIdentity bank = Consortium.generate("BankMSP");
        byte[] proposal = ("a typical financing proposal of about three hundred bytes " + "x".repeat(240))
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 200; i++) {
            bank.sign(MerkleTree.sha256(proposal)); // warm up
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            bank.sign(MerkleTree.sha256(proposal));
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }
}
