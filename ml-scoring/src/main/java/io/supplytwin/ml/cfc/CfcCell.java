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
 * Closed-form continuous-time (CfC) cell, Hasani, Lechner et al., "Closed-form continuous-time neural networks"
 * (Nature Machine Intelligence, 2022), eq. (6) with the shared backbone:
 * <pre>
 *   b = 1.7159·tanh(0.666·(W_b·[x, h] + c_b))          backbone (LeCun tanh)
 *   f = W_f·b + c_f,  g = tanh(W_g·b + c_g),  k = tanh(W_k·b + c_k)
 *   σ_t = sigmoid(−f·t)                                 time gate, t = elapsed time
 *   h'  = σ_t ⊙ g + (1 − σ_t) ⊙ k
 * </pre>
 * The three heads are one linear layer split three ways.
 */
public final class CfcCell extends RecurrentCell {
    private final int backboneUnits;
    private final Linear backbone;
    private final Linear heads;

    public CfcCell(int hidden, int backboneUnits) {
        super(hidden);
        this.backboneUnits = backboneUnits;
        this.backbone = addChildBlock("backbone", Linear.builder().setUnits(backboneUnits).build());
        this.heads = addChildBlock("heads", Linear.builder().setUnits(3L * hidden).build());
    }

    @Override
    protected NDArray step(ParameterStore ps, NDArray x, NDArray h, NDArray dt, boolean training) {
        NDArray z = x.concat(h, 1);
        NDArray b = backbone.forward(ps, new NDList(z), training).head().mul(0.666f).tanh().mul(1.7159f);
        NDList fgk = heads.forward(ps, new NDList(b), training).head().split(3, 1);
        NDArray gate = Activation.sigmoid(fgk.get(0).neg().mul(dt));
        NDArray g = fgk.get(1).tanh();
        NDArray k = fgk.get(2).tanh();
        return gate.mul(g).add(gate.neg().add(1f).mul(k));
    }

    @Override
    public CellKernel kernel() {
        DenseLayer bb = DenseLayer.of(backbone);
        DenseLayer fgk = DenseLayer.of(heads);
        int n = hidden;
        return (x, h, dt) -> {
            float[] b = bb.apply(CellKernel.join(x, h));
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) (1.7159 * Math.tanh(0.666 * b[i]));
            }
            float[] heads = fgk.apply(b);
            float[] next = new float[n];
            for (int i = 0; i < n; i++) {
                float gate = CellKernel.sigmoid(-heads[i] * dt);
                next[i] = gate * (float) Math.tanh(heads[n + i]) + (1 - gate) * (float) Math.tanh(heads[2 * n + i]);
            }
            return next;
        };
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        backbone.initialize(manager, dataType, joinedShape(inputShapes[0]));
        heads.initialize(manager, dataType, new Shape(inputShapes[0].get(0), backboneUnits));
    }
}
