package io.supplytwin.sim.scenario;

import io.supplytwin.sim.model.SupplyChainModel;
import java.util.List;

/**
 * How dt-blockchain finances a firm: through the running services, not a model of them. The simulated gateways'
 * readings go to the twin over MQTT, the twin computes health and credit, and each financing need becomes requests
 * to the ledger's contracts; what the contracts recorded comes back. Implemented where the services can be assembled
 * (twin-app's {@code PipelineFinancing}); the scenario runner only needs this view of it.
 *
 * <p>Calls come from the runner's one thread, in simulated-time order. {@code hour} is simulated hours since the
 * start of the run.
 */
public interface LiveFinancing {

    /** A financing need as filed: the case id is the runner's, unique within the run. */
    record Need(String contractId, String enterpriseId, double amount) {
    }

    /**
     * The ledger's evaluation of a need: the credential the evaluation contract stored (C, H, P, Lmax, rate band) or
     * the reason it refused, and the wall-clock seconds from the application being sent to the evaluation's receipt.
     */
    record Evaluation(String contractId, boolean evaluated, double c, double h, double p, double lmax, String rateBand,
                      String reason, double seconds) {
    }

    /** The bank's decision on an evaluated case: approve and fund {@code amount}, or reject. */
    record Decision(String contractId, String enterpriseId, boolean approve, double amount) {
    }

    /** What the contracts recorded for a decision: the amount funded (0 when rejected or refused) and the seconds it took. */
    record Outcome(String contractId, double funded, String state, String reason, double seconds) {
    }

    /** What happened to a funded case afterwards. */
    enum SettlementKind { REPAID_ON_TIME, REPAID_LATE, DEFAULTED }

    record Settlement(String contractId, String enterpriseId, SettlementKind kind, double amount) {
    }

    /** Called after every model step: publish what the gateways would report now. */
    void publish(SupplyChainModel model, double hour);

    /** Files the needs and has them evaluated against the twin's latest credit; blocks until every receipt is in. */
    List<Evaluation> evaluate(List<Need> needs, double hour);

    /** Sends the bank's decisions to the contracts; blocks until every receipt is in. */
    List<Outcome> decide(List<Decision> decisions, double hour);

    /** Records repayments and defaults on the ledger (they feed the twin's history Ch); need not block. */
    void settle(List<Settlement> settlements, double hour);

    /** One line for the report: what ran and how fast. */
    String describe();
}
