package io.supplytwin.sim.scenario;

import io.supplytwin.core.catalogue.Level;
import io.supplytwin.core.credit.CreditCalculator;
import io.supplytwin.core.credit.CreditHistory;
import io.supplytwin.core.financing.FinancingTermsCalculator;
import io.supplytwin.core.health.HealthModel;
import io.supplytwin.core.network.ReferenceNetwork;
import io.supplytwin.core.network.Role;
import io.supplytwin.sim.model.EnterpriseState;
import io.supplytwin.sim.model.Reading;
import io.supplytwin.sim.model.SupplyChainModel;
import io.supplytwin.sim.shock.Shock;
import io.supplytwin.sim.shock.ShockKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/**
 * Runs one financing scenario over the simulated network at a 1-hour step. Firms apply for receivables finance
 * when their cash runs short; the lender scores them the way the mode allows (statements, the core's credit
 * passed down, or live health from the twin with ledger history) and decides after the mode's approval time.
 * Health and credit are twin-core's own computations on the simulated indicators, in-process: this does not yet
 * go through the live MQTT → bridge → streams → ledger pipeline.
 */
public final class ScenarioRunner {
    private static final double DAY = 24;

    private final ScenarioParameters p;
    private final long seed;
    private final int days;
    private final HealthModel healthModel = HealthModel.standard();
    private final CreditCalculator credit = new CreditCalculator();
    private final FinancingTermsCalculator terms = new FinancingTermsCalculator();

    public ScenarioRunner(ScenarioParameters parameters, long seed, int days) {
        if (days < 30) {
            throw new IllegalArgumentException("a scenario needs at least 30 days, got " + days);
        }
        this.p = parameters;
        this.seed = seed;
        this.days = days;
    }

    private static final class Loan {
        int firm;
        double principal;
        double outstanding;
        double ratePct;
        double dueHour;
        boolean closed;
    }

    private static final class Application {
        int firm;
        int day;
        double amount;
        double score;
        double decisionHour;
        boolean approved;
        double ratePct;
        double transparency;
    }

    private static final class Ledger {
        int contracts;
        int onTime;
        int fulfilled;
        int defaults;

        CreditHistory history() {
            return contracts == 0 ? CreditHistory.NONE
                    : new CreditHistory(contracts, (double) onTime / contracts, (double) fulfilled / contracts, defaults);
        }
    }

