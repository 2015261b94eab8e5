package io.supplytwin.streams.credit;

import static io.supplytwin.core.credit.ExplanationFormat.fixed;

import io.supplytwin.core.catalogue.IndicatorCatalogue;
import io.supplytwin.core.credit.CreditCalculator;
import io.supplytwin.core.credit.CreditHistory;
import io.supplytwin.core.financing.FinancingTerms;
import io.supplytwin.core.financing.FinancingTermsCalculator;
import io.supplytwin.core.network.Enterprise;
import io.supplytwin.core.network.Role;
import io.supplytwin.core.network.SupplyNetwork;
import io.supplytwin.schemas.avro.CreditAssessment;
import io.supplytwin.schemas.avro.ExplanationItem;
import io.supplytwin.schemas.avro.ProbabilitySource;
import io.supplytwin.schemas.avro.RateBand;
import io.supplytwin.streams.TwinStreamsConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Credit C, the financing limit Lmax and the rate band of one enterprise, from its health H, the risk probability P
 * and its ledger history, as a {@code twin.credit} record with the explanation.
 *
 * <ul>
 *   <li>P: the latest RISK forecast's probability if it is at most {@code streams.risk-max-age} old (pSource MODEL);
 *       otherwise the fallback (pSource FALLBACK): {@code health} gives P = min(1, (1 − H) + fall of H within the drop
 *       window), {@code prior} gives the configured prior.</li>
 *   <li>M: the enterprise's own {@value #MONTHLY_REVENUE} reading when it has one, else the network model's monthly
 *       revenue, else 0. R: the network model's industry risk coefficient, else {@code streams.default-industry-risk}.
 *       The role (history cap of a) comes from the network model; unknown enterprises count as tier-2.</li>
 *   <li>Ledger history: contracts, on-time share of the repayments made so far (1 while none is due yet), fulfilled
 *       share of the contracts, defaults.</li>
 * </ul>
 */
public final class CreditScorer {

    /** Catalogue id of the revenue booked in the last 30 days: M when the enterprise reports it. */
    public static final String MONTHLY_REVENUE = "revenue_cny_month";

    public static final String FLAG_RISK_ALERT = "RISK_ALERT";
    public static final String FLAG_GUARANTEE = "GUARANTEE_REQUIRED";
    public static final String FLAG_P_FALLBACK = "P_FALLBACK";

    /** Inputs of one assessment besides the ledger history. */
    public record Inputs(String enterpriseId, long time, double health, double healthFall, double risk, long riskTime,
                         String riskModel, Map<String, Double> own) {
    }

    private final TwinStreamsConfig config;
    private final SupplyNetwork network;
    private final CreditCalculator credit = new CreditCalculator();
    private final FinancingTermsCalculator financing = new FinancingTermsCalculator();
    private final boolean revenueInCatalogue;

    public CreditScorer(TwinStreamsConfig config, SupplyNetwork network, IndicatorCatalogue catalogue) {
        this.config = config;
        this.network = network;
        this.revenueInCatalogue = catalogue.contains(MONTHLY_REVENUE);
    }

    public CreditAssessment assess(Inputs in, io.supplytwin.schemas.avro.CreditHistory ledger) {
        Optional<Enterprise> known = network.enterprise(in.enterpriseId());
        Role role = known.map(Enterprise::role).orElse(Role.TIER_2);
        boolean model = Double.isFinite(in.risk()) && in.time() - in.riskTime() <= config.riskMaxAge().toMillis();
        double p = model ? unit(in.risk()) : fallback(in.health(), in.healthFall());
        double h = unit(in.health());
        io.supplytwin.core.credit.CreditAssessment c = credit.assess(role, history(ledger), h, p);
        Double reported = revenueInCatalogue ? in.own().get(MONTHLY_REVENUE) : null;
        double m = reported != null && Double.isFinite(reported) && reported >= 0 ? reported
                : known.map(Enterprise::monthlyRevenue).orElse(0.0);
        double r = known.map(e -> e.industry().riskCoefficient()).orElse(config.defaultIndustryRisk());
        FinancingTerms terms = financing.terms(c, m, r);

        List<ExplanationItem> explanation = new ArrayList<>();
        if (!model) {
            String why = Double.isFinite(in.risk()) ? "The latest risk forecast (" + in.riskModel() + ") is older than "
                    + config.riskMaxAge() : "No risk forecast exists yet";
            String how = config.riskFallback() == TwinStreamsConfig.RiskFallback.PRIOR
                    ? "the configured prior P = " + fixed(p, 3)
                    : "P = (1 - H) + recent fall of H = " + fixed(1 - h, 3) + " + " + fixed(Math.max(0, in.healthFall()), 3) + " = "
                            + fixed(p, 3);
            explanation.add(new ExplanationItem("risk_probability_source", p, 0.0, why + ", so " + how + " is used."));
        }
        for (io.supplytwin.core.credit.ExplanationItem item : c.explanation()) {
            explanation.add(avro(item));
        }
        for (io.supplytwin.core.credit.ExplanationItem item : terms.explanation()) {
            explanation.add(avro(item));
        }
        List<String> flags = new ArrayList<>(3);
        if (terms.riskAlert()) {
            flags.add(FLAG_RISK_ALERT);
        }
        if (terms.guaranteeRequired()) {
            flags.add(FLAG_GUARANTEE);
        }
        if (!model) {
            flags.add(FLAG_P_FALLBACK);
        }
        return new CreditAssessment(in.enterpriseId(), Instant.ofEpochMilli(in.time()), c.c(), c.ch(), c.cr(), h, p,
                model ? ProbabilitySource.MODEL : ProbabilitySource.FALLBACK, c.a(), terms.limit(), m, r,
                RateBand.valueOf(terms.band().name()), terms.annualRatePct(), terms.guaranteeRequired(), flags, explanation);
    }

    /** C below this is the risk-alert band. */
    public double riskThreshold() {
        return financing.config().riskBelow();
    }

    /** The fallback P for a health H that fell by {@code fall} within the drop window. */
    public double fallback(double health, double fall) {
        if (config.riskFallback() == TwinStreamsConfig.RiskFallback.PRIOR) {
            return config.riskPrior();
        }
        return unit((1 - unit(health)) + Math.max(0, fall));
    }

    /** The ledger's counts as the credit model's rates. */
    static CreditHistory history(io.supplytwin.schemas.avro.CreditHistory ledger) {
        if (ledger == null || ledger.getContracts() <= 0) {
            return CreditHistory.NONE;
        }
        int contracts = ledger.getContracts();
        int repaid = Math.max(0, ledger.getOnTimeRepayments()) + Math.max(0, ledger.getLateRepayments());
        double onTime = repaid == 0 ? 1 : (double) Math.max(0, ledger.getOnTimeRepayments()) / repaid;
        double fulfilled = unit((double) ledger.getFulfilledContracts() / contracts);
        int defaults = Math.max(0, Math.min(contracts, ledger.getDefaults()));
        return new CreditHistory(contracts, unit(onTime), fulfilled, defaults);
    }

    private static ExplanationItem avro(io.supplytwin.core.credit.ExplanationItem item) {
        return new ExplanationItem(item.outcome() + "/" + item.factor(), item.value(), item.contribution(), item.sentence());
    }

    private static double unit(double v) {
        return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
    }
}
