package io.supplytwin.sim.scenario;

import io.supplytwin.platform.plot.LineChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The side-by-side table (Markdown and CSV) and the PNG plots of a set of scenario runs. */
public final class ScenarioReport {
    /** Seed 001's reported figures for DT-Blockchain against the traditional mode. */
    public static final double PAPER_APPROVAL_REDUCTION_PCT = 96.808;
    public static final double PAPER_RATE_REDUCTION_PP = 3.270;
    public static final double PAPER_BAD_DEBT_MAX_PCT = 0.847;
    public static final double PAPER_TRANSPARENCY = 0.912;

    private ScenarioReport() {
    }

    public static String markdown(List<ScenarioResult> results) {
        StringBuilder b = new StringBuilder();
        b.append("| scenario | seed | applications | approved | approval mean (h) | approval p90 (h) | rate (%/yr) | bad debt (%) | transparency | AUC of C | defaults | default outcomes |\n");
        b.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (ScenarioResult r : results) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s | %.3f | %.3f | %.3f | %s | %d | %d |%n",
                    r.scenario().code(), r.seed(), r.applications(), r.approved(), hours(r.approvalMeanHours()),
                    hours(r.approvalP90Hours()), r.ratePct(), r.badDebtPct(), r.transparency(), fixed(r.auc()), r.defaults(),
                    r.defaultedOutcomes()));
        }
        List<Summary> summaries = summaries(results);
        b.append("\n| scenario (mean ± sd over seeds) | seeds | approval mean (h) | approval p90 (h) | rate (%/yr) | bad debt (%) | transparency | AUC of C (seeds with defaults) | pooled AUC | defaults per firm-year (%) |\n");
        b.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Summary m : summaries) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s (n=%d) | %s | %.2f |%n", m.scenario.code(), m.seeds,
                    m.approvalMean, m.approvalP90, m.rate, m.badDebt, m.transparency, m.auc, m.aucSeeds, fixed(m.pooledAuc),
                    m.defaultRatePct));
        }
        Summary base = summaries.stream().filter(m -> m.scenario == Scenario.BASELINE).findFirst().orElse(null);
        Summary dt = summaries.stream().filter(m -> m.scenario == Scenario.DT_BLOCKCHAIN).findFirst().orElse(null);
        if (base != null && dt != null) {
            b.append("\n| dt-blockchain vs baseline (means over seeds) | ours | seed 001 |\n| --- | --- | --- |\n");
            b.append(String.format(Locale.ROOT, "| approval time | %+.3f %% | -%.3f %% |%n",
                    100 * (dt.approvalMean.mean() / base.approvalMean.mean() - 1), PAPER_APPROVAL_REDUCTION_PCT));
            b.append(String.format(Locale.ROOT, "| annual rate | %+.3f pp | -%.3f pp |%n", dt.rate.mean() - base.rate.mean(),
                    PAPER_RATE_REDUCTION_PP));
            b.append(String.format(Locale.ROOT, "| bad-debt rate | %.3f %% (baseline %.3f %%) | <= %.3f %% |%n", dt.badDebt.mean(),
                    base.badDebt.mean(), PAPER_BAD_DEBT_MAX_PCT));
            b.append(String.format(Locale.ROOT, "| transparency index | %.3f | %.3f |%n", dt.transparency.mean(), PAPER_TRANSPARENCY));
            b.append(String.format(Locale.ROOT, "| AUC of C for defaults | %s (baseline %s) | not reported |%n", dt.auc, base.auc));
        }
        b.append("\nLenders: ");
        results.stream().map(r -> r.scenario().code() + ": " + r.lender()).distinct()
                .forEach(l -> b.append("\n- ").append(l));
        b.append("\n");
        return b.toString();
    }

    /** Mean and sample standard deviation; NaN values are left out. */
    record Spread(double mean, double sd, int n) {
        static Spread of(double[] values) {
            double[] v = java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
            double mean = v.length == 0 ? Double.NaN : java.util.Arrays.stream(v).average().orElse(Double.NaN);
            double ss = 0;
            for (double x : v) {
                ss += (x - mean) * (x - mean);
            }
            return new Spread(mean, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : Double.NaN, v.length);
        }

        @Override
        public String toString() {
            if (n == 0) {
                return "n/a";
            }
            return Double.isFinite(sd) ? String.format(Locale.ROOT, "%.4g ± %.2g", mean, sd) : String.format(Locale.ROOT, "%.4g", mean);
        }
    }

    /** One scenario over its seeds. */
    record Summary(Scenario scenario, int seeds, Spread approvalMean, Spread approvalP90, Spread rate, Spread badDebt,
                   Spread transparency, Spread auc, int aucSeeds, double pooledAuc, double defaultRatePct) {
    }

    static List<Summary> summaries(List<ScenarioResult> results) {
        int firms = io.supplytwin.core.network.ReferenceNetwork.create().enterprises().size();
        List<Summary> out = new java.util.ArrayList<>();
        for (Scenario s : Scenario.values()) {
            List<ScenarioResult> runs = results.stream().filter(r -> r.scenario() == s).toList();
            if (runs.isEmpty()) {
                continue;
            }
            Spread auc = Spread.of(runs.stream().mapToDouble(ScenarioResult::auc).toArray());
            List<double[]> pooled = runs.stream().flatMap(r -> java.util.Arrays.stream(r.scored())).toList();
            double firmYears = runs.stream().mapToDouble(r -> firms * r.days() / 365.0).sum();
            out.add(new Summary(s, runs.size(), Spread.of(runs.stream().mapToDouble(ScenarioResult::approvalMeanHours).toArray()),
                    Spread.of(runs.stream().mapToDouble(ScenarioResult::approvalP90Hours).toArray()),
                    Spread.of(runs.stream().mapToDouble(ScenarioResult::ratePct).toArray()),
                    Spread.of(runs.stream().mapToDouble(ScenarioResult::badDebtPct).toArray()),
                    Spread.of(runs.stream().mapToDouble(ScenarioResult::transparency).toArray()), auc, auc.n(),
                    ScenarioRunner.auc(pooled), 100 * runs.stream().mapToInt(ScenarioResult::defaults).sum() / firmYears));
        }
        return out;
    }

    private static String hours(double h) {
        return !Double.isFinite(h) ? "n/a" : h < 1 ? String.format(Locale.ROOT, "%.5f", h) : String.format(Locale.ROOT, "%.2f", h);
    }

    private static String fixed(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }

    public static String csv(List<ScenarioResult> results) {
        StringBuilder b = new StringBuilder("scenario,seed,days,applications,approved,approval_mean_h,approval_p90_h,rate_pct,bad_debt_pct,transparency,auc,default_outcomes,defaults,lent_cny\n");
        for (ScenarioResult r : results) {
            b.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%.6f,%.6f,%.4f,%.4f,%.4f,%.4f,%d,%d,%.0f%n", r.scenario().code(), r.seed(),
                    r.days(), r.applications(), r.approved(), r.approvalMeanHours(), r.approvalP90Hours(), r.ratePct(), r.badDebtPct(),
                    r.transparency(), r.auc(), r.defaultedOutcomes(), r.defaults(), r.lentCny()));
        }
        return b.toString();
    }

    /** Writes results.md, results.csv and the plots into {@code dir}; returns the files written. */
    public static List<Path> write(List<ScenarioResult> results, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path md = Files.writeString(dir.resolve("results.md"), markdown(results));
        Path csv = Files.writeString(dir.resolve("results.csv"), csv(results));
        LineChart approval = new LineChart("Financing approval time (decisions of the day)", "day", "mean approval time (days)");
        LineChart badDebt = new LineChart("Cumulative bad-debt rate", "day", "losses / principal lent (%)");
        LineChart score = new LineChart("Credit score C of the day's applicants", "day", "mean C");
        LineChart shortCash = new LineChart("Firms short of cash", "day", "share of firms with negative cash");
        long firstSeed = results.isEmpty() ? 0 : results.get(0).seed();
        for (ScenarioResult r : results.stream().filter(r -> r.seed() == firstSeed).toList()) {
            approval.add(r.scenario().code(), r.series().approvalHours());
            badDebt.add(r.scenario().code(), r.series().badDebtPct());
            score.add(r.scenario().code(), r.series().creditScore());
            shortCash.add(r.scenario().code(), r.series().shortOfCash());
        }
        Path p1 = dir.resolve("approval-time.png");
        Path p2 = dir.resolve("bad-debt.png");
        Path p3 = dir.resolve("credit-score.png");
        Path p4 = dir.resolve("short-of-cash.png");
        approval.write(p1);
        badDebt.write(p2);
        score.write(p3);
        shortCash.write(p4);
        return List.of(md, csv, p1, p2, p3, p4);
    }
}
