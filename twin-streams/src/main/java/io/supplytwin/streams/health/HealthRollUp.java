package io.supplytwin.streams.health;

import io.supplytwin.core.catalogue.Indicator;
import io.supplytwin.core.catalogue.Level;
import io.supplytwin.core.health.HealthModel;
import io.supplytwin.core.health.KeyIndicator;
import io.supplytwin.core.health.KeyIndicatorScore;
import io.supplytwin.core.health.RollUp;
import io.supplytwin.schemas.avro.HealthComponent;
import io.supplytwin.schemas.avro.HealthIndex;
import io.supplytwin.schemas.avro.TwinLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The health model as the stream uses it: which indicators each twin level must pass up to its enterprise (the
 * sources of the model's roll-ups, and the enterprise's own scoring indicators plus the extra ones credit reads), and
 * the health index of an enterprise as a {@code twin.health} record.
 */
public final class HealthRollUp {

    private final HealthModel model;
    private final Map<TwinLevel, Set<String>> forwarded = new EnumMap<>(TwinLevel.class);

    /**
     * @param extraEnterpriseIndicators enterprise-level indicators other stages read (e.g. monthly revenue for credit)
     */
    public HealthRollUp(HealthModel model, Collection<String> extraEnterpriseIndicators) {
        this.model = model;
        Set<String> enterprise = new LinkedHashSet<>(extraEnterpriseIndicators);
        Set<String> equipment = new LinkedHashSet<>();
        Set<String> orders = new LinkedHashSet<>();
        for (KeyIndicator key : model.keyIndicators()) {
            enterprise.add(key.scoredBy().id());
            Indicator source = null;
            if (key.rollUp() instanceof RollUp.ChildMean mean) {
                source = mean.source();
            } else if (key.rollUp() instanceof RollUp.OrderShareAtMost share) {
                source = share.source();
            }
            if (source != null) {
                (source.level() == Level.EQUIPMENT ? equipment : orders).add(source.id());
            }
        }
        forwarded.put(TwinLevel.ENTERPRISE, Set.copyOf(enterprise));
        forwarded.put(TwinLevel.EQUIPMENT, Set.copyOf(equipment));
        forwarded.put(TwinLevel.ORDER, Set.copyOf(orders));
        forwarded.put(TwinLevel.UNKNOWN, Set.of());
    }

    public HealthModel model() {
        return model;
    }

    /** Indicators a twin of this level passes to its enterprise when it publishes. */
    public Set<String> forwarded(TwinLevel level) {
        return forwarded.get(level);
    }

    /** H from the enterprise's own values and its children's roll-up values (HealthModel.assess). */
    public io.supplytwin.core.health.HealthIndex assess(Map<String, Double> own, Collection<Map<String, Double>> equipment,
                                                        Collection<Map<String, Double>> orders) {
        return model.assess(own, equipment, orders);
    }

    /** The health index as a {@code twin.health} record: H and, per key indicator, value, score and AHP weight. */
    public HealthIndex toRecord(String enterpriseId, long time, io.supplytwin.core.health.HealthIndex index,
                                List<String> alerts) {
        List<HealthComponent> components = new ArrayList<>(index.scores().size());
        for (int i = 0; i < index.scores().size(); i++) {
            KeyIndicatorScore s = index.scores().get(i);
            boolean counts = s.score().counts();
            components.add(new HealthComponent(s.id(), model.keyIndicators().get(i).name(), counts ? s.value() : null,
                    counts ? s.score().value() : null, s.weight()));
        }
        return new HealthIndex(enterpriseId, Instant.ofEpochMilli(time), index.h(), components, List.copyOf(alerts));
    }
}
