package io.supplytwin.sim;

import io.supplytwin.platform.config.ConfigException;
import io.supplytwin.platform.config.Setting;
import io.supplytwin.platform.config.Settings;
import io.supplytwin.sim.gateway.PayloadEncoding;
import io.supplytwin.sim.shock.Shock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the gateway simulator.
 *
 * @param speed   simulated time over wall-clock time; 1 publishes one cycle every {@code cycle} of real time
 * @param cycle   simulated time between two readings of an entity (seed 001: 5 minutes)
 * @param shocks  shocks to inject at start
 */
public record SimConfig(boolean enabled, long seed, double speed, Duration cycle, int networks, PayloadEncoding format,
                        int qos, String clientId, List<Shock> shocks, String username, String password) {

    public static final Setting<Boolean> ENABLED = Setting.bool("sim.enabled", true,
            "run the gateway simulator inside 'twin run' (publishes the reference network's telemetry over MQTT)");
    public static final Setting<Long> SEED = Setting.longValue("sim.seed", 1, "random seed; the same seed gives the same readings");
    public static final Setting<Double> SPEED = Setting.decimal("sim.speed", 100,
            "simulated time per wall-clock time: 1 = real time, 100 = one 5-minute cycle every 3 s, 0 = as fast as the broker takes it");
    public static final Setting<Duration> CYCLE = Setting.duration("sim.cycle", Duration.ofMinutes(5),
            "simulated time between two readings of each twin");
    public static final Setting<Integer> NETWORKS = Setting.integer("sim.networks", 1,
            "copies of the reference network (load tests); copy k >= 2 prefixes its ids with nKK-");
    public static final Setting<String> FORMAT = Setting.string("sim.format", "json", "payload format: json or sparkplug");
    public static final Setting<Integer> QOS = Setting.integer("sim.qos", 1, "MQTT QoS of the published readings (0, 1 or 2)");
    public static final Setting<String> CLIENT_ID = Setting.string("sim.client-id", "supplytwin-sim", "MQTT client id of the simulator");
    public static final Setting<String> SHOCKS = Setting.string("sim.shocks", "",
            "shocks at start, separated by ';', e.g. machine-failure:t1-03;kind=demand-surge,magnitude=1.8,hours=48");

    public static final Setting<String> USERNAME = Setting.string("sim.mqtt.username", "", "MQTT user name; empty connects anonymously");
    public static final Setting<String> PASSWORD = Setting.string("sim.mqtt.password", "", "MQTT password");

    public static final List<Setting<?>> SETTINGS = List.of(ENABLED, SEED, SPEED, CYCLE, NETWORKS, FORMAT, QOS, CLIENT_ID, SHOCKS,
            USERNAME, PASSWORD);

    public SimConfig {
        require(speed >= 0 && Double.isFinite(speed), "sim.speed must be 0 or positive, got " + speed);
        require(!cycle.isNegative() && !cycle.isZero(), "sim.cycle must be positive, got " + cycle);
        require(networks >= 1 && networks <= 999, "sim.networks must be within 1..999, got " + networks);
        require(qos >= 0 && qos <= 2, "sim.qos must be 0, 1 or 2, got " + qos);
        shocks = List.copyOf(shocks);
    }

    public static SimConfig from(Settings s) {
        PayloadEncoding format = PayloadEncoding.fromCode(s.get(FORMAT)).orElseThrow(() ->
                new ConfigException("sim.format must be json or sparkplug, got '" + s.get(FORMAT) + "'"));
        return new SimConfig(s.get(ENABLED), s.get(SEED), s.get(SPEED), s.get(CYCLE), s.get(NETWORKS), format, s.get(QOS),
                s.get(CLIENT_ID), parseShocks(s.get(SHOCKS)), s.get(USERNAME), s.get(PASSWORD));
    }

    /** Defaults, as {@code twin run} uses them. */
    public static SimConfig defaults() {
        return from(Settings.defaults(SETTINGS));
    }

    public SimConfig withSpeed(double newSpeed) {
        return new SimConfig(enabled, seed, newSpeed, cycle, networks, format, qos, clientId, shocks, username, password);
    }

    /** Wall-clock time between two cycles; zero when running flat out. */
    public Duration wallCycle() {
        return speed == 0 ? Duration.ZERO : Duration.ofNanos((long) (cycle.toNanos() / speed));
    }

    public double cycleHours() {
        return cycle.toMillis() / 3_600_000.0;
    }

    static List<Shock> parseShocks(String text) {
        List<Shock> out = new ArrayList<>();
        for (String part : text.split(";")) {
            if (!part.isBlank()) {
                try {
                    out.add(Shock.parse(part.trim()));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("bad shock '" + part.trim() + "' in sim.shocks: " + e.getMessage());
                }
            }
        }
        return out;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ConfigException(message);
        }
    }
}
