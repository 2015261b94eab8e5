package io.supplytwin.ml.experiment.report;

import java.util.List;

/** Seed 000's published numbers that the report sets beside ours (its Tables 3 and 5), as printed. */
public final class PaperFigures {

    /** A row of Table 3: composite score under the default and the custom weights, and the rank. */
    public record ScoreRow(String model, int rank, double defaultScore, double customScore, String tTestDefault,
                           String tTestCustom, String tukey) {
    }

    public static final List<ScoreRow> TABLE_3 = List.of(
            new ScoreRow("LNN", 1, 0.6297, 0.5930, "vs. RL: p=0.0000", "vs. RL: p=0.0000", "LNN vs. RL"),
            new ScoreRow("XGBoost", 2, 0.6221, 0.5826, "vs. RL: p=0.0000", "vs. RL: p=0.0000", "XGBoost vs. RL"),
            new ScoreRow("Transformer", 3, 0.6154, 0.5731, "vs. RL: p=0.0000", "vs. RL: p=0.0000",
                    "Transformer vs. RL"),
            new ScoreRow("LSTM", 4, 0.5779, 0.5297, "vs. RL: p=0.0001", "vs. RL: p=0.0012", "LSTM vs. RL"),
            new ScoreRow("RL", 5, 0.3638, 0.3389, "N/A", "N/A", "N/A"));
    public static final double ANOVA_F_DEFAULT = 35.12;
    public static final double ANOVA_F_CUSTOM = 21.72;

    /** Table 5: cumulative profit by noise level; columns LNN, XGBoost, Transformer, LSTM, RL. */
    public static final List<String> TABLE_5_MODELS = List.of("LNN", "XGBoost", "Transformer", "LSTM", "RL");
    public static final double[] TABLE_5_LEVELS = {0.0, 0.5, 1.0};
    public static final double[][] TABLE_5 = {
        {2_200_000, 2_500_000, 1_800_000, -500_000, -1_000_000},
        {2_100_000, 2_200_000, 1_500_000, -200_000, -500_000},
        {2_000_000, 2_000_000, 1_700_000, 0, -100_000},
    };

    private PaperFigures() {
    }
}
