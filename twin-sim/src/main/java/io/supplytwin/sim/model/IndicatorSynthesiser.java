package io.supplytwin.sim.model;

import io.supplytwin.core.catalogue.Indicator;
import io.supplytwin.core.catalogue.IndicatorCatalogue;
import io.supplytwin.core.catalogue.Level;
import io.supplytwin.core.network.Order;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the latent state into the 277 catalogue indicators. Indicators with a direct counterpart in the model
 * (availability, OEE, stock, receivables, delays, …) are computed from it; the rest follow a generic rule: a
 * per-entity typical value on the good side of the range, pushed towards the bad side by the entity's condition
 * (machine wear, order lateness, firm stress), plus measurement noise below the deadband. Every value is kept
 * inside its catalogue range and counts are whole numbers. The noise is a hash of (seed, entity, indicator, cycle),
 * so publishing readings never disturbs the model's own random streams.
 */
final class IndicatorSynthesiser {
    private final IndicatorCatalogue catalogue = IndicatorCatalogue.standard();
    private final long seed;
    private final Map<EnterpriseState, Map<OrderLine, Double>> finishCache = new IdentityHashMap<>();
    private long finishCycle = -1;

    IndicatorSynthesiser(long seed) {
        this.seed = seed;
    }

    void enterprise(EnterpriseState e, double now, long cycle, Consumer<Reading> sink) {
        Map<String, Double> v = new HashMap<>();
        double revenueDay = Math.max(1, e.revenueDaily.value());
        double receivables = e.receivables();
        double payables = e.payables();
        double inventory = e.inventoryValue();
        double assets = e.totalAssets();
        double cashPos = Math.max(0, e.cash);
        double arrears = Math.max(0, -e.cash);
        double currentLiabilities = Math.max(1, payables + 0.25 * e.debt + arrears);
        double currentAssets = cashPos + receivables + inventory;
        double components = 0;
        for (double c : e.componentStock) {
            components += c;
        }
        double rawMaterial = e.componentStock.length == 0 ? 5 * e.forecast : components;
        double output = e.outputDaily.value();
        double sigma = Math.sqrt(e.demandVariance);
        double meanWear = e.machines.stream().mapToDouble(m -> m.wear).average().orElse(0);
        double meanQuality = e.machines.stream().mapToDouble(m -> m.quality.value()).average().orElse(0.98);
        double powerKw = e.machines.stream().mapToDouble(MachineState::powerKw).sum();
        double interestDay = e.debt * e.interestRatePct / 100 / 365;
        double profitDay = e.profitDaily.value();
        double onTime = e.onTimeUnits.value();

        v.put("order_fulfilment_rate_pct", 100 * e.fulfilledLines.value());
        v.put("orders_on_time_pct", 100 * onTime);
        v.put("perfect_order_pct", 100 * onTime * e.qualityPass.value() * 0.98);
        v.put("open_orders_count", (double) e.backlog.size());
        v.put("order_backlog_days", e.openBacklogUnits() / Math.max(1, output));
        v.put("order_intake_cny_month", e.forecast * e.price * 30);
        v.put("book_to_bill_ratio", e.forecast * e.price / revenueDay);
        v.put("order_cycle_time_days", SupplyChainModel.QUOTED_LEAD_DAYS * (0.8 + 2 * (1 - onTime)));
        v.put("backorder_rate_pct", 100 * e.backorderedLines.value());
        v.put("forecast_accuracy_pct", 100 * (1 - Math.min(1, sigma / Math.max(1, e.forecast))));
        v.put("output_units_day", output);
        v.put("throughput_units_h", output / 24);
        double utilisation = 100 * output / Math.max(1, e.capacityPerDay) * 1.1;
        v.put("capacity_utilisation_pct", utilisation);
        v.put("bottleneck_utilisation_pct", utilisation * 1.08);
        v.put("production_plan_adherence_pct", 100 * output / Math.max(1, e.forecast));
        v.put("schedule_attainment_pct", 100 * onTime);
        v.put("plant_oee_pct", 100 * e.machines.stream().mapToDouble(MachineState::oee).average().orElse(0));
        v.put("equipment_availability_pct", 100 * e.equipmentAvailability());
        v.put("unplanned_downtime_pct", 100 * e.machines.stream().mapToDouble(m -> m.unplannedDown24h.value()).average().orElse(0));
        v.put("plant_mtbf_h", e.machines.stream().mapToDouble(MachineState::mtbfHours).average().orElse(0));
        v.put("plant_mttr_h", e.machines.stream().mapToDouble(MachineState::mttrHours).average().orElse(0));
        v.put("inventory_turnover_ratio", e.cogsDaily.value() * 365 / Math.max(1, inventory));
        v.put("days_of_supply", (e.finishedGoods + rawMaterial / Math.max(1, e.componentStock.length)) / Math.max(1, e.forecast));
        v.put("on_hand_units", e.finishedGoods + rawMaterial);
        v.put("raw_material_on_hand_units", rawMaterial);
        v.put("wip_units", output * 0.5);
        v.put("finished_goods_units", e.finishedGoods);
        v.put("inventory_value_cny", inventory);
        v.put("safety_stock_coverage_pct", 100 * e.finishedGoods / Math.max(1, 0.5 * e.forecast + SupplyChainModel.SAFETY_Z * sigma));
        v.put("stockout_events_30d", Math.floor(e.stockoutShare.value() * 90));
        v.put("stockout_rate_pct", 100 * e.stockoutShare.value());
        v.put("supplier_otif_pct", 100 * e.supplierOtif.value());
        v.put("supplier_lead_time_days", e.supplierLeadTime.value());
        v.put("quality_pass_rate_pct", 100 * e.qualityPass.value());
        v.put("defect_ppm", (1 - e.qualityPass.value()) * 3e5);
        v.put("scrap_rate_pct", (1 - meanQuality) * 60);
        v.put("rework_rate_pct", (1 - meanQuality) * 40);
        v.put("plant_first_pass_yield_pct", 99 * meanQuality);
        v.put("process_cpk_avg", 1.8 - 1.2 * meanWear);
        v.put("revenue_cny_month", revenueDay * 30);
        v.put("revenue_growth_yoy_pct", 100 * (revenueDay / Math.max(1, e.revenueYear.value()) - 1));
        v.put("capital_turnover_ratio", revenueDay * 365 / assets);
        v.put("fixed_asset_turnover_ratio", revenueDay * 365 / Math.max(1, e.fixedAssets));
        double dso = receivables / revenueDay;
        double dpo = payables / Math.max(1, e.purchasesDaily.value());
        double dio = inventory / Math.max(1, e.cogsDaily.value());
        v.put("dso_days", dso);
        v.put("dpo_days", dpo);
        v.put("dio_days", dio);
        v.put("cash_conversion_cycle_days", dso + dio - dpo);
        v.put("current_ratio", currentAssets / currentLiabilities);
        v.put("quick_ratio", (cashPos + receivables) / currentLiabilities);
        v.put("debt_to_asset_pct", 100 * (e.debt + payables + arrears) / assets);
        v.put("interest_coverage_ratio", (profitDay + interestDay) / Math.max(1e-9, interestDay));
        v.put("gross_margin_pct", 100 * (revenueDay - e.cogsDaily.value()) / revenueDay);
        double netMargin = 100 * profitDay / revenueDay;
        v.put("net_profit_margin_pct", netMargin);
        v.put("ebitda_margin_pct", netMargin + 4);
        v.put("return_on_assets_pct", 100 * profitDay * 365 / assets);
        v.put("return_on_equity_pct", 100 * profitDay * 365 / Math.max(0.1 * assets, assets - e.debt - payables));
        v.put("cash_on_hand_cny", cashPos);
        v.put("operating_cash_flow_cny_month", e.operatingCashDaily.value() * 30);
        v.put("working_capital_cny", currentAssets - currentLiabilities);
        v.put("accounts_receivable_cny", receivables);
        v.put("overdue_receivables_pct", receivables > 0 ? 100 * e.overdueReceivables(now) / receivables : 0.0);
        v.put("overdue_payables_pct", payables > 0 ? 100 * e.overduePayables(now) / payables : 0.0);
        v.put("bad_debt_ratio_pct", 100 * e.writtenOffMonthly / Math.max(1, e.revenueYear.value() * 365));
        v.put("supplier_payments_on_time_pct", 100 * e.paidOnTime.value());
        v.put("credit_line_utilisation_pct", 100 * e.debt / Math.max(1, e.fixedAssets));
        v.put("financing_cost_pct", e.interestRatePct);
        double energyDay = powerKw * 24 * 1.6;
        v.put("energy_kwh_day", energyDay);
        v.put("energy_intensity_kwh_per_unit", energyDay / Math.max(1, output));
        v.put("peak_demand_kw", powerKw * 1.3);
        v.put("compressed_air_kwh_day", energyDay * 0.1);
        v.put("co2_emissions_t_day", energyDay * 0.00058);
        double stress = stress(e, now);
        emit(sink, e.publicId, Level.ENTERPRISE, e.publicId, cycle, v, stress);
    }

