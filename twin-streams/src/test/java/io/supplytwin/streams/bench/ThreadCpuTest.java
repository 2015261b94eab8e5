package io.supplytwin.streams.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
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

    @Test
    void runQueueWaitIsSummedOverThreadsAndOverTheStreamThreadsKernelNames() {
        String stream = ThreadCpu.NativeThreads.comm("bench-twin-1542-7f3e-StreamThread-1");
        assertThat(stream).isEqualTo("bench-twin-1542").hasSize(15);
        Map<Integer, ThreadCpu.NativeThreads.Wait> start = Map.of(
                1, new ThreadCpu.NativeThreads.Wait(stream, 5_000_000),
                2, new ThreadCpu.NativeThreads.Wait("data-plane-kafk", 1_000_000),
                3, new ThreadCpu.NativeThreads.Wait("ended", 9_000_000));
        Map<Integer, ThreadCpu.NativeThreads.Wait> end = Map.of(
                1, new ThreadCpu.NativeThreads.Wait(stream, 45_000_000),
                2, new ThreadCpu.NativeThreads.Wait("data-plane-kafk", 11_000_000),
                4, new ThreadCpu.NativeThreads.Wait("started", 2_000_000));
        ThreadCpu.Waited waited = ThreadCpu.NativeThreads.waited(start, end, Set.of(stream));
        // 40 ms of the stream thread, 10 of the broker's, the new thread's 2 from its start; the ended one is missed
        assertThat(waited.allMs()).isEqualTo(52.0);
        assertThat(waited.streamThreadsMs()).isEqualTo(40.0);
        assertThat(ThreadCpu.NativeThreads.waited(start, Map.of(), Set.of(stream))).isNull();
    }

    @Test
    void aStartedThreadsRunQueueWaitIsReadWithItsKernelName() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/schedstat")), "scheduler statistics are Linux's");
        // the JVM gives a thread it starts its Java name, cut to 15 characters, as the kernel's name
        String name = "wait-probe-" + System.nanoTime() + "-StreamThread-1";
        CountDownLatch read = new CountDownLatch(1);
        AtomicReference<Map<Integer, ThreadCpu.NativeThreads.Wait>> seen = new AtomicReference<>();
        Thread probe = new Thread(() -> {
            seen.set(ThreadCpu.NativeThreads.waits());
            read.countDown();
        }, name);
        probe.start();
        read.await();
        probe.join();
        assertThat(seen.get().values()).allMatch(w -> w.ns() >= 0 && w.comm().length() <= 15);
        assertThat(seen.get().values()).extracting(ThreadCpu.NativeThreads.Wait::comm)
                .contains(ThreadCpu.NativeThreads.comm(name));
    }
}
