package io.supplytwin.ml.experiment.search;

import java.util.SplittableRandom;

/**
 * Ranges of the random search. {@link #PAPER} is seed 000's Table 1 and §4.2: 100–300 trees, depth 3–7, η 0.01–0.3;
 * 64–1024 liquid neurons (step 64), LSTM 64–256 hidden units (step 64), learning rate 1e-5–1e-3, batch 4 or 8,
 * 50–100 epochs; safety-stock base 5–20. {@link #COMPACT} keeps the tree and safety-stock ranges and shrinks the
 * networks so that ten runs of ten trials fit a 2-core machine in well under an hour: 16–64 units (step 16),
 * learning rate 1e-3–1e-2, batch 16 or 32, 8–20 epochs. The Transformer: model size 64–256 (step 64), 2, 4 or 8
 * heads, 1–3 layers in PAPER; 16–64, 2 or 4 heads, 1–2 layers in COMPACT (every size divides by every head count).
 * The DQN is trained once, not searched: 150 episodes (the middle of seed 000's 100–200), 30 in COMPACT, 3 in QUICK. {@link #QUICK} is COMPACT with 2–4 epochs, for
 * {@code --quick}. Learning rates and η are drawn log-uniformly, the rest uniformly.
 */
public record SearchSpace(String name, int roundsMin, int roundsMax, int depthMin, int depthMax, double etaMin,
                          double etaMax, int liquidMin, int liquidMax, int lstmMin, int lstmMax, int modelMin,
                          int modelMax, int unitStep, int[] heads, int layersMax, double lrMin, double lrMax,
                          int[] batches, int epochsMin, int epochsMax, double ssMin, double ssMax,
                          int dqnEpisodes) {

    public static final SearchSpace PAPER = new SearchSpace("paper", 100, 300, 3, 7, 0.01, 0.3, 64, 1024, 64, 256,
            64, 256, 64, new int[] {2, 4, 8}, 3, 1e-5, 1e-3, new int[] {4, 8}, 50, 100, 5, 20, 150);
    public static final SearchSpace COMPACT = new SearchSpace("compact", 100, 300, 3, 7, 0.01, 0.3, 16, 64, 16, 64,
            16, 64, 16, new int[] {2, 4}, 2, 1e-3, 1e-2, new int[] {16, 32}, 8, 20, 5, 20, 30);
    public static final SearchSpace QUICK = new SearchSpace("quick", 100, 300, 3, 7, 0.01, 0.3, 16, 32, 16, 32, 16,
            32, 16, new int[] {2, 4}, 1, 1e-3, 1e-2, new int[] {32}, 2, 4, 5, 20, 3);

    public static SearchSpace named(String name) {
        return switch (name) {
            case "paper" -> PAPER;
            case "compact" -> COMPACT;
            case "quick" -> QUICK;
            default -> throw new IllegalArgumentException("unknown search space '" + name
                    + "'; known: paper, compact, quick");
        };
    }

    /** A random point, with the unit range of {@code model} (liquid cell, LSTM or Transformer). */
    public Hyperparameters sample(SplittableRandom r, ForecastModel model) {
        int unitsMin = model == ForecastModel.LSTM ? lstmMin : model == ForecastModel.TRANSFORMER ? modelMin : liquidMin;
        int unitsMax = model == ForecastModel.LSTM ? lstmMax : model == ForecastModel.TRANSFORMER ? modelMax : liquidMax;
        int hidden = unitsMin + unitStep * r.nextInt((unitsMax - unitsMin) / unitStep + 1);
        return new Hyperparameters(roundsMin + r.nextInt(roundsMax - roundsMin + 1),
                depthMin + r.nextInt(depthMax - depthMin + 1), logUniform(r, etaMin, etaMax), hidden,
                heads[r.nextInt(heads.length)], 1 + r.nextInt(layersMax), logUniform(r, lrMin, lrMax),
                batches[r.nextInt(batches.length)],
                epochsMin + r.nextInt(epochsMax - epochsMin + 1), ssMin + (ssMax - ssMin) * r.nextDouble());
    }

    private static double logUniform(SplittableRandom r, double lo, double hi) {
        return Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * r.nextDouble());
    }
}