    public ScenarioResult run(Scenario mode, DoubleConsumer progress) {
        SupplyChainModel model = new SupplyChainModel(ReferenceNetwork.create(), seed, 1);
        model.setOverdraft(false);
        backgroundShocks(model);
        List<EnterpriseState> firms = model.enterprises();
        int n = firms.size();
        SplittableRandom timing = new SplittableRandom(seed * 31 + mode.ordinal());
        double[][] liveH = new double[days + 1][n];
        double[][] statementH = new double[1][];
        double statementTaken = 0;
        double[] completeness = new double[n];
        boolean[][] distressed = new boolean[days + 1][n];
        Ledger[] ledgers = new Ledger[n];
        Arrays.setAll(ledgers, i -> new Ledger());
        Application[] pending = new Application[n];
        Loan[] active = new Loan[n];
        List<Application> applications = new ArrayList<>();
        List<Loan> loans = new ArrayList<>();
        double lent = 0;
        double lost = 0;
        double[] approvalSum = new double[days + 1];
        int[] approvalCount = new int[days + 1];
        double[] badDebtSeries = new double[days + 1];
        double[] scoreSum = new double[days + 1];
        int[] scoreCount = new int[days + 1];
        double[] shortSeries = new double[days + 1];
        double bufferDays = p.get("need.buffer.days");
        double step = p.get("step.hours");
        double stepsPerDay = DAY / step;
        double nextStatement = 0;
        double[] pendingStatement = null;
        double pendingStatementAvailable = 0;
        double pendingStatementTaken = 0;

        for (int day = 0; day <= days; day++) {
            // daily: health of every firm from its readings, as the twin would see it
            healthToday(model, liveH[day], completeness);
            if (day * DAY >= nextStatement) {
                pendingStatement = liveH[day].clone();
                pendingStatementTaken = day * DAY;
                pendingStatementAvailable = day == 0 ? 0 : day * DAY + p.get("statement.lag.days") * DAY;
                nextStatement += p.get("statement.period.days") * DAY;
            }
            if (pendingStatement != null && day * DAY >= pendingStatementAvailable) {
                statementH[0] = pendingStatement;
                statementTaken = pendingStatementTaken;
                pendingStatement = null;
            }
            double now = model.hours();
            int shortOfCash = 0;
            for (int i = 0; i < n; i++) {
                EnterpriseState e = firms.get(i);
                distressed[day][i] = e.defaulted() || e.oldestOverduePayableDays(now) - e.payHabitDays() > 30;
                if (e.cash() < 0) {
                    shortOfCash++;
                }
                if (day == days || e.defaulted() || pending[i] != null || active[i] != null) {
                    continue;
                }
                double buffer = bufferDays * e.dailyCosts();
                if (e.cash() >= buffer) {
                    continue;
                }
                double amount = Math.min(p.get("need.target.days") * e.dailyCosts() - e.cash(), p.get("advance.rate") * e.receivables());
                if (amount <= 0) {
                    continue;
                }
                Application a = new Application();
                a.firm = i;
                a.day = day;
                a.amount = amount;
                a.score = score(mode, model, i, day, liveH, statementH[0], ledgers[i]);
                a.transparency = transparency(mode, now - statementTaken, completeness[i]);
                double wait = approvalDays(mode, timing) * DAY;
                if (a.score < 0.6) {
                    wait += p.get("guarantee.extra.days") * DAY;
                }
                a.decisionHour = now + wait;
                a.approved = a.score >= p.get("decline.below");
                double bandRate = terms.terms(a.score, e.enterprise().monthlyRevenue(), e.enterprise().industry().riskCoefficient()).annualRatePct()
                        - terms.config().baseRatePct();
                a.ratePct = p.get("rate.lpr.pct") + p.get("rate.sme.spread.pct") + bandRate
                        + p.get("rate.opacity.premium.pct") * (1 - a.transparency);
                pending[i] = a;
                applications.add(a);
                scoreSum[day] += a.score;
                scoreCount[day]++;
            }
            shortSeries[day] = (double) shortOfCash / n;
            if (day == days) {
                break;
            }
            for (int h = 0; h < stepsPerDay; h++) {
                model.step(step);
                now = model.hours();
                for (int i = 0; i < n; i++) {
                    EnterpriseState e = firms.get(i);
                    Application a = pending[i];
                    if (a != null && now >= a.decisionHour) {
                        pending[i] = null;
                        int decidedDay = Math.min(days, (int) (now / DAY));
                        approvalSum[decidedDay] += a.decisionHour - a.day * DAY;
                        approvalCount[decidedDay]++;
                        if (a.approved) {
                            double limit = e.enterprise().monthlyRevenue() * a.score * (1 - e.enterprise().industry().riskCoefficient());
                            double principal = Math.min(a.amount, limit);
                            if (principal > 0) {
                                Loan loan = new Loan();
                                loan.firm = i;
                                loan.principal = principal;
                                loan.outstanding = principal;
                                loan.ratePct = a.ratePct;
                                loan.dueHour = now + p.get("tenor.days") * DAY;
                                e.borrow(principal);
                                lent += principal;
                                active[i] = loan;
                                loans.add(loan);
                            }
                        }
                    }
                    Loan loan = active[i];
                    if (loan == null) {
                        continue;
                    }
                    loan.outstanding *= 1 + loan.ratePct / 100 * step / (365 * DAY);
                    boolean sweep = mode != Scenario.BASELINE;
                    if (now >= loan.dueHour || sweep) {
                        // on a ledger the financed receivable pays the lender as it comes in; otherwise the firm repays at maturity
                        double keep = sweep && now < loan.dueHour ? bufferDays * e.dailyCosts() : 0;
                        loan.outstanding -= e.repay(Math.min(loan.outstanding, Math.max(0, e.cash() - keep)));
                    }
                    if (loan.outstanding <= 1e-6) {
                        close(loan, ledgers[i], active, now <= loan.dueHour, true);
                    } else if (now > loan.dueHour + p.get("grace.days") * DAY || e.defaulted()) {
                        lost += loan.outstanding * (1 - p.get("recovery.rate"));
                        ledgers[i].defaults++;
                        close(loan, ledgers[i], active, false, false);
                        distressed[Math.min(days, (int) (now / DAY))][i] = true;
                    }
                }
            }
            badDebtSeries[day] = lent > 0 ? 100 * lost / lent : 0;
            progress.accept((day + 1.0) / days);
        }
        // loans still open at the end: count what cannot be repaid from the firm's position as at risk, not lost
        double[] approvalHours = applications.stream().filter(a -> a.decisionHour <= days * DAY)
                .mapToDouble(a -> a.decisionHour - a.day * DAY).sorted().toArray();
        double[] daily = new double[days + 1];
        double[] dailyScore = new double[days + 1];
        for (int d = 0; d <= days; d++) {
            daily[d] = approvalCount[d] > 0 ? approvalSum[d] / approvalCount[d] / DAY : Double.NaN;
            dailyScore[d] = scoreCount[d] > 0 ? scoreSum[d] / scoreCount[d] : Double.NaN;
        }
        double weightedRate = 0;
        double principal = 0;
        for (Loan l : loans) {
            weightedRate += l.ratePct * l.principal;
            principal += l.principal;
        }
        int approved = (int) applications.stream().filter(a -> a.approved).count();
        double transparency = applications.stream().mapToDouble(a -> a.transparency).average().orElse(Double.NaN);
        List<double[]> scored = new ArrayList<>();
        int distressCount = 0;
        for (Application a : applications) {
            if (a.day + 30 > days) {
                continue; // too little time left to see the outcome
            }
            boolean bad = false;
            for (int d = a.day + 1; d <= Math.min(days, a.day + 90); d++) {
                bad |= distressed[d][a.firm];
            }
            distressCount += bad ? 1 : 0;
            scored.add(new double[] {a.score, bad ? 1 : 0});
        }
        return new ScenarioResult(mode, days, applications.size(), approved, mean(approvalHours),
                percentile(approvalHours, 0.9), principal > 0 ? weightedRate / principal : Double.NaN,
                lent > 0 ? 100 * lost / lent : 0, transparency, auc(scored), distressCount, lent,
                new ScenarioSeries(daily, badDebtSeries, dailyScore, shortSeries));
    }

