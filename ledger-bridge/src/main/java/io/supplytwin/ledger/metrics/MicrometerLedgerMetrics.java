package io.supplytwin.ledger.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.supplytwin.ledger.chain.EmbeddedLedger;
import io.supplytwin.ledger.chain.LedgerMetrics;
import io.supplytwin.ledger.chain.TxStatus;
import io.supplytwin.ledger.chain.TxValidator;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The embedded ledger's metrics in Micrometer (names as Prometheus shows them in {@code docs/metrics.md}):
 * transactions and blocks, block time with its phases as histograms, and the refused transactions by kind —
 * invalid signatures, endorsement failures, MVCC conflicts and contract refusals (rejected transitions).
 */
public final class MicrometerLedgerMetrics implements LedgerMetrics {

    static final String TRANSACTIONS = "supplytwin.ledger.transactions";
    static final String BLOCKS = "supplytwin.ledger.blocks";
    static final String BLOCK_TIME = "supplytwin.ledger.block.time";
    static final String BLOCK_PHASE = "supplytwin.ledger.block.phase";
    static final String INVALID_SIGNATURES = "supplytwin.ledger.invalid.signatures";
    static final String ENDORSEMENT_FAILURES = "supplytwin.ledger.endorsement.failures";
    static final String MVCC_CONFLICTS = "supplytwin.ledger.mvcc.conflicts";
    static final String REJECTED_TRANSITIONS = "supplytwin.ledger.rejected.transitions";

    private final MeterRegistry registry;
    private final Timer blockTime;
    private final Timer validate;
    private final Timer fsync;
    private final Timer apply;
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();

    public MicrometerLedgerMetrics(MeterRegistry registry, EmbeddedLedger ledger) {
        this.registry = registry;
        // rate() of the first gives ledger transactions per second (committed and rejected); the second, blocks cut
        FunctionCounter.builder(TRANSACTIONS, ledger, l -> l.head().treeSize())
                .description("transactions on the embedded ledger (committed and rejected)").register(registry);
        FunctionCounter.builder(BLOCKS, ledger, l -> l.head().blocks()).description("blocks on the embedded ledger")
                .register(registry);
        blockTime = histogram(Timer.builder(BLOCK_TIME).description("block cut to validated, fsync'd and committed"));
        validate = phase("validate");
        fsync = phase("fsync");
        apply = phase("apply");
        // the usual series exist from the start, at zero, so dashboards show a rate instead of no data
        TxValidator.CAUSES.forEach((status, causes) -> {
            if (status != TxStatus.CONTRACT_REJECTED) {
                causes.forEach(c -> counter(status, c));
            }
        });
        counter(TxStatus.CONTRACT_REJECTED, "INVALID_TRANSITION");
    }

    private Timer phase(String name) {
        return histogram(Timer.builder(BLOCK_PHASE).tag("phase", name)
                .description("one phase of committing a block: validate (cut to verdicts), fsync (write and force), "
                        + "apply (writes applied, submitters answered)"));
    }

    private Timer histogram(Timer.Builder b) {
        return b.publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
    }

    @Override
    public void blockCommitted(int transactions, long validateNanos, long fsyncNanos, long applyNanos) {
        validate.record(validateNanos, TimeUnit.NANOSECONDS);
        fsync.record(fsyncNanos, TimeUnit.NANOSECONDS);
        apply.record(applyNanos, TimeUnit.NANOSECONDS);
        blockTime.record(validateNanos + fsyncNanos + applyNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void transactionRefused(TxStatus status, String cause) {
        counter(status, cause).increment();
    }

    private Counter counter(TxStatus status, String cause) {
        String c = cause == null ? "unspecified" : cause;
        return refused.computeIfAbsent(status + "/" + c, k -> switch (status) {
            case BAD_SIGNATURE -> counter(INVALID_SIGNATURES, "reason", c, "transactions recorded BAD_SIGNATURE: unsigned, "
                    + "signed by another organisation than the proposal names, signature not verifying, proposal not decoding");
            case ENDORSEMENT_POLICY_FAILURE -> counter(ENDORSEMENT_FAILURES, "reason", c, "transactions recorded "
                    + "ENDORSEMENT_POLICY_FAILURE: an endorsement not verifying, or the policy not satisfied");
            case MVCC_READ_CONFLICT -> counter(MVCC_CONFLICTS, "reason", c, "transactions recorded MVCC_READ_CONFLICT: a key "
                    + "read was written earlier in the same block, or committed since simulation");
            case CONTRACT_REJECTED -> counter(REJECTED_TRANSITIONS, "code", c, "transactions the contract refused, recorded "
                    + "CONTRACT_REJECTED, by the contract's code (INVALID_TRANSITION, LIMIT, FORBIDDEN, ...)");
            case VALID -> throw new IllegalArgumentException("a valid transaction is not refused");
        });
    }

    private Counter counter(String name, String tag, String value, String description) {
        return Counter.builder(name).tag(tag, value).description(description).register(registry);
    }
}
