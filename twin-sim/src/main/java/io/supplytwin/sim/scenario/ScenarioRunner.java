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
 * Baseline and blockchain-only are documented models of what those modes lack (statements, manual review times).
 * dt-blockchain goes through the running services ({@link LiveFinancing}): its credit, limit, outcome and approval
 * time are what the twin and the ledger contracts produced, measured, not modelled.
 */
public final class ScenarioRunner {
    private static final double DAY = 24;
    /** Shorter runs are for tests; outcomes (AUC) need applications at least 30 days before the end. */
    public static final int MIN_DAYS = 5;

    private final ScenarioParameters p;
    private final long seed;
    private final int days;
    private final HealthModel healthModel = HealthModel.standard();
    private final CreditCalculator credit = new CreditCalculator();
    private final FinancingTermsCalculator terms = new FinancingTermsCalculator();

    public ScenarioRunner(ScenarioParameters parameters, long seed, int days) {
        if (days < MIN_DAYS) {
            throw new IllegalArgumentException("a scenario needs at least " + MIN_DAYS + " days, got " + days);
        }
        this.p = parameters;
        this.seed = seed;
        this.days = days;
    }

    private static final class Loan {
        int firm;
        String contractId;
        Application application;
        double principal;
        double outstanding;
        double ratePct;
        double dueHour;
        boolean closed;
    }

    private static final class Application {
        int firm;
        String contractId;
        int day;
        double amount;
        double score;
        double decisionHour;
        boolean approved;
        double ratePct;
        double transparency;
        /** dt-blockchain: the case waits for a guarantee before the decision goes to the contracts. */
        boolean awaitingDecision;
        double limit = Double.NaN;
        double funded = Double.NaN;
        double pipelineSeconds;
        /** The loan made on this application was written off. */
        boolean writtenOff;
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

    /** Baseline or blockchain-only: every part of the lender is the mode's documented model. */
    public ScenarioResult run(Scenario mode, DoubleConsumer progress) {
        if (mode == Scenario.DT_BLOCKCHAIN) {
            throw new IllegalArgumentException("dt-blockchain runs through the live twin and ledger: pass a LiveFinancing");
        }
        return run(mode, null, progress);
    }

