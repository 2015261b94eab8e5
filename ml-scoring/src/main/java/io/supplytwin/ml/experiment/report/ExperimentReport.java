package io.supplytwin.ml.experiment.report;

import io.supplytwin.ml.experiment.ExperimentResult;
import io.supplytwin.ml.experiment.ExperimentSettings;
import io.supplytwin.ml.experiment.PolicyRun;
import io.supplytwin.ml.experiment.metrics.CompositeScore;
import io.supplytwin.ml.experiment.metrics.LayerMetrics;
import io.supplytwin.ml.ordering.SupplyChain;
import io.supplytwin.platform.plot.BarChart;
import io.supplytwin.platform.plot.BoxChart;
import io.supplytwin.platform.plot.LineChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Writes an experiment's report into a directory: {@code report.md} (our tables, seed 000's Tables 3 and 5 beside
 * ours, the statistics, the search's choices) and PNG plots.
 */
public final class ExperimentReport {
    public static final String MARKDOWN = "report.md";
    public static final String PROFIT_PLOT = "cumulative-profit-layer%d.png";
    public static final String PROFIT_GAP_PLOT = "cumulative-profit-gap-layer%d.png";
    public static final String BULLWHIP_PLOT = "bullwhip.png";
    public static final String SCORE_PLOT = "composite-%s.png";
    public static final String SHAP_PLOT = "shap-xgboost.png";
    static final String[] LAYER_NAMES = {"retailer", "distributor", "manufacturer"};

    private final ExperimentResult result;
    private final Map<String, List<PolicyRun>> runs;
    private final List<String> policies;
    private final Map<String, Map<String, double[]>> scores = new LinkedHashMap<>();
    private final StringBuilder md = new StringBuilder();

    private ExperimentReport(ExperimentResult result) {
        this.result = result;
        this.runs = result.runs();
        this.policies = new ArrayList<>(runs.keySet());
        Map<String, List<LayerMetrics[]>> metrics = new LinkedHashMap<>();
        runs.forEach((p, rs) -> metrics.put(p, rs.stream().map(PolicyRun::layers).toList()));
        for (CompositeScore.Weights w : CompositeScore.SCHEMES) {
            scores.put(w.name(), CompositeScore.scores(metrics, w));
        }
    }

    /** Writes the report and its plots into {@code dir} (created when missing); returns the Markdown file. */
    public static Path write(ExperimentResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        ExperimentReport r = new ExperimentReport(result);
        r.plots(dir);
        r.markdown();
        return Files.writeString(dir.resolve(MARKDOWN), r.md.toString());
    }

    /** Per policy, the composite scores of every run under the named weight scheme. */
    public static Map<String, double[]> scores(ExperimentResult result, CompositeScore.Weights w) {
        return new ExperimentReport(result).scores.get(w.name());
    }

    private void plots(Path dir) throws IOException {
        for (int l = 0; l < SupplyChain.LAYERS; l++) {
            LineChart chart = new LineChart("Cumulative profit, " + LAYER_NAMES[l] + " (mean over runs)",
                    "day after training", "profit").legendLeft();
            // the curves lie close together: the gap to their mean shows who gains where
            LineChart gap = new LineChart("Cumulative profit minus the mean of all policies, " + LAYER_NAMES[l],
                    "day after training", "profit gap");
            List<double[]> series = new ArrayList<>();
            for (String p : policies) {
                series.add(meanSeries(runs.get(p), l));
            }
            double[] mean = new double[series.get(0).length];
            for (double[] ys : series) {
                for (int t = 0; t < mean.length; t++) {
                    mean[t] += ys[t] / series.size();
                }
            }
            for (int k = 0; k < policies.size(); k++) {
                chart.add(policies.get(k), series.get(k));
                double[] diff = series.get(k).clone();
                for (int t = 0; t < diff.length; t++) {
                    diff[t] -= mean[t];
                }
                gap.add(policies.get(k), diff);
            }
            chart.write(dir.resolve(String.format(Locale.ROOT, PROFIT_PLOT, l + 1)));
            gap.write(dir.resolve(String.format(Locale.ROOT, PROFIT_GAP_PLOT, l + 1)));
        }
        BarChart bullwhip = new BarChart("Bullwhip Var(orders)/Var(demand) by layer (mean ± sd over runs)", "layer",
                "bullwhip ratio", List.of(LAYER_NAMES));
        for (String p : policies) {
            double[] mean = new double[SupplyChain.LAYERS];
            double[] sd = new double[SupplyChain.LAYERS];
            for (int l = 0; l < SupplyChain.LAYERS; l++) {
                int layer = l;
                Summary s = Summary.of(runs.get(p), r -> r.layers()[layer].bullwhip());
                mean[l] = s.mean();
                sd[l] = s.sd();
            }
            bullwhip.add(p, mean, sd);
        }
        bullwhip.write(dir.resolve(BULLWHIP_PLOT));
        for (CompositeScore.Weights w : CompositeScore.SCHEMES) {
            BoxChart box = new BoxChart("Composite score, " + w.name() + " weights (one value per run)", "policy",
                    "score");
            scores.get(w.name()).forEach(box::add);
            box.write(dir.resolve(String.format(Locale.ROOT, SCORE_PLOT, w.name())));
        }
        if (!result.shap().isEmpty()) {
            BarChart shap = new BarChart("XGBoost forecaster: mean |SHAP| per feature (units of demand)", "feature",
                    "mean |SHAP|", result.shapFeatures().stream().map(f -> f.replace("_", " ")).toList());
            for (int l = 0; l < result.shap().size(); l++) {
                shap.add(LAYER_NAMES[l], result.shap().get(l));
            }
            shap.write(dir.resolve(SHAP_PLOT));
        }
    }

