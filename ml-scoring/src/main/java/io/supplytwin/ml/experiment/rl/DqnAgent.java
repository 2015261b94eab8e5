package io.supplytwin.ml.experiment.rl;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.supplytwin.ml.cfc.DenseLayer;
import io.supplytwin.ml.feature.DayObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deep Q-network ordering agent (Mnih et al. 2015) trained on DJL: actions are order quantities 0, 16, 32, …
 * (seed 000's batch), the state is {@link OrderState}, and the reward of a day is its profit (revenue − purchase −
 * holding − shortage) in units of price × typical demand plus {@code serviceWeight} × the share of demand served.
 * Experience replay (20,000 transitions), ε-greedy exploration decaying linearly from 1.0 to 0.1, a target network
 * refreshed every {@code targetSync} updates, Huber loss, Adam. Once trained, the Q-network's weights are copied out
 * and {@link #order} runs in plain Java: the agent holds no native resources and is safe to share between threads.
 */
public final class DqnAgent {
    private static final Logger LOG = LoggerFactory.getLogger(DqnAgent.class);
    /** Seed 000's order batch: actions are multiples of it. */
    public static final int BATCH_UNITS = 16;

    /**
     * @param hidden        units of each of the two hidden layers (seed 000: 64–256)
     * @param actions       order quantities 0, 16, …, 16·(actions − 1)
     * @param episodes      training episodes (seed 000: 100–200)
     * @param bufferSize    replay capacity (seed 000: 20,000)
     * @param batch         transitions per update
     * @param gamma         discount per day
     * @param learningRate  Adam's
     * @param epsilonStart  exploration at the start (seed 000: 1.0)
     * @param epsilonEnd    exploration after {@code epsilonDecay} of the steps (seed 000: 0.1)
     * @param epsilonDecay  share of all training steps over which ε falls linearly
     * @param targetSync    updates between copies of the online network into the target network
     * @param warmUp        transitions collected before the first update
     * @param serviceWeight weight of the day's service level in the reward
     * @param seed          seeds initial weights, exploration and replay sampling
     */
    public record Settings(int hidden, int actions, int episodes, int bufferSize, int batch, double gamma,
                           float learningRate, double epsilonStart, double epsilonEnd, double epsilonDecay,
                           int targetSync, int warmUp, double serviceWeight, long seed) {
        /** Seed 000's settings where it states them, ours elsewhere; {@code actions} to cover the demand. */
        public static Settings defaults(int actions, int episodes, long seed) {
            return new Settings(64, actions, episodes, 20_000, 32, 0.9, 0.001f, 1.0, 0.1, 0.8, 200, 500, 0.2, seed);
        }

        /** Actions enough to order up to twice the largest daily demand. */
        public static int actionsFor(double[] demand) {
            double max = 0;
            for (double d : demand) {
                max = Math.max(max, d);
            }
            return Math.max(2, (int) Math.ceil(2 * max / BATCH_UNITS) + 1);
        }
    }

    /** What training did, for logs and reports. */
    public record TrainingSummary(int episodes, long steps, long updates, double lastEpisodeReward) {
    }

    private final List<DenseLayer> layers;
    private final int actions;
    private final double scale;
    private final TrainingSummary summary;

    private DqnAgent(List<DenseLayer> layers, int actions, double scale, TrainingSummary summary) {
        this.layers = layers;
        this.actions = actions;
        this.scale = scale;
        this.summary = summary;
    }

    /**
     * Trains on {@code environment}.
     *
     * @param demandScale  a typical daily demand of the layer (the mean of its training demand): scales state and
     *                     reward
     * @param price        the layer's unit price, for the reward's scale
     * @param episodeDone  hears each finished episode (1-based); may be null
     */
    public static DqnAgent train(OrderingEnvironment environment, double demandScale, double price, Settings s,
                                 IntConsumer episodeDone) {
        if (!(demandScale > 0) || !(price > 0) || s.actions() < 2 || s.episodes() < 1) {
            throw new IllegalArgumentException("need a positive demand scale and price, 2+ actions and 1+ episodes");
        }
        long started = System.nanoTime();
        Engine.getInstance().setRandomSeed((int) s.seed());
        SplittableRandom random = new SplittableRandom(s.seed());
        ReplayBuffer replay = new ReplayBuffer(s.bufferSize());
        Linear[] linears = {Linear.builder().setUnits(s.hidden()).build(), Linear.builder().setUnits(s.hidden()).build(),
            Linear.builder().setUnits(s.actions()).build()};
        SequentialBlock block = new SequentialBlock().add(linears[0]).add(Activation::relu).add(linears[1])
                .add(Activation::relu).add(linears[2]);
        try (Model model = Model.newInstance("supplytwin-dqn")) {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(s.learningRate()))
                            .optClipGrad(1f).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(s.batch(), OrderState.WIDTH));
                List<DenseLayer> online = snapshot(linears);
                List<DenseLayer> target = online;
                double rewardScale = price * demandScale;
                long steps = 0;
                long updates = 0;
                double episodeReward = 0;
                // an episode's length is not known in advance: decay over the steps the first episode suggests
                long plannedSteps = -1;
                for (int e = 0; e < s.episodes(); e++) {
                    OrderingEnvironment.Observation obs = environment.reset(random);
                    float[] state = OrderState.of(obs.history(), obs.inventory(), demandScale);
                    episodeReward = 0;
                    long episodeSteps = 0;
                    while (true) {
                        double progress = plannedSteps <= 0 ? 0 : steps / (s.epsilonDecay() * plannedSteps);
                        double epsilon = Math.max(s.epsilonEnd(),
                                s.epsilonStart() - (s.epsilonStart() - s.epsilonEnd()) * progress);
                        int action = random.nextDouble() < epsilon ? random.nextInt(s.actions()) : greedy(online, state);
                        OrderingEnvironment.Outcome out = environment.step(action * (double) BATCH_UNITS);
                        float reward = (float) (out.profit() / rewardScale + s.serviceWeight() * out.serviceLevel());
                        float[] next = OrderState.of(out.next().history(), out.next().inventory(), demandScale);
                        replay.add(state, action, reward, next);
                        episodeReward += reward;
                        steps++;
                        episodeSteps++;
                        if (replay.size() >= Math.max(s.warmUp(), s.batch())) {
                            update(trainer, replay.sample(s.batch(), random), target, s);
                            updates++;
                            online = snapshot(linears);
                            if (updates % s.targetSync() == 0) {
                                target = online;
                            }
                        }
                        state = next;
                        if (out.done()) {
                            break;
                        }
                    }
                    if (plannedSteps < 0) {
                        plannedSteps = episodeSteps * s.episodes();
                    }
                    if (episodeDone != null) {
                        episodeDone.accept(e + 1);
                    }
                }
                TrainingSummary summary = new TrainingSummary(s.episodes(), steps, updates, episodeReward);
                LOG.info("DQN trained: {} episodes, {} steps, {} updates, last episode reward {} in {} s", s.episodes(),
                        steps, updates, String.format("%.2f", episodeReward),
                        String.format("%.1f", (System.nanoTime() - started) / 1e9));
                return new DqnAgent(snapshot(linears), s.actions(), demandScale, summary);
            }
        }
    }

    /** One gradient step on the Huber loss between Q(s, a) and r + γ·max Q_target(s', ·). */
    private static void update(Trainer trainer, ReplayBuffer.Batch b, List<DenseLayer> target, Settings s) {
        int n = b.actions().length;
        float[] y = new float[n];
        float[] mask = new float[n * s.actions()];
        for (int i = 0; i < n; i++) {
            float[] q = values(target, b.next()[i]);
            float best = q[0];
            for (float v : q) {
                best = Math.max(best, v);
            }
            y[i] = (float) (b.rewards()[i] + s.gamma() * best);
            mask[i * s.actions() + b.actions()[i]] = 1;
        }
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray states = m.create(b.states(), new Shape(n, b.width()));
            NDArray targets = m.create(y, new Shape(n));
            NDArray chosen = m.create(mask, new Shape(n, s.actions()));
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray q = trainer.forward(new NDList(states)).singletonOrThrow().mul(chosen).sum(new int[] {1});
                NDArray error = q.sub(targets).abs();
                NDArray quadratic = error.minimum(1f);
                NDArray loss = quadratic.square().mul(0.5f).add(error.sub(quadratic)).mean();
                collector.backward(loss);
            }
            trainer.step();
        }
    }

    private static List<DenseLayer> snapshot(Linear[] linears) {
        List<DenseLayer> out = new ArrayList<>(linears.length);
        for (Linear l : linears) {
            out.add(DenseLayer.of(l));
        }
        return List.copyOf(out);
    }

    /** Q-values of a state: dense, ReLU, dense, ReLU, dense. */
    private static float[] values(List<DenseLayer> layers, float[] state) {
        float[] x = state;
        for (int i = 0; i < layers.size(); i++) {
            x = layers.get(i).apply(x);
            if (i < layers.size() - 1) {
                for (int k = 0; k < x.length; k++) {
                    x[k] = Math.max(0, x[k]);
                }
            }
        }
        return x;
    }

    private static int greedy(List<DenseLayer> layers, float[] state) {
        float[] q = values(layers, state);
        int best = 0;
        for (int a = 1; a < q.length; a++) {
            if (q[a] > q[best]) {
                best = a;
            }
        }
        return best;
    }

    /**
     * Today's order for a layer: the quantity of the greedy action. {@code history} is the layer's days, oldest
     * first, today last; {@code inventory} its stock after today's sales (the experiment's {@code LayerView}).
     */
    public double order(List<DayObservation> history, double inventory) {
        return BATCH_UNITS * (double) action(history, inventory);
    }

    /** The greedy action's index (the order is 16 × it). */
    public int action(List<DayObservation> history, double inventory) {
        return greedy(layers, OrderState.of(history, inventory, scale));
    }

    public int actions() {
        return actions;
    }

    public TrainingSummary summary() {
        return summary;
    }
}
