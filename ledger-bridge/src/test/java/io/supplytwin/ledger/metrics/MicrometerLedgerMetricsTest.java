package io.supplytwin.ledger.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.supplytwin.ledger.LedgerFixture;
import io.supplytwin.ledger.chain.EmbeddedLedger;
import io.supplytwin.ledger.chain.Envelope;
import io.supplytwin.ledger.identity.BatchSignature;
import io.supplytwin.platform.metrics.PlatformMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What operators see of the committer: refused transactions counted by kind, block time as histograms. */
class MicrometerLedgerMetricsTest {

    @TempDir
    Path dir;
    LedgerFixture f;
    EmbeddedLedger ledger;
    PlatformMetrics metrics;
    MeterRegistry registry;

    @BeforeEach
    void open() throws Exception {
        f = new LedgerFixture(dir);
        ledger = f.ledger;
        metrics = new PlatformMetrics("test");
        registry = metrics.registry();
        ledger.reportTo(new MicrometerLedgerMetrics(registry, ledger));
        f.apply("C1", "E1", 1000);
    }

    @AfterEach
    void close() {
        f.close();
        metrics.close();
    }

    private Envelope evaluation() {
        return f.endorsedEvaluation("C1");
    }

    private double count(String name, String tag, String value) {
        var c = registry.find(name).tag(tag, value).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aRejectedEndorsementIsCountedByReason() {
        Envelope e = evaluation();
        List<BatchSignature> bankOnly = e.endorsements().stream().filter(s -> s.mspId().equals("BankMSP")).toList();
        assertThat(ledger.order(e.withEndorsements(bankOnly)).join().status()).isEqualTo("ENDORSEMENT_POLICY_FAILURE");
        // the submitter's signature covers the proposal, not the outcome: as an endorsement it does not verify
        Envelope misused = e.withEndorsements(List.of(bankOnly.get(0), e.submitterSignature()));
        assertThat(ledger.order(misused).join().status()).isEqualTo("ENDORSEMENT_POLICY_FAILURE");
        assertThat(count(MicrometerLedgerMetrics.ENDORSEMENT_FAILURES, "reason", "policy_unsatisfied")).isEqualTo(1);
        assertThat(count(MicrometerLedgerMetrics.ENDORSEMENT_FAILURES, "reason", "invalid_signature")).isEqualTo(1);
        assertThat(count(MicrometerLedgerMetrics.INVALID_SIGNATURES, "reason", "unsigned")).isZero();
    }

    @Test
    void invalidSignaturesMvccConflictsAndRejectedTransitionsAreCountedApart() {
        assertThat(ledger.order(evaluation().withSubmitterSignature(null)).join().status()).isEqualTo("BAD_SIGNATURE");
        Envelope first = evaluation();
        Envelope second = evaluation(); // simulated on the same state as the first
        assertThat(ledger.order(first).join().committed()).isTrue();
        assertThat(ledger.order(second).join().status()).isEqualTo("MVCC_READ_CONFLICT");
        assertThat(f.fund("C1", 10).status()).isEqualTo("CONTRACT_REJECTED"); // EVALUATED, not approved
        assertThat(f.fund("C9", 10).status()).isEqualTo("CONTRACT_REJECTED"); // no such case

        assertThat(count(MicrometerLedgerMetrics.INVALID_SIGNATURES, "reason", "unsigned")).isEqualTo(1);
        assertThat(count(MicrometerLedgerMetrics.MVCC_CONFLICTS, "reason", "stale")).isEqualTo(1);
        assertThat(count(MicrometerLedgerMetrics.MVCC_CONFLICTS, "reason", "in_block")).isZero();
        assertThat(count(MicrometerLedgerMetrics.REJECTED_TRANSITIONS, "code", "INVALID_TRANSITION")).isEqualTo(1);
        assertThat(count(MicrometerLedgerMetrics.REJECTED_TRANSITIONS, "code", "NOT_FOUND")).isEqualTo(1);
        assertThat(count(MicrometerLedgerMetrics.ENDORSEMENT_FAILURES, "reason", "policy_unsatisfied")).isZero();
    }

    @Test
    void everyBlockIsTimedWithItsPhases() {
        f.evaluate("C1", 900);
        f.approve("C1");
        // three blocks since the ledger opened (apply, evaluate, approve); a block is timed once its submitters
        // have their answers, so the last one may be recorded just after approve() returns
        Timer block = registry.find(MicrometerLedgerMetrics.BLOCK_TIME).timer();
        List<Timer> phases = List.of("validate", "fsync", "apply").stream()
                .map(p -> registry.find(MicrometerLedgerMetrics.BLOCK_PHASE).tag("phase", p).timer()).toList();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(block.count()).isEqualTo(3);
            assertThat(phases).allSatisfy(t -> assertThat(t.count()).isEqualTo(3));
        });
        assertThat(phases).allSatisfy(t -> assertThat(t.totalTime(TimeUnit.NANOSECONDS)).isPositive());
        assertThat(block.totalTime(TimeUnit.NANOSECONDS))
                .isEqualTo(phases.stream().mapToDouble(t -> t.totalTime(TimeUnit.NANOSECONDS)).sum(), within(1e3));
        assertThat(registry.find(MicrometerLedgerMetrics.TRANSACTIONS).functionCounter().count()).isEqualTo(3);
        assertThat(metrics.scrape()).contains("supplytwin_ledger_block_time_seconds_bucket{");
    }

    /** docs/metrics.md is the catalogue operators and the dashboards rely on: every ledger series is in it. */
    @Test
    void everyLedgerSeriesIsDocumented() throws Exception {
        f.fund("C1", 10);
        String docs = Files.readString(Path.of("..", "docs", "metrics.md"));
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^(supplytwin_ledger_[a-z_]+?)(_bucket|_count|_sum|_max)?[{ ]").matcher(metrics.scrape());
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).contains("supplytwin_ledger_block_time_seconds", "supplytwin_ledger_endorsement_failures_total",
                "supplytwin_ledger_mvcc_conflicts_total", "supplytwin_ledger_rejected_transitions_total",
                "supplytwin_ledger_invalid_signatures_total", "supplytwin_ledger_transactions_total");
        assertThat(names).allSatisfy(n -> assertThat(docs).as("docs/metrics.md lists %s", n).contains("`" + n + "`"));
    }
}