    private static void close(Loan loan, Ledger ledger, Loan[] active, boolean onTime, boolean fulfilled) {
        loan.closed = true;
        active[loan.firm] = null;
        ledger.contracts++;
        ledger.onTime += onTime ? 1 : 0;
        ledger.fulfilled += fulfilled ? 1 : 0;
    }

    /** The credit score C the lender sees in this mode. */
    private double score(Scenario mode, SupplyChainModel model, int firm, int day, double[][] liveH, double[] statementH,
                         Ledger ledger) {
        EnterpriseState e = model.enterprises().get(firm);
        double staticRisk = p.get("static.risk.p");
        return switch (mode) {
            case BASELINE -> credit.assess(e.role(), ledger.history(), statementH[firm], staticRisk).c();
            case BLOCKCHAIN -> {
                int core = 0;
                for (int i = 0; i < model.enterprises().size(); i++) {
                    if (model.enterprises().get(i).role() == Role.CORE) {
                        core = i;
                    }
                }
                double passedDown = statementH[core] * Math.pow(p.get("blockchain.tier.discount"), e.role().tier());
                yield credit.assess(e.role(), ledger.history(), passedDown, staticRisk).c();
            }
            case DT_BLOCKCHAIN -> {
                double h = liveH[day][firm];
                double weekAgo = liveH[Math.max(0, day - 7)][firm];
                // stand-in for the 30-day risk forecast: a falling health index signals risk
                double risk = Math.max(0, Math.min(1, 0.05 + 3 * Math.max(0, weekAgo - h)));
                yield credit.assess(e.role(), ledger.history(), h, risk).c();
            }
        };
    }

    /**
     * Transparency index: the weighted share of financing-relevant facts a lender can verify at decision time,
     * each counted by how verifiable it is (ledger 1, paper checked by hand 0.5, self-declared 0) and how fresh.
     */
    double transparency(Scenario mode, double statementAgeHours, double telemetryCompleteness) {
        double ledger = mode == Scenario.BASELINE ? p.get("verifiable.paper") : p.get("verifiable.ledger");
        double tradeFacts = p.get("fact.identity.weight") + p.get("fact.trade-contract.weight") + p.get("fact.delivery-proof.weight")
                + p.get("fact.invoice.weight") + p.get("fact.receivable-confirmation.weight") + p.get("fact.repayment-history.weight");
        double statementFreshness = Math.exp(-(statementAgeHours / DAY + p.get("statement.lag.days")) / p.get("freshness.days"));
        double operational;
        double financial;
        if (mode == Scenario.DT_BLOCKCHAIN) {
            operational = p.get("verifiable.ledger") * telemetryCompleteness;
            financial = p.get("verifiable.ledger") * telemetryCompleteness;
        } else {
            operational = 0;
            financial = p.get("verifiable.paper") * statementFreshness;
        }
        return tradeFacts * ledger + p.get("fact.operational-state.weight") * operational
                + p.get("fact.financial-state.weight") * financial;
    }