    /** 0 for a firm without trouble, 1 for one in deep trouble: machines down, receivables overdue, no cash. */
    static double stress(EnterpriseState e, double now) {
        double receivables = e.receivables();
        double overdue = receivables > 0 ? e.overdueReceivables(now) / receivables : 0;
        double cashStress = e.cash < 0 ? 1 : Math.max(0, 1 - e.cash / Math.max(1, 10 * e.dailyCosts()));
        double machines = Math.min(1, (1 - e.equipmentAvailability()) / 0.3);
        return clampUnit(e.defaulted ? 1 : 0.35 * machines + 0.3 * overdue + 0.35 * cashStress);
    }

    void equipment(EnterpriseState e, MachineState m, long cycle, Consumer<Reading> sink) {
        Map<String, Double> v = new HashMap<>();
        double run = m.running ? 1 : 0;
        double load = m.load * run * (1 - m.forcedShare);
        double a = 100 * m.availability.value();
        double p = 100 * m.performance.value();
        double q = 100 * m.quality.value();
        v.put("availability_pct", a);
        v.put("performance_pct", p);
        v.put("quality_rate_pct", q);
        v.put("oee_pct", a * p * q / 10_000);
        v.put("utilisation_pct", 100 * m.utilisation.value());
        v.put("unplanned_downtime_min_24h", 1440 * m.unplannedDown24h.value());
        v.put("planned_downtime_min_24h", 1440 * m.plannedDown24h.value());
        v.put("mtbf_h", m.mtbfHours());
        v.put("mttr_h", m.mttrHours());
        v.put("fault_count_24h", Math.rint(m.faults24h.value()));
        v.put("alarm_count_24h", Math.rint(3 * m.faults24h.value() + 10 * m.wear));
        v.put("tool_wear_pct", 100 * m.wear);
        v.put("tool_life_remaining_pct", 100 * (1 - m.wear));
        v.put("remaining_useful_life_h", (1 - m.wear) / m.wearPerHour);
        v.put("operating_hours_since_pm_h", m.hoursSincePm);
        double vibration = run * (1.2 + 6 * m.wear * m.wear) + 0.1;
        for (String axis : List.of("vibration_x_mm_s", "vibration_y_mm_s", "vibration_z_mm_s", "spindle_vibration_mm_s",
                "gearbox_vibration_mm_s")) {
            v.put(axis, vibration);
        }
        v.put("spindle_temp_c", 25 + 30 * load + 15 * m.wear);
        v.put("bearing_temp_de_c", 30 + 25 * load + 20 * m.wear);
        v.put("bearing_temp_nde_c", 28 + 22 * load + 18 * m.wear);
        v.put("motor_winding_temp_c", 40 + 50 * load + 15 * m.wear);
        double current = m.running ? 40 + 120 * load * (1 + 0.2 * m.wear) : 2;
        v.put("motor_current_l1_a", current);
        v.put("motor_current_l2_a", current);
        v.put("motor_current_l3_a", current);
        v.put("spindle_load_pct", 100 * load);
        v.put("parts_produced_shift", Math.floor(m.producedShift));
        v.put("scrap_parts_shift", Math.floor(m.scrapShift));
        v.put("rework_parts_shift", Math.floor(m.reworkShift));
        v.put("first_pass_yield_pct", q * 0.99);
        v.put("power_kw", m.powerKw());
        v.put("energy_kwh_shift", m.energyShift);
        v.put("cycle_time_s", m.idealCycleSeconds / Math.max(0.05, m.performance.value()));
        v.put("cycle_time_dev_pct", 100 * (0.9 / Math.max(0.05, m.performance.value()) - 1));
        double condition = clampUnit(0.7 * m.wear + (m.running ? 0 : 0.3) + 0.5 * m.forcedShare);
        emit(sink, e.publicId, Level.EQUIPMENT, m.id(), cycle, v, condition);
    }

