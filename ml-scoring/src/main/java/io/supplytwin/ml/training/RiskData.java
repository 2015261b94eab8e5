package io.supplytwin.ml.training;

import io.supplytwin.ml.feature.EntityHistory;
import io.supplytwin.ml.feature.ForecastFeatures;
import io.supplytwin.ml.feature.RiskFeatures;
import io.supplytwin.ml.history.EnterpriseDistressHistory;
import io.supplytwin.ml.history.EquipmentFailureHistory;
import io.supplytwin.ml.risk.LabelledSequences;
import java.util.List;

/**
 * Labelled windows for the two risk models, split by entity (the last 30 % of firms or machines validate):
 * enterprise windows of 30 days labelled "defaults within 30 days", machine windows of 12 readings (48 h) labelled
 * "fails within the next 12 readings".
 */
public record RiskData(LabelledSequences training, LabelledSequences validation) {
    public static final int DISTRESS_HORIZON_DAYS = 30;
    public static final int EQUIPMENT_WINDOW = 12;
    public static final int EQUIPMENT_HORIZON = 12;

    public static RiskData enterprises(long seed, int firms, int days) {
        List<EnterpriseDistressHistory.Firm> all = EnterpriseDistressHistory.generate(seed, firms, days);
        RiskData data = new RiskData(new LabelledSequences(), new LabelledSequences());
        for (int f = 0; f < all.size(); f++) {
            EnterpriseDistressHistory.Firm firm = all.get(f);
            EntityHistory h = firm.history();
            List<double[]> rows = RiskFeatures.enterpriseSnapshots(h);
            LabelledSequences target = f < all.size() * 0.7 ? data.training : data.validation;
            for (int i = RiskFeatures.WINDOW_DAYS - 1; i < rows.size(); i += 2) {
                // a firm still alive at the end of the run has an unknown future past the last 30 days
                if (firm.defaultDay() < 0 && i + DISTRESS_HORIZON_DAYS >= days) {
                    break;
                }
                add(target, RiskFeatures.sequence(rows, i, RiskFeatures.WINDOW_DAYS), firm.defaultsWithin(i, DISTRESS_HORIZON_DAYS));
            }
        }
        return data;
    }

    public static RiskData equipment(long seed, int machines, int readings) {
        List<EquipmentFailureHistory.Machine> all = EquipmentFailureHistory.generate(seed, machines, readings);
        RiskData data = new RiskData(new LabelledSequences(), new LabelledSequences());
        for (int m = 0; m < all.size(); m++) {
            EquipmentFailureHistory.Machine machine = all.get(m);
            LabelledSequences target = m < all.size() * 0.7 ? data.training : data.validation;
            for (int i = EQUIPMENT_WINDOW - 1; i + EQUIPMENT_HORIZON < readings; i += 2) {
                add(target, RiskFeatures.sequence(machine.readings(), i, EQUIPMENT_WINDOW), machine.failsWithin(i, EQUIPMENT_HORIZON));
            }
        }
        return data;
    }

    private static void add(LabelledSequences target, double[] sequence, boolean label) {
        if (sequence != null && ForecastFeatures.allFinite(sequence)) {
            target.add(sequence, label);
        }
    }
}
