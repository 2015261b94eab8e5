package io.supplytwin.streams.forecast;

import io.supplytwin.ml.feature.RiskIndicators;
import io.supplytwin.ml.training.RiskData;
import io.supplytwin.streams.state.StateCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One machine's recent 4-hourly samples of the fault model's indicators (oldest first, at most the model's window)
 * and whether its fault alert is raised; kept in its own store, touched once per machine and 4 hours.
 */
public final class EquipmentSamples {

    public static final StateCodec<EquipmentSamples> CODEC = new StateCodec<>("equipment samples", 1,
            EquipmentSamples::write, EquipmentSamples::read);

    private final List<Map<String, Double>> samples;
    private boolean alert;

    private EquipmentSamples(List<Map<String, Double>> samples, boolean alert) {
        this.samples = samples;
        this.alert = alert;
    }

    public static EquipmentSamples empty() {
        return new EquipmentSamples(new ArrayList<>(), false);
    }

    /** Takes the fault model's indicators out of a twin's latest values. */
    public void add(Map<String, Double> latest) {
        Map<String, Double> sample = new HashMap<>();
        for (String id : RiskIndicators.EQUIPMENT) {
            Double v = latest.get(id);
            if (v != null) {
                sample.put(id, v);
            }
        }
        samples.add(sample);
        while (samples.size() > RiskData.EQUIPMENT_WINDOW) {
            samples.remove(0);
        }
    }

    public List<Map<String, Double>> samples() {
        return List.copyOf(samples);
    }

    public boolean alert() {
        return alert;
    }

    public void alert(boolean raised) {
        alert = raised;
    }

    private static void write(EquipmentSamples s, StateCodec.Out out) throws IOException {
        out.writeBoolean(s.alert);
        out.writeByte(s.samples.size());
        for (Map<String, Double> sample : s.samples) {
            out.writeByte(sample.size());
            for (Map.Entry<String, Double> e : sample.entrySet()) {
                out.writeByte(RiskIndicators.EQUIPMENT.indexOf(e.getKey()));
                out.writeDouble(e.getValue());
            }
        }
    }

    private static EquipmentSamples read(StateCodec.In in, int version) throws IOException {
        boolean alert = in.readBoolean();
        int n = in.readUnsignedByte();
        List<Map<String, Double>> samples = new ArrayList<>(n + 1);
        for (int i = 0; i < n; i++) {
            int k = in.readUnsignedByte();
            Map<String, Double> sample = new HashMap<>(k * 2);
            for (int j = 0; j < k; j++) {
                sample.put(RiskIndicators.EQUIPMENT.get(in.readUnsignedByte()), in.readDouble());
            }
            samples.add(sample);
        }
        return new EquipmentSamples(samples, alert);
    }
}