    /**
     * @param live the running twin and ledger; required for dt-blockchain, unused by the other modes
     */
    public ScenarioResult run(Scenario mode, LiveFinancing live, DoubleConsumer progress) {
        if (mode == Scenario.DT_BLOCKCHAIN && live == null) {
            throw new IllegalArgumentException("dt-blockchain runs through the live twin and ledger: pass a LiveFinancing");
        }
        LiveFinancing twin = mode == Scenario.DT_BLOCKCHAIN ? live : null;
        SupplyChainModel model = new SupplyChainModel(ReferenceNetwork.create(), seed, 1);
        model.setOverdraft(false);
        model.setInsolvencyArrearsDays(p.get("insolvency.arrears.days"));
        backgroundShocks(model);
        List<EnterpriseState> firms = model.enterprises();
        int n = firms.size();
        SplittableRandom timing = new SplittableRandom(seed * 31 + mode.ordinal());
        double[][] liveH = new double[days + 1][n];
        double[][] statementH = new double[1][];
        double statementTaken = 0;
        double[] completeness = new double[n];
        List<LiveFinancing.Settlement> settlements = new ArrayList<>();
        int[] caseCounter = new int[1];
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

        if (twin != null) {
            twin.publish(model, model.hours()); // the gateways' first readings, before the first decision
        }
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
            if (twin != null && !settlements.isEmpty()) {
                twin.settle(List.copyOf(settlements), now);
                settlements.clear();
            }
            int shortOfCash = 0;
            List<Application> today = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                EnterpriseState e = firms.get(i);
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
                a.contractId = String.format(java.util.Locale.ROOT, "%s-s%d-d%03d-%s", mode.code(), seed, day, e.id());
                a.day = day;
                a.amount = amount;
                a.transparency = transparency(mode, now - statementTaken, completeness[i]);
                if (twin == null) {
                    a.score = score(mode, model, i, statementH[0], ledgers[i]);
                    double wait = approvalDays(mode, timing) * DAY;
                    if (a.score < 0.6) {
                        wait += p.get("guarantee.extra.days") * DAY;
                    }
                    a.decisionHour = now + wait;
                    a.approved = a.score >= p.get("decline.below");
                    price(a, e);
                }
                pending[i] = a;
                applications.add(a);
                today.add(a);
            }
            if (twin != null && !today.isEmpty()) {
                evaluateLive(twin, today, firms, now);
            }
            for (Application a : today) {
                if (Double.isFinite(a.score)) {
                    scoreSum[day] += a.score;
                    scoreCount[day]++;
                }
            }
            shortSeries[day] = (double) shortOfCash / n;
            if (day == days) {
                break;
            }
            for (int h = 0; h < stepsPerDay; h++) {
                model.step(step);
                now = model.hours();
                if (twin != null) {
                    twin.publish(model, now);
                    decideGuaranteed(twin, pending, firms, now);
                }
                for (int i = 0; i < n; i++) {
                    EnterpriseState e = firms.get(i);
                    Application a = pending[i];
                    if (a != null && !a.awaitingDecision && now >= a.decisionHour) {
                        pending[i] = null;
                        int decidedDay = Math.min(days, (int) (now / DAY));
                        approvalSum[decidedDay] += a.decisionHour - a.day * DAY;
                        approvalCount[decidedDay]++;
                        if (a.approved) {
                            double principal = Double.isFinite(a.funded) ? a.funded : Math.min(a.amount,
                                    e.enterprise().monthlyRevenue() * a.score * (1 - e.enterprise().industry().riskCoefficient()));
                            if (principal > 0) {
                                Loan loan = new Loan();
                                loan.firm = i;
                                loan.contractId = a.contractId;
                                loan.application = a;
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
                        boolean onTime = now <= loan.dueHour;
                        close(loan, ledgers[i], active, onTime, true);
                        settlements.add(new LiveFinancing.Settlement(loan.contractId, e.id(), onTime
                                ? LiveFinancing.SettlementKind.REPAID_ON_TIME : LiveFinancing.SettlementKind.REPAID_LATE, loan.principal));
                    } else if (now > loan.dueHour + p.get("grace.days") * DAY || e.defaulted()) {
                        lost += loan.outstanding * (1 - p.get("recovery.rate"));
                        loan.application.writtenOff = true;
                        ledgers[i].defaults++;
                        close(loan, ledgers[i], active, false, false);
                        settlements.add(new LiveFinancing.Settlement(loan.contractId, e.id(), LiveFinancing.SettlementKind.DEFAULTED,
                                loan.principal));
                    }
                }
            }
            badDebtSeries[day] = lent > 0 ? 100 * lost / lent : 0;
            progress.accept((day + 1.0) / days);
        }
        // loans still open at the end: count what cannot be repaid from the firm's position as at risk, not lost
        // an application's approval time is known once it is filed in the modelled modes, and once the contracts
        // answered in dt-blockchain, so decisions falling after the end still count
        double[] approvalHours = applications.stream().filter(a -> Double.isFinite(a.decisionHour))
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
        int approved = (int) applications.stream().filter(a -> a.approved && !a.awaitingDecision
                && (Double.isFinite(a.funded) || a.decisionHour <= days * DAY)).count();
        double transparency = applications.stream().mapToDouble(a -> a.transparency).average().orElse(Double.NaN);
        // the outcome C should predict: the applicant defaults (insolvency) within tenor + grace, or the loan made on the
        // application is written off — a non-performing loan in a bank's terms
        double horizon = (p.get("tenor.days") + p.get("grace.days")) * DAY;
        List<double[]> scored = new ArrayList<>();
        int distressCount = 0;
        for (Application a : applications) {
            if (a.day + 30 > days || !Double.isFinite(a.score)) {
                continue; // too little time left to see the outcome, or no score (the twin had none)
            }
            double defaultedAt = firms.get(a.firm).defaultedHour();
            boolean bad = a.writtenOff || (defaultedAt >= a.day * DAY && defaultedAt <= a.day * DAY + horizon);
            distressCount += bad ? 1 : 0;
            scored.add(new double[] {a.score, bad ? 1 : 0});
        }
        int defaults = (int) firms.stream().filter(EnterpriseState::defaulted).count();
        return new ScenarioResult(mode, seed, days, applications.size(), approved, mean(approvalHours),
                percentile(approvalHours, 0.9), principal > 0 ? weightedRate / principal : Double.NaN,
                lent > 0 ? 100 * lost / lent : 0, transparency, auc(scored), distressCount, defaults, lent,
                twin == null ? "documented model (" + ScenarioParameters.RESOURCE + ")" : twin.describe(),
                scored.toArray(double[][]::new), new ScenarioSeries(daily, badDebtSeries, dailyScore, shortSeries));
    }

    private static void close(Loan loan, Ledger ledger, Loan[] active, boolean onTime, boolean fulfilled) {
        loan.closed = true;
        active[loan.firm] = null;
        ledger.contracts++;
        ledger.onTime += onTime ? 1 : 0;
        ledger.fulfilled += fulfilled ? 1 : 0;
    }

