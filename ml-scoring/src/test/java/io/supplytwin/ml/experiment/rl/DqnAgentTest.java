package io.supplytwin.ml.experiment.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.supplytwin.ml.ordering.OrderRule;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The DQN agent on a stationary demand, N(50, 8) clipped at 0, with the seed's retailer economics. */
class DqnAgentTest {
    private static final Logger LOG = LoggerFactory.getLogger(DqnAgentTest.class);
    private static final OrderRule.Parameters RETAILER = OrderRule.Parameters.retailer();
    private static double[] training;
    private static double[] heldOut;
    private static DqnAgent agent;
    private static DqnAgent.Settings settings;

    @BeforeAll
    static void train() {
        double[] demand = new double[400];
        SplittableRandom random = new SplittableRandom(11);
        for (int t = 0; t < demand.length; t++) {
            demand[t] = Math.max(0, 50 + 8 * random.nextGaussian());
        }
        training = Arrays.copyOfRange(demand, 0, 300);
        heldOut = Arrays.copyOfRange(demand, 300, 400);
        settings = DqnAgent.Settings.defaults(DqnAgent.Settings.actionsFor(training), 40, 5);
        agent = DqnAgent.train(new DemandReplayEnvironment(training, RETAILER, 100, 60), mean(training),
                RETAILER.price(), settings, null);
    }

    @Test
    void the_trained_agent_earns_more_than_ordering_at_random_on_held_out_days() {
        SplittableRandom dice = new SplittableRandom(3);
        Result dqn = run(o -> agent.order(o.history(), o.inventory()));
        Result random = run(o -> DqnAgent.BATCH_UNITS * dice.nextInt(agent.actions()));
        double ceiling = Arrays.stream(heldOut, 1, heldOut.length).sum() * (RETAILER.price() - RETAILER.unitCost());
        LOG.info("Held-out 99 days: DQN profit {} (service {}), random orders profit {} (service {}), every unit of "
                        + "demand at the margin {}; {} actions, {}", String.format("%.0f", dqn.profit),
                String.format("%.3f", dqn.service), String.format("%.0f", random.profit),
                String.format("%.3f", random.service), String.format("%.0f", ceiling), agent.actions(),
                agent.summary());
        assertThat(dqn.profit).isGreaterThan(random.profit);
        assertThat(agent.summary().steps()).isEqualTo(40L * 60);
        assertThat(agent.summary().updates()).isEqualTo(40L * 60 - settings.warmUp() + 1);
    }

    @Test
    void orders_are_multiples_of_16_and_the_same_state_gives_the_same_order() {
        DemandReplayEnvironment env = new DemandReplayEnvironment(heldOut, RETAILER, 100, heldOut.length - 1);
        OrderingEnvironment.Observation o = env.reset(new SplittableRandom(0));
        for (int t = 0; t < 30; t++) {
            double order = agent.order(o.history(), o.inventory());
            assertThat(order % 16).isZero();
            assertThat(order).isBetween(0.0, 16.0 * (agent.actions() - 1));
            assertThat(agent.order(o.history(), o.inventory())).isEqualTo(order);
            o = env.step(order).next();
        }
    }

    @Test
    void the_environment_keeps_seed_000s_accounts() {
        double[] demand = {40, 30, 70, 10};
        DemandReplayEnvironment env = new DemandReplayEnvironment(demand, RETAILER, 100, 3);
        OrderingEnvironment.Observation o = env.reset(new SplittableRandom(0));
        assertThat(o.inventory()).isEqualTo(60); // 100 − 40 sold on day 0
        OrderingEnvironment.Outcome day1 = env.step(16); // 60 + 16 = 76 on hand, 30 sold, 46 left
        assertThat(day1.purchaseCost()).isEqualTo(16 * 30.0);
        assertThat(day1.revenue()).isEqualTo(30 * 70.0);
        assertThat(day1.holdingCost()).isCloseTo(0.03 * 30 * 46, within(1e-9));
        assertThat(day1.shortageCost()).isZero();
        assertThat(day1.profit()).isCloseTo(2100 - 480 - 41.4, within(1e-9));
        assertThat(day1.next().history().get(0).orders()).isEqualTo(16);
        OrderingEnvironment.Outcome day2 = env.step(0); // 46 on hand, 70 wanted: 24 short
        assertThat(day2.sales()).isEqualTo(46);
        assertThat(day2.shortageCost()).isCloseTo(0.03 * 70 * 24, within(1e-9));
        assertThat(day2.serviceLevel()).isCloseTo(46 / 70.0, within(1e-12));
        assertThat(day2.done()).isFalse();
        assertThat(env.step(32).done()).isTrue();
        assertThatThrownBy(() -> env.step(16)).hasMessageContaining("reset");
        assertThatThrownBy(() -> new DemandReplayEnvironment(demand, RETAILER, 100, 4))
                .hasMessageContaining("at least 5 days");
    }

    @Test
    void training_is_deterministic_for_a_seed() {
        DqnAgent.Settings small = new DqnAgent.Settings(16, 6, 4, 20_000, 16, 0.9, 0.001f, 1.0, 0.1, 0.8, 50, 60, 0.2, 9);
        DqnAgent a = DqnAgent.train(new DemandReplayEnvironment(training, RETAILER, 100, 40), 50, 70, small, null);
        DqnAgent b = DqnAgent.train(new DemandReplayEnvironment(training, RETAILER, 100, 40), 50, 70, small, null);
        DemandReplayEnvironment env = new DemandReplayEnvironment(heldOut, RETAILER, 100, heldOut.length - 1);
        OrderingEnvironment.Observation o = env.reset(new SplittableRandom(0));
        for (int t = 0; t < 40; t++) {
            assertThat(a.action(o.history(), o.inventory())).isEqualTo(b.action(o.history(), o.inventory()));
            o = env.step(DqnAgent.BATCH_UNITS * 3).next();
        }
    }

    @Test
    void the_replay_buffer_keeps_the_last_transitions_only() {
        ReplayBuffer buffer = new ReplayBuffer(3);
        for (int i = 0; i < 5; i++) {
            buffer.add(new float[] {i}, i, i, new float[] {i + 1});
        }
        assertThat(buffer.size()).isEqualTo(3);
        ReplayBuffer.Batch b = buffer.sample(50, new SplittableRandom(1));
        for (int a : b.actions()) {
            assertThat(a).isBetween(2, 4);
        }
        assertThat(DqnAgent.Settings.defaults(9, 10, 1).bufferSize()).isEqualTo(20_000);
    }

    private record Result(double profit, double service) {
    }

    private static Result run(ToDoubleFunction<OrderingEnvironment.Observation> policy) {
        DemandReplayEnvironment env = new DemandReplayEnvironment(heldOut, RETAILER, 100, heldOut.length - 1);
        OrderingEnvironment.Observation o = env.reset(new SplittableRandom(0));
        double profit = 0;
        double served = 0;
        double wanted = 0;
        while (true) {
            OrderingEnvironment.Outcome out = env.step(policy.applyAsDouble(o));
            profit += out.profit();
            served += out.sales();
            wanted += out.demand();
            if (out.done()) {
                return new Result(profit, served / wanted);
            }
            o = out.next();
        }
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }
}
