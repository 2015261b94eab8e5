package io.supplytwin.ml.forecast;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.PairList;
import io.supplytwin.ml.artifact.ArtifactFiles;
import io.supplytwin.ml.cfc.AdaptiveLeakCell;
import io.supplytwin.ml.cfc.CellKernel;
import io.supplytwin.ml.cfc.CfcCell;
import io.supplytwin.ml.cfc.DenseLayer;
import io.supplytwin.ml.cfc.RecurrentCell;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small sequence network on DJL (PyTorch engine): a core over the window and a linear head with one output per
 * step ahead. The core is a CfC cell, seed 000's adaptive-leak cell, an LSTM or a Transformer encoder. It returns
 * both the outputs and the core's final state (what the hybrids hand to XGBoost). Inference runs with a fresh sub-manager
 * per call, so several threads can score at once.
 */
public final class SequenceNet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SequenceNet.class);
    static final String PARAMS_FILE = "network.params";
    static final String SPEC_FILE = "network.json";

    /**
     * What the network is: core kind and sizes. Saved as {@code network.json}. For the {@code transformer} core,
     * {@code hidden} is the model size and {@code heads}, {@code layers} shape the encoder; the recurrent cores leave
     * them 0 (so do files written before the Transformer existed).
     */
    public record Spec(String core, int steps, int features, int hidden, int outputs, boolean sigmoid, int heads,
                       int layers) {
        public Spec(String core, int steps, int features, int hidden, int outputs, boolean sigmoid) {
            this(core, steps, features, hidden, outputs, sigmoid, 0, 0);
        }
    }

    /** Training settings. */
    public record Settings(int epochs, int batch, float learningRate, long seed) {
        public static Settings small(long seed) {
            return new Settings(30, 32, 0.005f, seed);
        }
    }

    /** Restarts after a diverged epoch before training stops on the last finite weights. */
    static final int MAX_DIVERGENCES = 3;

    private final Spec spec;
    private final Model model;
    private final Head block;
    /** Plain-Java inference of a trained liquid cell and the head; null for the LSTM (runs on DJL). */
    private CellKernel kernel;
    private DenseLayer headLayer;

    private SequenceNet(Spec spec) {
        this.spec = spec;
        this.block = new Head(core(spec), spec.outputs(), spec.sigmoid());
        this.model = Model.newInstance("supplytwin-" + spec.core());
        model.setBlock(block);
    }

    private static Block core(Spec spec) {
        return switch (spec.core()) {
            case "cfc" -> new CfcCell(spec.hidden(), 2 * spec.hidden());
            case "adaptive-leak" -> new AdaptiveLeakCell(spec.hidden());
            case "lstm" -> LSTM.builder().setStateSize(spec.hidden()).setNumLayers(1).optBatchFirst(true)
                    .optReturnState(false).build();
            case "transformer" -> new TransformerEncoder(spec.hidden(), spec.heads(), spec.layers(), spec.steps());
            default -> throw new IllegalArgumentException("unknown network core " + spec.core());
        };
    }

    /**
     * Trains on {@code inputs} (n windows, row-major steps × features) against {@code labels} (n × outputs): mean
     * squared error, or binary cross-entropy when the spec has a sigmoid output.
     */
    public static SequenceNet train(Spec spec, float[] inputs, float[] labels, Settings settings, IntConsumer epochDone) {
        Engine.getInstance().setRandomSeed((int) settings.seed());
        SequenceNet net = new SequenceNet(spec);
        int per = spec.steps() * spec.features();
        int n = inputs.length / per;
        SplittableRandom random = new SplittableRandom(settings.seed());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        float learningRate = settings.learningRate();
        float[][] lastGood = null;
        int epoch = 0;
        int divergences = 0;
        while (epoch < settings.epochs() && divergences <= MAX_DIVERGENCES) {
            try (Trainer trainer = net.model.newTrainer(config(learningRate))) {
                trainer.initialize(new Shape(settings.batch(), spec.steps(), spec.features()));
                if (lastGood != null) {
                    net.setParameterValues(lastGood);
                }
                lastGood = net.parameterValues();
                for (; epoch < settings.epochs(); epoch++) {
                    shuffle(order, random);
                    if (!Double.isFinite(trainEpoch(trainer, spec, inputs, labels, order, settings.batch()))) {
                        // a diverged step leaves NaN weights and optimizer state: go back to the last finite epoch
                        // with a fresh optimizer at half the learning rate
                        divergences++;
                        learningRate /= 2;
                        LOG.warn("Training of the {} network diverged in epoch {}; going on from epoch {}'s weights at "
                                + "learning rate {}", spec.core(), epoch + 1, epoch, learningRate);
                        break;
                    }
                    lastGood = net.parameterValues();
                    if (epochDone != null) {
                        epochDone.accept(epoch + 1);
                    }
                }
            }
        }
        net.setParameterValues(lastGood);
        net.prepareInference();
        return net;
    }

    private static DefaultTrainingConfig config(float learningRate) {
        return new DefaultTrainingConfig(Loss.l2Loss())
                .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate))
                        .optClipGrad(1f).build());
    }

    /** One pass over the data in the given order; returns the summed batch losses (NaN when a step diverged). */
    private static double trainEpoch(Trainer trainer, Spec spec, float[] inputs, float[] labels, int[] order, int batchSize) {
        int per = spec.steps() * spec.features();
        double epochLoss = 0;
        for (int from = 0; from < order.length; from += batchSize) {
            int b = Math.min(batchSize, order.length - from);
            float[] x = new float[b * per];
            float[] y = new float[b * spec.outputs()];
            for (int i = 0; i < b; i++) {
                System.arraycopy(inputs, order[from + i] * per, x, i * per, per);
                System.arraycopy(labels, order[from + i] * spec.outputs(), y, i * spec.outputs(), spec.outputs());
            }
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray xs = batch.create(x, new Shape(b, spec.steps(), spec.features()));
                NDArray ys = batch.create(y, new Shape(b, spec.outputs()));
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray out = trainer.forward(new NDList(xs)).get(0);
                    NDArray loss = loss(out, ys, spec.sigmoid());
                    epochLoss += loss.getFloat();
                    if (!Double.isFinite(epochLoss)) {
                        return epochLoss;
                    }
                    collector.backward(loss);
                }
                trainer.step();
            }
        }
        return epochLoss;
    }

    private float[][] parameterValues() {
        return block.getParameters().values().stream().map(p -> p.getArray().toFloatArray()).toArray(float[][]::new);
    }

    private void setParameterValues(float[][] values) {
        int i = 0;
        for (Parameter p : block.getParameters().values()) {
            p.getArray().set(values[i++]);
        }
    }

    private static NDArray loss(NDArray out, NDArray labels, boolean sigmoid) {
        if (!sigmoid) {
            return out.sub(labels).square().mean();
        }
        // out holds probabilities; clip so log stays finite
        NDArray p = out.clip(1e-6f, 1 - 1e-6f);
        return labels.mul(p.log()).add(labels.neg().add(1f).mul(p.neg().add(1f).log())).mean().neg();
    }

    public static SequenceNet load(Path dir) throws IOException {
        Spec spec = ArtifactFiles.read(dir.resolve(SPEC_FILE), Spec.class);
        SequenceNet net = new SequenceNet(spec);
        Path params = ArtifactFiles.require(dir.resolve(PARAMS_FILE));
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(params)))) {
            net.block.loadParameters(net.model.getNDManager(), in);
            net.prepareInference();
        } catch (IOException | RuntimeException | MalformedModelException e) {
            net.close();
            throw new IOException("corrupt model file " + params + ": " + e.getMessage(), e);
        }
        return net;
    }

    public void save(Path dir) throws IOException {
        ArtifactFiles.write(dir.resolve(SPEC_FILE), spec);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(dir.resolve(PARAMS_FILE))))) {
            block.saveParameters(out);
        }
    }

    public Spec spec() {
        return spec;
    }

    private void prepareInference() {
        if (block.core instanceof RecurrentCell cell) {
            kernel = cell.kernel();
            headLayer = DenseLayer.of(block.head);
        }
    }

    /** Outputs (n × outputs) and final hidden states (n × hidden) of n scaled windows. */
    public Output run(float[] inputs) {
        if (kernel == null) {
            return runOnEngine(inputs);
        }
        int per = spec.steps() * spec.features();
        int n = inputs.length / per;
        float[] values = new float[n * spec.outputs()];
        float[] hidden = new float[n * spec.hidden()];
        for (int i = 0; i < n; i++) {
            float[] h = kernel.unroll(inputs, i * per, spec.steps(), spec.features(), spec.hidden());
            float[] out = headLayer.apply(h);
            if (spec.sigmoid()) {
                for (int k = 0; k < out.length; k++) {
                    out[k] = CellKernel.sigmoid(out[k]);
                }
            }
            System.arraycopy(out, 0, values, i * spec.outputs(), spec.outputs());
            System.arraycopy(h, 0, hidden, i * spec.hidden(), spec.hidden());
        }
        return new Output(values, hidden);
    }

    /** {@link #run} through DJL's engine, whatever the core. */
    public Output runOnEngine(float[] inputs) {
        int n = inputs.length / (spec.steps() * spec.features());
        try (NDManager call = model.getNDManager().newSubManager()) {
            NDArray x = call.create(inputs, new Shape(n, spec.steps(), spec.features()));
            NDList out = block.forward(new ParameterStore(call, false), new NDList(x), false);
            return new Output(out.get(0).toFloatArray(), out.get(1).toFloatArray());
        }
    }

    /** Network outputs and hidden states, flattened row-major. */
    public record Output(float[] values, float[] hidden) {
    }

    @Override
    public void close() {
        model.close();
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Core + linear head; forward returns [outputs, hidden]. */
    static final class Head extends AbstractBlock {
        final Block core;
        final Linear head;
        private final boolean sigmoid;

        Head(Block core, int outputs, boolean sigmoid) {
            super((byte) 1);
            this.core = addChildBlock("core", core);
            this.head = addChildBlock("head", Linear.builder().setUnits(outputs).build());
            this.sigmoid = sigmoid;
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
            NDArray hidden = core.forward(ps, inputs, training).get(0);
            if (hidden.getShape().dimension() == 3) {
                hidden = hidden.get(new NDIndex(":, -1, :")); // LSTM: the last step's output
            }
            NDArray out = head.forward(ps, new NDList(hidden), training).get(0);
            return new NDList(sigmoid ? Activation.sigmoid(out) : out, hidden);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            Shape[] coreOut = core.getOutputShapes(inputShapes);
            long hidden = coreOut[0].get(coreOut[0].dimension() - 1);
            Shape h = new Shape(inputShapes[0].get(0), hidden);
            return new Shape[] {head.getOutputShapes(new Shape[] {h})[0], h};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            core.initialize(manager, dataType, inputShapes);
            Shape[] coreOut = core.getOutputShapes(inputShapes);
            head.initialize(manager, dataType, new Shape(inputShapes[0].get(0), coreOut[0].get(coreOut[0].dimension() - 1)));
        }
    }
}
