package io.supplytwin.core.credit;

import io.supplytwin.core.network.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A credit score with everything it was computed from.
 *
 * @param health H, supply chain health
 * @param risk   P, predicted 30-day risk probability
 * @param a      weight of the historical credit
 * @param ch     historical credit Ch
 * @param cr     real-time operational credit Cr
 * @param c      credit score C in [0, 1]
 */
public record CreditAssessment(Role role, CreditHistory history, double health, double risk, CreditConfig config,
                               double a, double ch, double cr, double c) {

    /**
     * What moved the score, in credit points; the contributions add up to {@code c}. Built on demand so
     * the hot path that only needs the numbers does not pay for the text.
     */
    public List<ExplanationItem> explanation() {
        List<ExplanationItem> items = new ArrayList<>(7);
        String credit = ExplanationItem.CREDIT_SCORE;
        double cap = config.historyCap(role);
        if (history.isEmpty()) {
            items.add(new ExplanationItem(credit, "history_weight", a, 0,
                    "No financing contracts on the ledger yet, so history carries no weight (a = 0) and the score"
                            + " rests on live operations alone."));
        } else {
            double base = config.historyBase(history);
            double multiplier = config.defaultMultiplier(history);
            items.add(new ExplanationItem(credit, "history_weight", a, 0, String.format(Locale.ROOT,
                    "As a %s with %d past contracts, the ledger history gets weight a = %.3f (role cap %.2f x %d/(%d+%.0f)).",
                    roleName(), history.contracts(), a, cap, history.contracts(), history.contracts(),
                    config.historyHalfWeight())));
            double onTime = a * config.onTimeWeight() * history.onTimeRepaymentRate();
            items.add(new ExplanationItem(credit, "on_time_repayment_rate", history.onTimeRepaymentRate(), onTime,
                    String.format(Locale.ROOT, "%.1f%% of repayments were on time, adding %.3f.",
                            100 * history.onTimeRepaymentRate(), onTime)));
            double fulfilment = a * config.fulfilmentWeight() * history.fulfilmentRate();
            items.add(new ExplanationItem(credit, "contract_fulfilment_rate", history.fulfilmentRate(), fulfilment,
                    String.format(Locale.ROOT, "%.1f%% of contracts were fulfilled as agreed, adding %.3f.",
                            100 * history.fulfilmentRate(), fulfilment)));
            double defaultFree = a * config.defaultFreeWeight() * history.defaultFreeShare();
            items.add(new ExplanationItem(credit, "default_free_share", history.defaultFreeShare(), defaultFree,
                    String.format(Locale.ROOT, "%.1f%% of contracts ended without default, adding %.3f.",
                            100 * history.defaultFreeShare(), defaultFree)));
            if (history.defaults() > 0) {
                double penalty = -a * base * (1 - multiplier);
                items.add(new ExplanationItem(credit, "defaults", history.defaults(), penalty,
                        String.format(Locale.ROOT, "%d default(s) cut the historical credit by %.0f%%, removing %.3f.",
                                history.defaults(), 100 * (1 - multiplier), -penalty)));
            }
        }
        double healthWeight = (1 - a) * config.beta();
        double healthPart = healthWeight * health;
        items.add(new ExplanationItem(credit, "health_index", health, healthPart, String.format(Locale.ROOT,
                "Supply chain health H = %.3f, weighted %.3f ((1-a) x beta), adds %.3f.", health, healthWeight,
                healthPart)));
        double outlookWeight = (1 - a) * (1 - config.beta());
        double outlookPart = outlookWeight * (1 - risk);
        items.add(new ExplanationItem(credit, "risk_probability", risk, outlookPart, String.format(Locale.ROOT,
                "Predicted 30-day risk P = %.3f leaves an outlook of %.3f, weighted %.3f ((1-a) x (1-beta)), adding %.3f.",
                risk, 1 - risk, outlookWeight, outlookPart)));
        return items;
    }

    private String roleName() {
        return switch (role) {
            case CORE -> "core enterprise";
            case TIER_1 -> "tier-1 supplier";
            case TIER_2 -> "tier-2 supplier";
        };
    }
}