    private static double[] meanSeries(List<PolicyRun> rs, int layer) {
        double[] out = new double[rs.get(0).cumulativeProfit()[layer].length];
        for (PolicyRun r : rs) {
            for (int t = 0; t < out.length; t++) {
                out[t] += r.cumulativeProfit()[layer][t] / rs.size();
            }
        }
        return out;
    }

    private void markdown() {
        ExperimentSettings s = result.settings();
        line("# Seed 000's ordering experiment, reproduced");
        line("");
        line(String.format(Locale.ROOT, "%d run(s), seeds %s; %d days, the first %d for training (the search trains on "
                        + "days 0..%d and scores on the manufacturer's profit of days %d..%d); %d trial(s) per model "
                        + "and run in the '%s' search space; noise levels %s. Measured on days %d..%d. Took %.0f s.",
                s.seeds().size(), s.seeds(), s.days(), s.trainingDays(), s.validationFrom() - 1, s.validationFrom(),
                s.trainingDays() - 1, s.trials(), s.space().name(), s.noiseLevels(), s.trainingDays(), s.days() - 1,
                result.seconds()));
        line("");
        verdict();
        layerTables();
        table3();
        table5();
        shapTable();
        searchTable();
        line("Plots: " + String.join(", ", plotNames()) + ".");
    }

    private List<String> plotNames() {
        List<String> names = new ArrayList<>();
        for (int l = 1; l <= SupplyChain.LAYERS; l++) {
            names.add(String.format(Locale.ROOT, "[layer %d profit](" + PROFIT_PLOT + ")", l, l));
            names.add(String.format(Locale.ROOT, "[layer %d profit gap](" + PROFIT_GAP_PLOT + ")", l, l));
        }
        names.add("[bullwhip](" + BULLWHIP_PLOT + ")");
        for (CompositeScore.Weights w : CompositeScore.SCHEMES) {
            names.add(String.format(Locale.ROOT, "[%s scores](" + SCORE_PLOT + ")", w.name(), w.name()));
        }
        if (!result.shap().isEmpty()) {
            names.add("[SHAP](" + SHAP_PLOT + ")");
        }
        return names;
    }

