package io.supplytwin.ml.scoring;

import io.supplytwin.ml.feature.DayObservation;
import io.supplytwin.ml.feature.EntityHistory;
import io.supplytwin.ml.history.EnterpriseDistressHistory;
import io.supplytwin.ml.history.SeedDemandChain;
import java.util.ArrayList;
import java.util.List;

/** Enterprise histories for scorer tests: a retailer's days from seed 000's chain with a generated firm's indicators. */
final class Histories {
    private Histories() {
    }

    static EntityHistory enterprise(long seed, int days) {
        List<DayObservation> supply = SeedDemandChain.generate(seed, days).get(0);
        EnterpriseDistressHistory.Firm firm = EnterpriseDistressHistory.generate(seed, 60, days).stream()
                .filter(f -> f.history().size() >= days).findFirst().orElseThrow();
        List<DayObservation> out = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            DayObservation s = supply.get(i);
            DayObservation f = firm.history().days().get(i);
            out.add(new DayObservation(s.day(), s.demand(), s.orders(), s.inventory(), s.sales(), f.health(),
                    f.indicators()));
        }
        return new EntityHistory("e-" + seed, "e-" + seed, out);
    }

    static EntityHistory supplyOnly(long seed, int days) {
        return new EntityHistory("r-" + seed, "e-" + seed, SeedDemandChain.generate(seed, days).get(0));
    }
}
