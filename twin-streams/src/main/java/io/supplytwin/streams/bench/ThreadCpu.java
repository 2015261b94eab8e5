package io.supplytwin.streams.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Cpu time of this process's Java threads over a run, by what they do: the stream threads, the producers' network
 * threads, the broker (everything runs in the benchmark's process) and the rest. What is left of the process's cpu
 * time is native and JVM work no Java thread accounts for: RocksDB's background threads, the JIT, the garbage
 * collector, and threads that ended during the run.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = new HashMap<>();
    private final long gcMs0 = gcMs();
    private final long jitMs0 = jitMs();

    private static long gcMs() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    private static long jitMs() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Takes the starting snapshot. */
    ThreadCpu() {
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                start.put(info.getThreadId(), Math.max(0, THREADS.getThreadCpuTime(info.getThreadId())));
            }
        }
    }

    static String group(String thread) {
        // a stream thread's producer is named "kafka-producer-network-thread | <client id>-StreamThread-1-producer"
        if (thread.startsWith("kafka-producer-network-thread")) {
            return "producer i/o";
        }
        if (thread.contains("-StreamThread-")) {
            return "stream threads";
        }
        if (thread.startsWith("data-plane-") || thread.startsWith("kafka-") || thread.startsWith("quorum-")
                || thread.startsWith("group-coordinator") || thread.startsWith("TxnMarker") || thread.startsWith("broker-")
                || thread.startsWith("controller-") || thread.startsWith("executor-") || thread.startsWith("share-")
                || thread.startsWith("ExpirationReaper") || thread.startsWith("transaction-log-manager")
                || thread.startsWith("LogDirFailureHandler") || thread.startsWith("log-")) {
            return "broker";
        }
        return "other java";
    }

    /** Cpu ms per reading by group since the snapshot, with the process total's remainder as "native/jvm". */
    String perReading(double processCpuMs, long readings) {
        Map<String, Double> ms = new LinkedHashMap<>();
        for (String g : new String[] {"stream threads", "producer i/o", "broker", "other java"}) {
            ms.put(g, 0.0);
        }
        double javaMs = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long now = THREADS.getThreadCpuTime(info.getThreadId());
            if (now < 0) {
                continue;
            }
            double d = (now - start.getOrDefault(info.getThreadId(), 0L)) / 1e6;
            ms.merge(group(info.getThreadName()), d, Double::sum);
            javaMs += d;
        }
        ms.put("native/jvm", Math.max(0, processCpuMs - javaMs));
        StringJoiner joiner = new StringJoiner(", ");
        ms.forEach((g, v) -> joiner.add(String.format(Locale.ROOT, "%s %.3f ms", g, v / Math.max(1, readings))));
        return joiner + String.format(Locale.ROOT, " (of which, elapsed: gc pauses %.3f ms, jit %.3f ms)",
                (gcMs() - gcMs0) / (double) Math.max(1, readings), (jitMs() - jitMs0) / (double) Math.max(1, readings));
    }
}