    /** Which policy is best by profit and by bullwhip, and whether it is a neural one. */
    private void verdict() {
        line("## Verdict");
        line("");
        String byProfit = best(p -> Summary.of(runs.get(p), PolicyRun::totalProfit).mean(), true);
        String byBullwhip = best(p -> Summary.of(runs.get(p), ExperimentReport::meanBullwhip).mean(), false);
        String byScore = best(p -> mean(scores.get(CompositeScore.DEFAULT.name()).get(p)), true);
        line(String.format(Locale.ROOT, "- Best by total profit (three layers, mean over runs): **%s** (%s), %s.",
                byProfit, result.kinds().get(byProfit), money(Summary.of(runs.get(byProfit), PolicyRun::totalProfit))));
        line(String.format(Locale.ROOT, "- Lowest bullwhip (mean over the three layers of Var(orders)/Var(demand)): "
                        + "**%s** (%s), %s.", byBullwhip, result.kinds().get(byBullwhip),
                Summary.of(runs.get(byBullwhip), ExperimentReport::meanBullwhip).format("%.2f")));
        line(String.format(Locale.ROOT, "- Highest composite score (default weights): **%s** (%s).", byScore,
                result.kinds().get(byScore)));
        line("");
        line("| policy | kind | runs | total profit | mean bullwhip | manufacturer Var(orders)/Var(consumer demand) |");
        line("| --- | --- | --- | --- | --- | --- |");
        for (String p : sortedBy(q -> -Summary.of(runs.get(q), PolicyRun::totalProfit).mean())) {
            line(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s |", p, result.kinds().get(p),
                    runs.get(p).size(),
                    money(Summary.of(runs.get(p), PolicyRun::totalProfit)),
                    Summary.of(runs.get(p), ExperimentReport::meanBullwhip).format("%.2f"),
                    Summary.of(runs.get(p), r -> r.layers()[SupplyChain.LAYERS - 1].amplification()).format("%.2f")));
        }
        line("");
    }

    static double meanBullwhip(PolicyRun r) {
        double s = 0;
        for (LayerMetrics m : r.layers()) {
            s += m.bullwhip();
        }
        return s / r.layers().length;
    }

    private String best(ToDoubleFunction<String> value, boolean highest) {
        Comparator<String> c = Comparator.comparingDouble(value);
        return policies.stream().filter(p -> Double.isFinite(value.applyAsDouble(p)))
                .max(highest ? c : c.reversed()).orElse(policies.get(0));
    }

    private List<String> sortedBy(ToDoubleFunction<String> key) {
        return policies.stream().sorted(Comparator.comparingDouble(key)).toList();
    }

    private void layerTables() {
        line("## Per layer (mean ± sd over runs)");
        line("");
        for (int l = 0; l < SupplyChain.LAYERS; l++) {
            int layer = l;
            line("### Layer " + (l + 1) + ", " + LAYER_NAMES[l]);
            line("");
            line("| policy | cumulative profit | bullwhip | service level | turnover | holding cost | shortage cost "
                    + "| order sd | prediction MAE | efficiency | efficiency MA7 |");
            line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            for (String p : policies) {
                List<PolicyRun> rs = runs.get(p);
                line(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |", p,
                        money(Summary.of(rs, r -> r.layers()[layer].profit())),
                        Summary.of(rs, r -> r.layers()[layer].bullwhip()).format("%.2f"),
                        Summary.of(rs, r -> r.layers()[layer].serviceLevel()).format("%.3f"),
                        Summary.of(rs, r -> r.layers()[layer].turnover()).format("%.1f"),
                        Summary.of(rs, r -> r.layers()[layer].holdingCost()).format("%.0f"),
                        Summary.of(rs, r -> r.layers()[layer].shortageCost()).format("%.0f"),
                        Summary.of(rs, r -> r.layers()[layer].orderVolatility()).format("%.1f"),
                        Summary.of(rs, r -> r.layers()[layer].mae()).format("%.2f"),
                        Summary.of(rs, r -> r.layers()[layer].efficiency()).format("%.3f"),
                        Summary.of(rs, r -> r.layers()[layer].efficiencyMa7()).format("%.3f")));
            }
            line("");
        }
    }

    private void table3() {
        line("## Composite score and statistics (seed 000's Table 3 beside ours)");
        line("");
        line("Ours: min-max normalised over every policy, run and layer; layer weights 0.4 / 0.3 / 0.3; default "
                + "weights profit 0.5, turnover 0.2, service 0.2, cost −0.1, MAE −0.1; custom 0.4, 0.1, 0.3, −0.1, −0.1.");
        line("");
        Map<String, double[]> def = scores.get(CompositeScore.DEFAULT.name());
        Map<String, double[]> cus = scores.get(CompositeScore.CUSTOM.name());
        List<String> ranked = sortedBy(p -> -mean(def.get(p)));
        line("| rank | our policy | default score | custom score | paper's model | paper default | paper custom |");
        line("| --- | --- | --- | --- | --- | --- | --- |");
        int rows = Math.max(ranked.size(), PaperFigures.TABLE_3.size());
        for (int i = 0; i < rows; i++) {
            String ours = i < ranked.size() ? String.format(Locale.ROOT, "%s | %s | %s", ranked.get(i),
                    Summary.of(def.get(ranked.get(i))).format("%.4f"), Summary.of(cus.get(ranked.get(i))).format("%.4f"))
                    : " | | ";
            String paper = i < PaperFigures.TABLE_3.size() ? String.format(Locale.ROOT, "%s | %.4f | %.4f",
                    PaperFigures.TABLE_3.get(i).model(), PaperFigures.TABLE_3.get(i).defaultScore(),
                    PaperFigures.TABLE_3.get(i).customScore()) : " | | ";
            line(String.format(Locale.ROOT, "| %d | %s | %s |", i + 1, ours, paper));
        }
        line("");
        line(String.format(Locale.ROOT, "Paper: ANOVA F = %.2f (default), %.2f (custom), p < 0.0001; t-tests and "
                + "Tukey HSD separate RL from every other model, and no pair among LNN, XGBoost and Transformer.",
                PaperFigures.ANOVA_F_DEFAULT, PaperFigures.ANOVA_F_CUSTOM));
        line("");
        StatisticsSection.write(md, scores);
    }

    private void table5() {
        line("## Noise robustness (seed 000's Table 5 beside ours)");
        line("");
        line("Total cumulative profit of the three layers over the measured days, mean ± sd over runs; noise N(0, "
                + "level × σ(measured demand)) on the consumer demand, clamped to [0, 2 × max].");
        line("");
        List<Double> levels = result.settings().noiseLevels();
        StringBuilder head = new StringBuilder("| noise level |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (String p : policies) {
            head.append(' ').append(p).append(" |");
            rule.append(" --- |");
        }
        line(head.toString());
        line(rule.toString());
        for (int i = 0; i < levels.size(); i++) {
            int level = i;
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %.1f |", levels.get(i)));
            for (String p : policies) {
                row.append(' ').append(money(Summary.of(runs.get(p), r -> r.noiseProfit()[level]))).append(" |");
            }
            line(row.toString());
        }
        line("");
        line("Paper (cumulative profit, as printed):");
        line("");
        line("| noise level | " + String.join(" | ", PaperFigures.TABLE_5_MODELS) + " |");
        line("| --- |" + " --- |".repeat(PaperFigures.TABLE_5_MODELS.size()));
        for (int i = 0; i < PaperFigures.TABLE_5_LEVELS.length; i++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %.1f |", PaperFigures.TABLE_5_LEVELS[i]));
            for (double v : PaperFigures.TABLE_5[i]) {
                row.append(String.format(Locale.ROOT, " %,.0f |", v));
            }
            line(row.toString());
        }
        line("");
    }

    private void shapTable() {
        if (result.shap().isEmpty()) {
            return;
        }
        line("## SHAP: what the XGBoost forecaster reads (TreeSHAP, mean |value| in units of demand)");
        line("");
        line("| feature | " + String.join(" | ", LAYER_NAMES) + " |");
        line("| --- | --- | --- | --- |");
        List<String> f = result.shapFeatures();
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < f.size(); j++) {
            order.add(j);
        }
        order.sort(Comparator.comparingDouble(j -> -result.shap().stream().mapToDouble(l -> l[j]).sum()));
        for (int j : order) {
            StringBuilder row = new StringBuilder("| " + f.get(j) + " |");
            for (double[] layer : result.shap()) {
                row.append(String.format(Locale.ROOT, " %.2f |", layer[j]));
            }
            line(row.toString());
        }
        line("");
    }

    private void searchTable() {
        line("## Search: the chosen hyperparameters per run");
        line("");
        line("| policy | seed | chosen | validation profit (manufacturer): best / worst trial |");
        line("| --- | --- | --- | --- |");
        for (String p : policies) {
            for (PolicyRun r : runs.get(p)) {
                if (r.trials().isEmpty()) {
                    continue;
                }
                double best = r.trials().stream().mapToDouble(PolicyRun.Trial::objective).max().orElse(Double.NaN);
                double worst = r.trials().stream().mapToDouble(PolicyRun.Trial::objective).min().orElse(Double.NaN);
                line(String.format(Locale.ROOT, "| %s | %d | %s | %,.0f / %,.0f |", p, r.seed(), r.chosen(), best,
                        worst));
            }
        }
        line("");
    }

    static double mean(double[] xs) {
        return Summary.of(xs).mean();
    }

    private static String money(Summary s) {
        return s.format("%,.0f");
    }

    private void line(String s) {
        md.append(s).append('\n');
    }
}