    void order(EnterpriseState e, Order order, OrderLine line, double now, long cycle, Consumer<Reading> sink) {
        Map<String, Double> v = new HashMap<>();
        double condition = 0;
        if (line != null) {
            double output = Math.max(1, e.outputDaily.value());
            double finish = line.complete() ? line.completedHour : expectedFinish(e, line, now, cycle, output);
            double delay = finish + SupplyChainModel.TRANSIT_DAYS * 24 - (line.dueHour + SupplyChainModel.TRANSIT_DAYS * 24);
            double fill = line.units > 0 ? line.shipped / line.units : 1;
            double quality = line.complete() ? line.quality
                    : e.machines.stream().mapToDouble(m -> m.quality.value()).average().orElse(0.98);
            double end = line.complete() ? line.completedHour : now;
            double minStock = Double.POSITIVE_INFINITY;
            int short_ = 0;
            for (double stock : e.componentStock) {
                minStock = Math.min(minStock, stock);
                if (stock < line.remaining()) {
                    short_++;
                }
            }
            v.put("order_fill_rate_pct", 100 * fill);
            double elapsed = Math.min(1, Math.max(0, (now - line.createdHour) / Math.max(1, line.dueHour - line.createdHour)));
            v.put("order_progress_pct", 100 * Math.min(1, fill + (1 - fill) * elapsed * 0.8));
            v.put("delivery_delay_h", delay);
            v.put("schedule_adherence_pct", 100 * e.onTimeUnits.value());
            v.put("order_lead_time_days", (end - line.createdHour) / 24);
            v.put("lead_time_deviation_days", delay / 24);
            v.put("qty_produced_units", Math.floor(line.shipped));
            v.put("qty_backordered_units", now > line.dueHour ? Math.ceil(line.remaining()) : 0.0);
            v.put("order_quality_pass_pct", 100 * quality);
            v.put("order_defect_ppm", (1 - quality) * 3e5);
            v.put("order_scrap_pct", (1 - quality) * 60);
            v.put("order_rework_pct", (1 - quality) * 40);
            v.put("order_yield_pct", 100 * quality);
            v.put("material_availability_pct", e.componentStock.length == 0 || line.remaining() <= 0 ? 100
                    : 100 * Math.min(1, minStock / line.remaining()));
            v.put("components_short_count", line.remaining() <= 0 ? 0.0 : (double) short_);
            v.put("order_wip_units", Math.floor(Math.min(line.remaining(), output * 0.5)));
            v.put("slack_days", (line.dueHour - finish) / 24);
            double remainingDays = line.remaining() / output;
            v.put("critical_ratio", remainingDays <= 0 ? 5 : Math.max(0, line.dueHour - now) / 24 / remainingDays);
            v.put("supplier_material_late_days", (1 - e.supplierOtif.value()) * 5);
            v.put("transit_time_h", line.complete() && now < line.completedHour + 24 ? now - line.completedHour : 0);
            v.put("eta_deviation_h", Math.max(0, delay));
            v.put("order_value_at_risk_pct", 100 * Math.min(1, Math.max(0, delay) / 72));
            Invoice invoice = line.invoice;
            v.put("payment_received_pct", invoice != null && !Double.isNaN(invoice.paidHour) ? 100.0 : 0.0);
            v.put("receivable_overdue_days", invoice == null ? 0.0 : invoice.overdueDays(now));
            double revenueDay = Math.max(1, e.revenueDaily.value());
            v.put("order_margin_pct", 100 * (revenueDay - e.cogsDaily.value()) / revenueDay - Math.max(0, delay) / 24);
            condition = clampUnit(Math.max(0, delay) / 72 + (1 - quality) * 5);
        }
        emit(sink, e.publicId, Level.ORDER, order.id(), cycle, v, condition);
    }

