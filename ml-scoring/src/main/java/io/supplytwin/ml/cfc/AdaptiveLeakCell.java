package io.supplytwin.ml.cfc;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * Seed 000's liquid state update with an adaptive leak rate:
 * <pre>
 *   a_t = tanh(W_a·[x_t, s_{t−1}] + c_a)              activation
 *   α_t = sigmoid(W_α·[x_t, s_{t−1}] + c_α)           adaptive leak (c_α starts at 0, so α starts at 0.5)
 *   s_t = (1 − α_t)·s_{t−1} + α_t·a_t + (dt/τ)·(a_t − s_{t−1})
 * </pre>
 * with τ = 1 and the integration step dt = 0.1 of the elapsed time: with dt = τ the last term would double the
 * move towards a_t and the state would overshoot.
 */
public final class AdaptiveLeakCell extends RecurrentCell {
    static final float TAU = 1f;
    static final float DT_SCALE = 0.1f;
    private final Linear activation;
    private final Linear leak;

    public AdaptiveLeakCell(int hidden) {
        super(hidden);
        this.activation = addChildBlock("activation", Linear.builder().setUnits(hidden).build());
        this.leak = addChildBlock("leak", Linear.builder().setUnits(hidden).build());
    }

    @Override
    protected NDArray step(ParameterStore ps, NDArray x, NDArray s, NDArray dt, boolean training) {
        NDArray z = x.concat(s, 1);
        NDArray a = activation.forward(ps, new NDList(z), training).head().tanh();
        NDArray alpha = Activation.sigmoid(leak.forward(ps, new NDList(z), training).head());
        NDArray drive = a.sub(s);
        return s.add(alpha.mul(drive)).add(drive.mul(dt.mul(DT_SCALE / TAU)));
    }

    @Override
    public CellKernel kernel() {
        DenseLayer act = DenseLayer.of(activation);
        DenseLayer lk = DenseLayer.of(leak);
        return (x, s, dt) -> {
            float[] z = CellKernel.join(x, s);
            float[] a = act.apply(z);
            float[] alpha = lk.apply(z);
            float[] next = new float[s.length];
            for (int i = 0; i < s.length; i++) {
                float drive = (float) Math.tanh(a[i]) - s[i];
                next[i] = s[i] + CellKernel.sigmoid(alpha[i]) * drive + drive * dt * (DT_SCALE / TAU);
            }
            return next;
        };
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        activation.initialize(manager, dataType, joinedShape(inputShapes[0]));
        leak.initialize(manager, dataType, joinedShape(inputShapes[0]));
    }
}
