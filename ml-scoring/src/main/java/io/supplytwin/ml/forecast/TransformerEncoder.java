package io.supplytwin.ml.forecast;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.transformer.PointwiseFeedForwardBlock;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A small Transformer encoder over a window (batch × steps × features): a linear embedding to {@code model} units
 * plus the fixed sinusoidal positional encoding of Vaswani et al. (2017), then {@code layers} encoder layers of
 * multi-head self-attention and a position-wise feed-forward network (2·model units, GELU), each with dropout and a
 * residual connection, and a final layer norm. Layer norm comes before each sub-layer (pre-norm): it trains stably at
 * a fixed learning rate without the warm-up post-norm needs. DJL's own {@code TransformerEncoderBlock} normalises
 * with batch norm, hence this block. The output is every step's encoding flattened (batch × steps·model), so the
 * head sees the whole window.
 */
final class TransformerEncoder extends AbstractBlock {
    /** Seed 000's Transformer dropout. */
    static final float DROPOUT = 0.1f;

    private final int model;
    private final int steps;
    private final Linear embedding;
    private final List<EncoderLayer> encoderLayers = new ArrayList<>();
    private final LayerNorm finalNorm;
    private final float[] positions;

    TransformerEncoder(int model, int heads, int layers, int steps) {
        super((byte) 1);
        if (model % heads != 0) {
            throw new IllegalArgumentException("model size " + model + " is not a multiple of " + heads + " heads");
        }
        this.model = model;
        this.steps = steps;
        this.embedding = addChildBlock("embedding", Linear.builder().setUnits(model).build());
        for (int l = 0; l < layers; l++) {
            encoderLayers.add(addChildBlock("layer" + l, new EncoderLayer(model, heads)));
        }
        this.finalNorm = addChildBlock("finalNorm", LayerNorm.builder().axis(2).build());
        this.positions = positionalEncoding(steps, model);
    }

    /** PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(pos / 10000^(2i/d)). */
    static float[] positionalEncoding(int steps, int model) {
        float[] pe = new float[steps * model];
        for (int pos = 0; pos < steps; pos++) {
            for (int i = 0; i < model; i += 2) {
                double angle = pos / Math.pow(10000, (double) i / model);
                pe[pos * model + i] = (float) Math.sin(angle);
                if (i + 1 < model) {
                    pe[pos * model + i + 1] = (float) Math.cos(angle);
                }
            }
        }
        return pe;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        NDArray x = inputs.singletonOrThrow();
        NDArray pe = x.getManager().create(positions, new Shape(1, steps, model));
        NDArray h = embedding.forward(ps, new NDList(x), training).singletonOrThrow().add(pe);
        for (EncoderLayer layer : encoderLayers) {
            h = layer.forward(ps, new NDList(h), training).singletonOrThrow();
        }
        h = finalNorm.forward(ps, new NDList(h), training).singletonOrThrow();
        return new NDList(h.reshape(h.getShape().get(0), (long) steps * model));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), (long) steps * model)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, inputShapes[0]);
        Shape encoded = new Shape(inputShapes[0].get(0), steps, model);
        for (EncoderLayer layer : encoderLayers) {
            layer.initialize(manager, dataType, encoded);
        }
        finalNorm.initialize(manager, dataType, encoded);
    }

    /** x + Dropout(Attention(LN(x))), then x + Dropout(FFN(LN(x))). */
    static final class EncoderLayer extends AbstractBlock {
        private final LayerNorm attentionNorm;
        private final ScaledDotProductAttentionBlock attention;
        private final Dropout attentionDropout;
        private final LayerNorm feedForwardNorm;
        private final PointwiseFeedForwardBlock feedForward;
        private final Dropout feedForwardDropout;

        EncoderLayer(int model, int heads) {
            super((byte) 1);
            attentionNorm = addChildBlock("attentionNorm", LayerNorm.builder().axis(2).build());
            attention = addChildBlock("attention", ScaledDotProductAttentionBlock.builder().setEmbeddingSize(model)
                    .setHeadCount(heads).optAttentionProbsDropoutProb(DROPOUT).build());
            attentionDropout = addChildBlock("attentionDropout", Dropout.builder().optRate(DROPOUT).build());
            feedForwardNorm = addChildBlock("feedForwardNorm", LayerNorm.builder().axis(2).build());
            feedForward = addChildBlock("feedForward",
                    new PointwiseFeedForwardBlock(List.of(2 * model), model, Activation::gelu));
            feedForwardDropout = addChildBlock("feedForwardDropout", Dropout.builder().optRate(DROPOUT).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                         PairList<String, Object> p) {
            NDArray x = inputs.singletonOrThrow();
            NDList normed = attentionNorm.forward(ps, new NDList(x), training);
            NDArray attended = attention.forward(ps, normed, training).get(0);
            x = x.add(attentionDropout.forward(ps, new NDList(attended), training).singletonOrThrow());
            normed = feedForwardNorm.forward(ps, new NDList(x), training);
            NDArray fed = feedForward.forward(ps, normed, training).singletonOrThrow();
            return new NDList(x.add(feedForwardDropout.forward(ps, new NDList(fed), training).singletonOrThrow()));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {inputShapes[0]};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            for (var child : getChildren().values()) {
                child.initialize(manager, dataType, inputShapes[0]);
            }
        }
    }
}