    private double approvalDays(Scenario mode, SplittableRandom r) {
        double mean = p.get(mode.parameterPrefix() + ".approval.mean.days");
        double cv = p.get(mode.parameterPrefix() + ".approval.cv");
        double sigma2 = Math.log(1 + cv * cv);
        return mean * Math.exp(Math.sqrt(sigma2) * r.nextGaussian() - sigma2 / 2);
    }

    private void healthToday(SupplyChainModel model, double[] out, double[] completeness) {
        Map<String, Map<String, Double>> enterprise = new HashMap<>();
        Map<String, List<Map<String, Double>>> equipment = new HashMap<>();
        Map<String, List<Map<String, Double>>> orders = new HashMap<>();
        for (Reading r : model.readings()) {
            if (r.level() == Level.ENTERPRISE) {
                enterprise.put(r.enterpriseId(), r.values());
            } else {
                (r.level() == Level.EQUIPMENT ? equipment : orders).computeIfAbsent(r.enterpriseId(), k -> new ArrayList<>()).add(r.values());
            }
        }
        List<EnterpriseState> firms = model.enterprises();
        for (int i = 0; i < firms.size(); i++) {
            String id = firms.get(i).id();
            Map<String, Double> own = enterprise.get(id);
            out[i] = healthModel.assess(own, equipment.getOrDefault(id, List.of()), orders.getOrDefault(id, List.of())).h();
            completeness[i] = own.get("telemetry_completeness_pct") / 100 * own.get("gateway_uptime_pct") / 100;
        }
    }

    private void backgroundShocks(SupplyChainModel model) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5EED5EEDL);
        double hours = days * DAY;
        double scale = days / 180.0;
        List<EnterpriseState> firms = model.enterprises();
        for (EnterpriseState e : firms) {
            double expected = p.get("shock.machine-failures.per-firm") * scale;
            int count = (int) expected + (r.nextDouble() < expected - (int) expected ? 1 : 0);
            for (int k = 0; k < count; k++) {
                model.inject(new Shock(ShockKind.MACHINE_FAILURE, e.id(), r.nextDouble() * hours, 24 + 48 * r.nextDouble(),
                        0.5 + 0.5 * r.nextDouble()));
            }
            if (r.nextDouble() < p.get("shock.late-payer.share")) {
                model.inject(new Shock(ShockKind.LATE_PAYER, e.id(), r.nextDouble() * hours * 0.7, 60 * DAY, 30 + 30 * r.nextDouble()));
            }
        }
        List<EnterpriseState> tier2 = firms.stream().filter(e -> e.role() == Role.TIER_2).toList();
        for (int k = 0; k < (int) p.get("shock.defaults"); k++) {
            EnterpriseState e = tier2.get(r.nextInt(tier2.size()));
            model.inject(new Shock(ShockKind.SUPPLIER_DEFAULT, e.id(), (20 + r.nextDouble() * Math.max(1, days - 50)) * DAY,
                    Double.POSITIVE_INFINITY, 1));
        }
        for (int k = 0; k < (int) p.get("shock.demand-surges"); k++) {
            model.inject(new Shock(ShockKind.DEMAND_SURGE, "", r.nextDouble() * hours, 10 * DAY, 1.5));
        }
    }

    static double mean(double[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).average().orElse(Double.NaN);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /**
     * AUC of the score for telling good outcomes from bad: the probability that a randomly chosen application
     * without distress scored higher than one with distress (ties count half). NaN without both kinds.
     *
     * @param scored pairs of (score, 1 for distress else 0)
     */
    static double auc(List<double[]> scored) {
        double pairs = 0;
        double wins = 0;
        for (double[] good : scored) {
            if (good[1] != 0) {
                continue;
            }
            for (double[] bad : scored) {
                if (bad[1] == 0) {
                    continue;
                }
                pairs++;
                wins += good[0] > bad[0] ? 1 : good[0] == bad[0] ? 0.5 : 0;
            }
        }
        return pairs == 0 ? Double.NaN : wins / pairs;
    }
}
