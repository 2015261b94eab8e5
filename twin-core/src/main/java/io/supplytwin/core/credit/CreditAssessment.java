package io.supplytwin.core.credit;

import io.supplytwin.core.network.Role;

import java.util.ArrayList;
import java.util.List;

import static io.supplytwin.core.credit.ExplanationFormat.fixed;

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
            items.add(new ExplanationItem(credit, "history_weight", a, 0, "As a " + roleName() + " with "
                    + history.contracts() + " past contracts, the ledger history gets weight a = " + fixed(a, 3)
                    + " (role cap " + fixed(cap, 2) + " x " + history.contracts() + "/(" + history.contracts() + "+"
                    + fixed(config.historyHalfWeight(), 0) + "))."));
            double onTime = a * config.onTimeWeight() * history.onTimeRepaymentRate();
            items.add(new ExplanationItem(credit, "on_time_repayment_rate", history.onTimeRepaymentRate(), onTime,
                    fixed(100 * history.onTimeRepaymentRate(), 1) + "% of repayments were on time, adding "
                            + fixed(onTime, 3) + "."));
            double fulfilment = a * config.fulfilmentWeight() * history.fulfilmentRate();
            items.add(new ExplanationItem(credit, "contract_fulfilment_rate", history.fulfilmentRate(), fulfilment,
                    fixed(100 * history.fulfilmentRate(), 1) + "% of contracts were fulfilled as agreed, adding "
                            + fixed(fulfilment, 3) + "."));
            double defaultFree = a * config.defaultFreeWeight() * history.defaultFreeShare();
            items.add(new ExplanationItem(credit, "default_free_share", history.defaultFreeShare(), defaultFree,
                    fixed(100 * history.defaultFreeShare(), 1) + "% of contracts ended without default, adding "
                            + fixed(defaultFree, 3) + "."));
            if (history.defaults() > 0) {
                double penalty = -a * base * (1 - multiplier);
                items.add(new ExplanationItem(credit, "defaults", history.defaults(), penalty, history.defaults()
                        + " default(s) cut the historical credit by " + fixed(100 * (1 - multiplier), 0)
                        + "%, removing " + fixed(-penalty, 3) + "."));
            }
        }
        double healthWeight = (1 - a) * config.beta();
        double healthPart = healthWeight * health;
        items.add(new ExplanationItem(credit, "health_index", health, healthPart, "Supply chain health H = "
                + fixed(health, 3) + ", weighted " + fixed(healthWeight, 3) + " ((1-a) x beta), adds "
                + fixed(healthPart, 3) + "."));
        double outlookWeight = (1 - a) * (1 - config.beta());
        double outlookPart = outlookWeight * (1 - risk);
        items.add(new ExplanationItem(credit, "risk_probability", risk, outlookPart, "Predicted 30-day risk P = "
                + fixed(risk, 3) + " leaves an outlook of " + fixed(1 - risk, 3) + ", weighted "
                + fixed(outlookWeight, 3) + " ((1-a) x (1-beta)), adding " + fixed(outlookPart, 3) + "."));
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
