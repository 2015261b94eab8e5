package io.supplytwin.ml.cfc;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A recurrent cell unrolled over a window: input (batch, steps, features), optional elapsed time per step
 * (batch, steps) as a second input (1 day when absent), output the final hidden state (batch, hidden).
 */
public abstract class RecurrentCell extends AbstractBlock {
    protected final int hidden;

    protected RecurrentCell(int hidden) {
        super((byte) 1);
        this.hidden = hidden;
    }

    public int hidden() {
        return hidden;
    }

    /** The trained step in plain Java, for inference (call after training or loading). */
    public abstract CellKernel kernel();

    /** One step: the new state from input x (batch, features), state h (batch, hidden) and elapsed time dt (batch, 1). */
    protected abstract NDArray step(ParameterStore ps, NDArray x, NDArray h, NDArray dt, boolean training);

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        long batch = x.getShape().get(0);
        long steps = x.getShape().get(1);
        NDArray h = x.getManager().zeros(new Shape(batch, hidden), x.getDataType());
        NDArray ones = x.getManager().ones(new Shape(batch, 1), x.getDataType());
        for (long t = 0; t < steps; t++) {
            NDArray xt = x.get(new NDIndex(":, {}, :", t));
            NDArray dt = inputs.size() > 1 ? inputs.get(1).get(new NDIndex(":, {}", t)).reshape(batch, 1) : ones;
            h = step(ps, xt, h, dt, training);
        }
        return new NDList(h);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), hidden)};
    }

    /** Shape of [x_t, h] for a batch: what the cell's first layer reads. */
    protected Shape joinedShape(Shape input) {
        return new Shape(input.get(0), input.get(2) + hidden);
    }
}
