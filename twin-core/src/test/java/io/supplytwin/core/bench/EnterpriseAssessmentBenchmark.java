package io.supplytwin.core.bench;

import io.supplytwin.core.credit.CreditAssessment;
import io.supplytwin.core.credit.CreditCalculator;
import io.supplytwin.core.credit.CreditHistory;
import io.supplytwin.core.credit.ExplanationItem;
import io.supplytwin.core.financing.FinancingTerms;
import io.supplytwin.core.financing.FinancingTermsCalculator;
import io.supplytwin.core.health.HealthIndex;
import io.supplytwin.core.health.HealthModel;
import io.supplytwin.core.network.Role;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Cost of what the streams layer does on every enterprise update: health H from the 12 key indicator
 * values, credit C, then financing terms. {@code weightedSumBaseline} is the bare arithmetic floor
 * (Σ wᵢ·xᵢ over 12 doubles) measured in the same run, so results can be read as a ratio.
 *
 * <p>Run: {@code ./mvnw -q -B -pl twin-core -Pbench verify -DskipTests} (see docs/health-and-credit.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EnterpriseAssessmentBenchmark {
    private static final int ENTERPRISES = 64; // cycle through inputs so nothing folds into a constant

    private HealthModel health;
    private CreditCalculator credit;
    private FinancingTermsCalculator financing;
    private double[][] keyValues;
    private double[] weights;
    private double[] risks;
    private CreditHistory[] histories;
    private Map<String, Double>[] enterprises;
    private List<List<Map<String, Double>>> equipment;
    private List<List<Map<String, Double>>> orders;
    private int next;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        health = HealthModel.standard();
        credit = new CreditCalculator();
        financing = new FinancingTermsCalculator();
        weights = health.ahp().weights().stream().mapToDouble(Double::doubleValue).toArray();
        Random random = new Random(7);
        keyValues = new double[ENTERPRISES][];
        risks = new double[ENTERPRISES];
        histories = new CreditHistory[ENTERPRISES];
        enterprises = new Map[ENTERPRISES];
        equipment = new ArrayList<>();
        orders = new ArrayList<>();
        for (int e = 0; e < ENTERPRISES; e++) {
            keyValues[e] = new double[] {80 + 20 * random.nextDouble(), 90 + 10 * random.nextDouble(),
                    3 + 12 * random.nextDouble(), 0.5 + 2 * random.nextDouble(), 60 + 40 * random.nextDouble(),
                    30 + 60 * random.nextDouble(), 30 + 40 * random.nextDouble(), -5 + 15 * random.nextDouble(),
                    0.8 + 2 * random.nextDouble(), 80 + 20 * random.nextDouble(), 80 + 20 * random.nextDouble(),
                    50 + 35 * random.nextDouble()};
            risks[e] = 0.3 * random.nextDouble();
            int contracts = random.nextInt(40);
            histories[e] = new CreditHistory(contracts, 0.8 + 0.2 * random.nextDouble(), 0.85 + 0.15 * random.nextDouble(),
                    contracts == 0 ? 0 : random.nextInt(Math.min(3, contracts) + 1));
            Map<String, Double> own = new HashMap<>();
            for (String id : List.of("inventory_turnover_ratio", "capital_turnover_ratio", "dso_days",
                    "debt_to_asset_pct", "net_profit_margin_pct", "current_ratio", "supplier_otif_pct")) {
                own.put(id, keyValues[e][2] + random.nextDouble());
            }
            enterprises[e] = own;
            List<Map<String, Double>> machines = new ArrayList<>();
            for (int m = 0; m < 6; m++) {
                machines.add(Map.of("availability_pct", 85 + 15 * random.nextDouble(), "oee_pct", 60 + 30 * random.nextDouble(),
                        "spindle_temp_c", 40 + 10 * random.nextDouble()));
            }
            equipment.add(machines);
            List<Map<String, Double>> book = new ArrayList<>();
            for (int o = 0; o < 8; o++) {
                book.add(Map.of("order_fill_rate_pct", 90 + 10 * random.nextDouble(),
                        "order_quality_pass_pct", 95 + 5 * random.nextDouble(), "delivery_delay_h", -24 + 48 * random.nextDouble()));
            }
            orders.add(book);
        }
    }

    private int nextEnterprise() {
        next = (next + 1) & (ENTERPRISES - 1);
        return next;
    }

    /** Floor: Σ wᵢ·xᵢ over 12 doubles with no normalisation, no objects. */
    @Benchmark
    public double weightedSumBaseline() {
        double[] x = keyValues[nextEnterprise()];
        double sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += weights[i] * x[i];
        }
        return sum;
    }

    /** The per-update path: H from 12 values, C, Lmax and rate band. */
    @Benchmark
    public FinancingTerms healthCreditTerms() {
        int e = nextEnterprise();
        HealthIndex h = health.assess(keyValues[e]);
        CreditAssessment c = credit.assess(Role.TIER_1, histories[e], h.h(), risks[e]);
        return financing.terms(c, 12_000_000, 0.2);
    }

    /** Same, plus building the credit officer's explanation text for both the score and the terms. */
    @Benchmark
    public List<ExplanationItem> healthCreditTermsWithExplanations() {
        int e = nextEnterprise();
        HealthIndex h = health.assess(keyValues[e]);
        CreditAssessment c = credit.assess(Role.TIER_1, histories[e], h.h(), risks[e]);
        FinancingTerms terms = financing.terms(c, 12_000_000, 0.2);
        List<ExplanationItem> all = new ArrayList<>(c.explanation());
        all.addAll(terms.explanation());
        return all;
    }

    /** Roll-up from 6 equipment and 8 order twins' latest readings, then H, C and terms. */
    @Benchmark
    public FinancingTerms rollUpHealthCreditTerms() {
        int e = nextEnterprise();
        HealthIndex h = health.assess(enterprises[e], equipment.get(e), orders.get(e));
        CreditAssessment c = credit.assess(Role.TIER_1, histories[e], h.h(), risks[e]);
        return financing.terms(c, 12_000_000, 0.2);
    }
}
