package io.supplytwin.ml.feature;

import java.util.List;

/** The enterprise indicators (catalogue ids) the risk model reads next to H, and the equipment ones the fault model reads. */
public final class RiskIndicators {
    /** Enterprise series for P: H first, then catalogue ids. */
    public static final List<String> ENTERPRISE = List.of("health", "current_ratio", "debt_to_asset_pct",
            "net_profit_margin_pct", "overdue_payables_pct", "supplier_payments_on_time_pct",
            "credit_line_utilisation_pct");
    /** Equipment series for the fault risk. */
    public static final List<String> EQUIPMENT = List.of("spindle_vibration_mm_s", "bearing_temp_de_c",
            "alarm_count_24h", "operating_hours_since_pm_h", "oee_pct");

    private RiskIndicators() {
    }
}
