package io.supplytwin.streams.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's cpu breakdown: which thread counts where, and the kernel's per-thread counters as read. */
class ThreadCpuTest {

    private static volatile long sink;

    @Test
    void javaThreadsAreGroupedByWhatTheyDo() {
        assertThat(ThreadCpu.group("app-1b2c-StreamThread-1")).isEqualTo("stream threads");
        assertThat(ThreadCpu.group("kafka-producer-network-thread | app-StreamThread-1-producer")).isEqualTo("producer i/o");
        assertThat(ThreadCpu.group("data-plane-kafka-request-handler-0")).isEqualTo("broker");
        assertThat(ThreadCpu.group("main")).isEqualTo("other java");
    }

    @Test
    void brokerThreadsOfOnePoolAreCountedTogether() {
        assertThat(ThreadCpu.brokerPart("data-plane-kafka-request-handler-3")).isEqualTo("data-plane-kafka-request-handler");
        assertThat(ThreadCpu.brokerPart("data-plane-kafka-network-thread-1-PLAINTEXT-PLAINTEXT-0"))
                .isEqualTo("data-plane-kafka-network-thread-PLAINTEXT-PLAINTEXT");
        assertThat(ThreadCpu.brokerPart("kafka-scheduler-7")).isEqualTo("kafka-scheduler");
        assertThat(ThreadCpu.brokerPart("group-coordinator-event-processor-0")).isEqualTo("group-coordinator-event-processor");
    }

    @Test
    void nativeThreadsAreGroupedByTheirKernelNames() {
        assertThat(ThreadCpu.NativeThreads.group("rocksdb:low")).isEqualTo("rocksdb");
        assertThat(ThreadCpu.NativeThreads.group("G1 Conc#0")).isEqualTo("gc");
        assertThat(ThreadCpu.NativeThreads.group("GC Thread#1")).isEqualTo("gc");
        assertThat(ThreadCpu.NativeThreads.group("C2 CompilerThre")).isEqualTo("jit");
        assertThat(ThreadCpu.NativeThreads.group("C1 CompilerThre")).isEqualTo("jit");
        assertThat(ThreadCpu.NativeThreads.group("main")).isNull();
    }

    @Test
    void theJitAndGcThreadsOfThisJvmAreFoundWithTheirCpuTime() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "per-thread accounting is Linux's");
        // compile something and make garbage so both have run
        long sum = 0;
        for (int i = 0; i < 2_000_000; i++) {
            sum += Integer.toString(i).hashCode();
        }
        sink = sum;
        System.gc();
        Map<String, Long> ticks = ThreadCpu.NativeThreads.ticks();
        assertThat(ticks).containsKeys("jit", "gc");
        assertThat(ticks.values()).allMatch(t -> t >= 0);
        assertThat(ticks.get("jit")).as("the compilers have run for at least one 10 ms tick").isPositive();
    }
}
