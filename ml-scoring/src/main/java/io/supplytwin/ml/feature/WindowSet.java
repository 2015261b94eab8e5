package io.supplytwin.ml.feature;

import java.util.ArrayList;
import java.util.List;

/** Training windows (flattened, raw), their 7-day targets and the day each window ends on. */
public record WindowSet(List<double[]> inputs, List<double[]> targets, List<Long> endDays) {

    public int size() {
        return inputs.size();
    }

    public WindowSet plus(WindowSet other) {
        List<double[]> x = new ArrayList<>(inputs);
        List<double[]> y = new ArrayList<>(targets);
        List<Long> d = new ArrayList<>(endDays);
        x.addAll(other.inputs);
        y.addAll(other.targets);
        d.addAll(other.endDays);
        return new WindowSet(x, y, d);
    }

    /** Windows ending before {@code day} (true) or on/after it (false). */
    public WindowSet split(long day, boolean before) {
        List<double[]> x = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        List<Long> d = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if ((endDays.get(i) < day) == before) {
                x.add(inputs.get(i));
                y.add(targets.get(i));
                d.add(endDays.get(i));
            }
        }
        return new WindowSet(x, y, d);
    }
}