    /** The credit score C the lender sees in the modes without a live twin. */
    private double score(Scenario mode, SupplyChainModel model, int firm, double[] statementH, Ledger ledger) {
        EnterpriseState e = model.enterprises().get(firm);
        double staticRisk = p.get("static.risk.p");
        double h = statementH[firm];
        if (mode == Scenario.BLOCKCHAIN) {
            int core = 0;
            for (int i = 0; i < model.enterprises().size(); i++) {
                if (model.enterprises().get(i).role() == Role.CORE) {
                    core = i;
                }
            }
            h = statementH[core] * Math.pow(p.get("blockchain.tier.discount"), e.role().tier());
        }
        return credit.assess(e.role(), ledger.history(), h, staticRisk).c();
    }

    /** Rate of an application: the market's SME rate, the credit band of C, and the opacity premium. */
    private void price(Application a, EnterpriseState e) {
        double bandRate = terms.terms(a.score, e.enterprise().monthlyRevenue(), e.enterprise().industry().riskCoefficient())
                .annualRatePct() - terms.config().baseRatePct();
        a.ratePct = p.get("rate.lpr.pct") + p.get("rate.sme.spread.pct") + bandRate
                + p.get("rate.opacity.premium.pct") * (1 - a.transparency);
    }

    /**
     * dt-blockchain at the day's applications: the contracts evaluate each against the twin's credit; cases in the
     * risk-alert band wait for a guarantee (a manual step kept in every mode), the others are decided at once.
     * Approval time is the measured wall-clock time of the requests, taken as that much simulated time: the model
     * stands still while the services work, so their seconds are not compressed by the run's acceleration.
     */
    private void evaluateLive(LiveFinancing twin, List<Application> today, List<EnterpriseState> firms, double now) {
        List<LiveFinancing.Need> needs = today.stream()
                .map(a -> new LiveFinancing.Need(a.contractId, firms.get(a.firm).id(), a.amount)).toList();
        List<LiveFinancing.Evaluation> evaluations = twin.evaluate(needs, now);
        List<Application> atOnce = new ArrayList<>();
        for (int k = 0; k < today.size(); k++) {
            Application a = today.get(k);
            LiveFinancing.Evaluation ev = evaluations.get(k);
            a.pipelineSeconds = ev.seconds();
            a.score = ev.evaluated() ? ev.c() : Double.NaN;
            a.limit = ev.evaluated() ? ev.lmax() : 0;
            a.approved = ev.evaluated() && ev.c() >= p.get("decline.below") && ev.lmax() > 0;
            if (ev.evaluated()) {
                price(a, firms.get(a.firm));
            }
            a.awaitingDecision = true;
            a.decisionHour = now + (ev.evaluated() && ev.c() < 0.6 ? p.get("guarantee.extra.days") * DAY : 0);
            if (a.decisionHour <= now) {
                atOnce.add(a);
            }
        }
        decideLive(twin, atOnce, firms, now);
    }

    private void decideGuaranteed(LiveFinancing twin, Application[] pending, List<EnterpriseState> firms, double now) {
        List<Application> due = new ArrayList<>();
        for (Application a : pending) {
            if (a != null && a.awaitingDecision && now >= a.decisionHour) {
                due.add(a);
            }
        }
        if (!due.isEmpty()) {
            decideLive(twin, due, firms, now);
        }
    }

    private void decideLive(LiveFinancing twin, List<Application> cases, List<EnterpriseState> firms, double now) {
        if (cases.isEmpty()) {
            return;
        }
        List<LiveFinancing.Decision> decisions = cases.stream().map(a -> new LiveFinancing.Decision(a.contractId,
                firms.get(a.firm).id(), a.approved, Math.min(a.amount, a.limit))).toList();
        List<LiveFinancing.Outcome> outcomes = twin.decide(decisions, now);
        for (int k = 0; k < cases.size(); k++) {
            Application a = cases.get(k);
            LiveFinancing.Outcome o = outcomes.get(k);
            a.pipelineSeconds += o.seconds();
            a.funded = o.funded();
            a.approved = o.funded() > 0;
            a.awaitingDecision = false;
            a.decisionHour = Math.max(a.decisionHour, now) + a.pipelineSeconds / 3600;
        }
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
        // idiosyncratic distress: each supplier (an SME) is hit with the annual probability of the parameter file
        double hit = 1 - Math.exp(-p.get("distress.annual.probability") * days / 365.0);
        for (EnterpriseState e : firms) {
            double draw = r.nextDouble();
            double at = r.nextDouble() * hours;
            double lost = p.get("distress.outside-sales.lost.min")
                    + (p.get("distress.outside-sales.lost.max") - p.get("distress.outside-sales.lost.min")) * r.nextDouble();
            if (e.role() != Role.CORE && draw < hit) {
                model.inject(new Shock(ShockKind.DISTRESS, e.id(), at, Double.POSITIVE_INFINITY, lost));
                if (r.nextDouble() < p.get("distress.late-payment.share")) {
                    model.inject(new Shock(ShockKind.LATE_PAYER, e.id(), at, Double.POSITIVE_INFINITY,
                            p.get("distress.late-payment.days")));
                }
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
