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
        b.append("| scenario | applications | approved | approval mean (h) | approval p90 (h) | rate (%/yr) | bad debt (%) | transparency | AUC of C |\n");
        b.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (ScenarioResult r : results) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %.3f | %.3f | %.3f | %.3f |%n", r.scenario().code(),
                    r.applications(), r.approved(), r.approvalMeanHours(), r.approvalP90Hours(), r.ratePct(), r.badDebtPct(),
                    r.transparency(), r.auc()));
        }
        ScenarioResult base = find(results, Scenario.BASELINE);
        ScenarioResult dt = find(results, Scenario.DT_BLOCKCHAIN);
        if (base != null && dt != null) {
            b.append("\n| dt-blockchain vs baseline | ours | seed 001 |\n| --- | --- | --- |\n");
            b.append(String.format(Locale.ROOT, "| approval time | %+.3f %% | -%.3f %% |%n",
                    100 * (dt.approvalMeanHours() / base.approvalMeanHours() - 1), PAPER_APPROVAL_REDUCTION_PCT));
            b.append(String.format(Locale.ROOT, "| annual rate | %+.3f pp | -%.3f pp |%n", dt.ratePct() - base.ratePct(), PAPER_RATE_REDUCTION_PP));
            b.append(String.format(Locale.ROOT, "| bad-debt rate | %.3f %% | <= %.3f %% |%n", dt.badDebtPct(), PAPER_BAD_DEBT_MAX_PCT));
            b.append(String.format(Locale.ROOT, "| transparency index | %.3f | %.3f |%n", dt.transparency(), PAPER_TRANSPARENCY));
        }
        return b.toString();
    }

    public static String csv(List<ScenarioResult> results) {
        StringBuilder b = new StringBuilder("scenario,days,applications,approved,approval_mean_h,approval_p90_h,rate_pct,bad_debt_pct,transparency,auc,distressed_outcomes,lent_cny\n");
        for (ScenarioResult r : results) {
            b.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%d,%.0f%n", r.scenario().code(), r.days(),
                    r.applications(), r.approved(), r.approvalMeanHours(), r.approvalP90Hours(), r.ratePct(), r.badDebtPct(),
                    r.transparency(), r.auc(), r.distressed(), r.lentCny()));
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
        for (ScenarioResult r : results) {
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

    private static ScenarioResult find(List<ScenarioResult> results, Scenario s) {
        return results.stream().filter(r -> r.scenario() == s).findFirst().orElse(null);
    }
}