    /** When an open line will have shipped, from the stock and output ahead of it. */
    private double expectedFinish(EnterpriseState e, OrderLine line, double now, long cycle, double output) {
        if (finishCycle != cycle) {
            finishCache.clear();
            finishCycle = cycle;
        }
        Map<OrderLine, Double> finishes = finishCache.computeIfAbsent(e, k -> {
            Map<OrderLine, Double> out = new IdentityHashMap<>();
            double ahead = -k.finishedGoods;
            for (OrderLine l : k.backlog) {
                ahead += l.remaining();
                out.put(l, now + 24 * Math.max(0, ahead) / output);
            }
            return out;
        });
        return finishes.getOrDefault(line, now);
    }

    private void emit(Consumer<Reading> sink, String enterpriseId, Level level, String entityId, long cycle,
                      Map<String, Double> explicit, double condition) {
        List<Indicator> indicators = catalogue.atLevel(level);
        Map<String, Double> values = new LinkedHashMap<>(indicators.size() * 2);
        long entityHash = entityId.hashCode();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator ind = indicators.get(i);
            Double known = explicit.get(ind.id());
            double value;
            if (known != null && Double.isFinite(known)) {
                value = ind.clamp(known);
            } else {
                // measurement noise only where the model has no dynamics of its own, so derived values stay exact
                double noise = isCount(ind) ? 0 : 0.4 * ind.deadband() * gaussian(entityHash, i, cycle);
                value = ind.clamp(generic(ind, entityHash, i, condition) + noise);
            }
            if (isCount(ind)) {
                value = Math.rint(value);
            }
            values.put(ind.id(), value);
        }
        sink.accept(new Reading(enterpriseId, level, entityId, cycle, values));
    }

    private static boolean isCount(Indicator ind) {
        return ind.unit().equals("count");
    }

    /** A typical value on the good side of the range, moved towards the bad side by {@code condition}. */
    private double generic(Indicator ind, long entityHash, int index, double condition) {
        double quirk = uniform(mix(seed ^ entityHash * 0x9E3779B97F4A7C15L ^ index * 0xC2B2AE3D27D4EB4FL));
        double span = ind.max() - ind.min();
        return switch (ind.direction()) {
            case HIGHER_BETTER -> ind.min() + span * (0.78 + 0.18 * quirk - 0.3 * condition);
            case LOWER_BETTER -> ind.min() + span * (0.01 + 0.05 * quirk + 0.2 * condition);
            case TARGET -> ind.target() + ind.tolerance() * ((quirk - 0.5) + (quirk < 0.5 ? -2 : 2) * condition);
        };
    }

    private double gaussian(long entityHash, int index, long cycle) {
        long h = mix(seed + entityHash * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL + cycle * 0x9E3779B97F4A7C15L);
        double u1 = Math.max(1e-12, uniform(h));
        double u2 = uniform(mix(h));
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double uniform(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    static double clampUnit(double v) {
        return Math.max(0, Math.min(1, v));
    }

}
