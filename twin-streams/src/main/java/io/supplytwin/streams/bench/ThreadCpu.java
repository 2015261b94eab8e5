package io.supplytwin.streams.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Cpu time of this process's Java threads over a run, by what they do: the stream threads, the producers' network
 * threads, the broker (everything runs in the benchmark's process) and the rest. What is left of the process's cpu
 * time is native and JVM work no Java thread accounts for; where the kernel's per-thread accounting is readable
 * ({@code /proc/self/task}, Linux) it is split into RocksDB's background threads (flushes and compactions), the
 * garbage collector's threads and the JIT compiler's, the rest (other JVM threads, threads that ended during the run)
 * staying "native/jvm".
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = new HashMap<>();
    private final long gcMs0 = gcMs();
    private final long jitMs0 = compileMs();
    private final Map<String, Long> native0 = NativeThreads.ticks();
    private final Map<Integer, NativeThreads.Wait> waits0 = NativeThreads.waits();

    private static long gcMs() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    private static long compileMs() {
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

    /** The group of Kafka Streams' processing threads, whose busy and waiting shares the benchmark reports. */
    static final String STREAM_THREADS = "stream threads";

    static String group(String thread) {
        // a stream thread's producer is named "kafka-producer-network-thread | <client id>-StreamThread-1-producer"
        if (thread.startsWith("kafka-producer-network-thread")) {
            return "producer i/o";
        }
        if (thread.contains("-StreamThread-")) {
            return STREAM_THREADS;
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

    /** A broker thread's kind: its name without the pool index ("data-plane-kafka-request-handler-3" → "…-handler"). */
    static String brokerPart(String thread) {
        return thread.replaceFirst("-\\d+$", "").replaceFirst("-\\d+-", "-");
    }

    /**
     * Cpu ms by group since the snapshot, from one end snapshot, with the process total's remainder as "native/jvm"
     * (split into RocksDB, GC and JIT threads where /proc is readable), plus the elapsed GC pause and compile times.
     */
    Usage since(double processCpuMs) {
        Map<String, Double> ms = new LinkedHashMap<>();
        Map<String, Double> broker = new HashMap<>();
        for (String g : new String[] {STREAM_THREADS, "producer i/o", "broker", "other java"}) {
            ms.put(g, 0.0);
        }
        double javaMs = 0;
        Set<String> streamComms = new HashSet<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String group = group(info.getThreadName());
            if (group.equals(STREAM_THREADS)) {
                streamComms.add(NativeThreads.comm(info.getThreadName()));
            }
            long now = THREADS.getThreadCpuTime(info.getThreadId());
            if (now < 0) {
                continue;
            }
            double d = (now - start.getOrDefault(info.getThreadId(), 0L)) / 1e6;
            ms.merge(group, d, Double::sum);
            if (group.equals("broker")) {
                broker.merge(brokerPart(info.getThreadName()), d, Double::sum);
            }
            javaMs += d;
        }
        double rest = Math.max(0, processCpuMs - javaMs);
        Map<String, Long> nativeNow = NativeThreads.ticks();
        if (!nativeNow.isEmpty()) {
            for (String g : NativeThreads.GROUPS) {
                double d = (nativeNow.getOrDefault(g, 0L) - native0.getOrDefault(g, 0L)) * NativeThreads.MS_PER_TICK;
                d = Math.min(Math.max(0, d), rest);
                ms.put(g, d);
                rest -= d;
            }
        }
        ms.put("native/jvm", rest);
        return new Usage(ms, broker, gcMs() - gcMs0, compileMs() - jitMs0, NativeThreads.waited(waits0, NativeThreads.waits(),
                streamComms));
    }

    /**
     * What a run used: cpu ms by thread group, the elapsed ms of GC pauses and of compilation, and how long threads were
     * ready to run but waiting for a core (null where the kernel does not say).
     */
    record Usage(Map<String, Double> ms, Map<String, Double> broker, double gcPauseMs, double compileMs, Waited waited) {

        /**
         * Cpu ms of the JIT compiler's threads; where per-thread accounting is not readable, the compiler's elapsed
         * time (an upper bound while it runs on a single thread).
         */
        double jitMs() {
            return ms.getOrDefault("jit", compileMs);
        }

        String perReading(long readings) {
            double n = Math.max(1, readings);
            StringJoiner joiner = new StringJoiner(", ");
            ms.forEach((g, v) -> joiner.add(String.format(Locale.ROOT, "%s %.3f ms", g, v / n)));
            StringJoiner parts = new StringJoiner(", ");
            broker.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(4)
                    .forEach(e -> parts.add(String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue() / n)));
            return joiner + String.format(Locale.ROOT, " (of which, elapsed: gc pauses %.3f ms, jit %.3f ms; broker's busiest: %s)",
                    gcPauseMs / n, compileMs / n, parts);
        }
    }

    /**
     * Run-queue wait over a run, in ms: of every thread of the process, and of the stream threads (threads whose kernel
     * name is a stream thread's name cut to 15 characters; that also takes in the instance's cleanup and metrics
     * threads, which are idle nearly all the time).
     */
    record Waited(double allMs, double streamThreadsMs) {
    }

    /**
     * Cpu ticks of the process's native threads by group, read from {@code /proc/self/task/<tid>/stat} (utime + stime);
     * empty where that is not readable. Java threads carry their (truncated) Java names there and fall in no group.
     */
    static final class NativeThreads {

        static final String[] GROUPS = {"rocksdb", "gc", "jit"};
        /** USER_HZ is 100 on every Linux the JDK runs on. */
        static final double MS_PER_TICK = 10.0;

        private NativeThreads() {
        }

        static String group(String comm) {
            if (comm.startsWith("rocksdb:")) {
                return "rocksdb";
            }
            if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.startsWith("GC ")) {
                return "gc";
            }
            if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                return "jit";
            }
            return null;
        }

        /** The kernel's name of a thread: its name cut to 15 characters (what {@code /proc/<pid>/task/<tid>/comm} holds). */
        static String comm(String javaName) {
            return javaName.length() <= 15 ? javaName : javaName.substring(0, 15);
        }

        /** A thread's kernel name and its run-queue wait so far, ns. */
        record Wait(String comm, long ns) {
        }

        /**
         * Each thread's run-queue wait, from the second field of {@code /proc/self/task/<tid>/schedstat}: time spent ready
         * to run while every core was busy with something else. Empty where that is not readable.
         */
        static Map<Integer, Wait> waits() {
            Map<Integer, Wait> out = new HashMap<>();
            eachTask(task -> {
                String[] f = Files.readString(task.toPath().resolve("schedstat")).trim().split(" ");
                String comm = Files.readString(task.toPath().resolve("comm")).trim();
                out.put(Integer.parseInt(task.getName()), new Wait(comm, Long.parseLong(f[1])));
            });
            return out;
        }

        /** A read of one thread's {@code /proc/self/task/<tid>} entries. */
        private interface TaskRead {
            void read(File task) throws IOException;
        }

        /**
         * Runs {@code read} on every thread of the process; a thread that ended between the listing and the read, or
         * whose entries the kernel does not keep, is skipped.
         */
        private static void eachTask(TaskRead read) {
            File[] tasks = new File("/proc/self/task").listFiles();
            if (tasks == null) {
                return;
            }
            for (File task : tasks) {
                try {
                    read.read(task);
                } catch (IOException | RuntimeException e) {
                    // gone, or not readable here: nothing to count
                }
            }
        }

        /**
         * The wait between two snapshots, of all threads and of those whose kernel name is in {@code streamComms}; a
         * thread that started in between counts from its start, one that ended in between is missed. Null when the end
         * snapshot is empty.
         */
        static Waited waited(Map<Integer, Wait> start, Map<Integer, Wait> end, Set<String> streamComms) {
            if (end.isEmpty()) {
                return null;
            }
            long all = 0;
            long stream = 0;
            for (var e : end.entrySet()) {
                Wait before = start.get(e.getKey());
                long d = Math.max(0, e.getValue().ns() - (before == null ? 0 : before.ns()));
                all += d;
                if (streamComms.contains(e.getValue().comm())) {
                    stream += d;
                }
            }
            return new Waited(all / 1e6, stream / 1e6);
        }

        static Map<String, Long> ticks() {
            Map<String, Long> out = new HashMap<>();
            eachTask(task -> {
                String stat = Files.readString(task.toPath().resolve("stat"));
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String g = group(stat.substring(open + 1, close));
                if (g != null) {
                    String[] f = stat.substring(close + 2).split(" ");
                    // after "(comm) ": state is field 3 of stat(5), utime and stime are fields 14 and 15
                    out.merge(g, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                }
            });
            return out;
        }
    }
}
