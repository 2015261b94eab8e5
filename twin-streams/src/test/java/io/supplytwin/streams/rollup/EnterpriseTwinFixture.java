package io.supplytwin.streams.rollup;

import io.supplytwin.schemas.avro.CreditHistory;
import io.supplytwin.schemas.avro.HealthComponent;
import io.supplytwin.schemas.avro.HealthIndex;
import io.supplytwin.schemas.avro.TwinLevel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An enterprise twin with every part filled: its own and its children's values, health, history and alerts. */
final class EnterpriseTwinFixture {
    private EnterpriseTwinFixture() {
    }

    static EnterpriseTwin sample() {
        EnterpriseTwin t = EnterpriseTwin.create("t2-03");
        t.accept("t2-03", TwinLevel.ENTERPRISE, Map.of("revenue_cny_month", 2.5e6));
        t.accept("t2-03-eq-02", TwinLevel.EQUIPMENT, Map.of("availability_pct", 88.0));
        t.accept("t2-03-ord-04", TwinLevel.ORDER, Map.of("delivery_delay_h", 5.5));
        t.rememberHealth(1_000_000L, 0.71, 3_600_000L);
        t.dropAlert = true;
        t.risk = 0.12;
        t.riskTime = 900_000L;
        t.riskModel = "xgboost 3";
        t.history = new CreditHistory("t2-03", 4, 2, 1, 3, 0, Instant.ofEpochMilli(800_000L));
        t.health = new HealthIndex("t2-03", Instant.ofEpochMilli(1_000_000L), 0.71, List.of(
                new HealthComponent("availability_pct", "Equipment availability", 88.0, 0.8, 0.12),
                new HealthComponent("defect_rate_pct", "Defect rate", null, null, 0.07)), List.of("HEALTH_DROP"));
        t.openDay = 11;
        return t;
    }
}
