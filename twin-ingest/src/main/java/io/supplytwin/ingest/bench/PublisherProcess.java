package io.supplytwin.ingest.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * The simulated gateways in a child JVM ({@code twin bench ingest --publishers-only ...} on the benchmark's own
 * classpath), so the bridge's JVM does not share its threads, heap and JIT with them. The child reports on its
 * standard output one {@code START} line when it begins publishing and one {@code DONE} line at the end; its log
 * goes to the parent's standard error.
 */
final class PublisherProcess {

    static final String START = "PUBLISHERS-START";
    static final String DONE = "PUBLISHERS-DONE";

    /** Called on the reader thread when the child starts publishing, with the parent's {@link System#nanoTime()}. */
    interface StartListener {
        void started(long nanoTime);
    }

    /** What the child published: the count, its own wall time and CPU seconds, and when the parent saw it start. */
    record Result(long published, double seconds, double cpuSeconds, long startNanos) {
    }

    private PublisherProcess() {
    }

    /** Entry point of the child JVM. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new IngestBenchCommand()).execute(args));
    }

    /** Runs the child with the given {@code --publishers-only} arguments and waits for it. */
    static Result run(List<String> args, StartListener onStart) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.add("-Xms64m");
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PublisherProcess.class.getName());
        command.add("--publishers-only");
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long start = 0;
        long published = -1;
        double seconds = 0;
        double cpu = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(START)) {
                    start = System.nanoTime();
                    onStart.started(start);
                } else if (line.startsWith(DONE)) {
                    String[] f = line.split(" ");
                    published = Long.parseLong(f[1]);
                    seconds = Double.parseDouble(f[2]);
                    cpu = Double.parseDouble(f[3]);
                }
            }
        } finally {
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        if (child.exitValue() != 0 || published < 0) {
            throw new IllegalStateException("the publisher process failed (exit " + child.exitValue() + "): " + command);
        }
        return new Result(published, seconds, cpu, start);
    }

    /** The child's side: the {@code START} line, just before the first message goes out. */
    static void reportStart(PrintWriter out) {
        out.println(START);
        out.flush();
    }

    /** The child's side: the {@code DONE} line with what it published and its own CPU time. */
    static void reportDone(PrintWriter out, GatewayPublishers.Published published, double cpuSeconds) {
        out.printf(Locale.ROOT, "%s %d %.3f %.3f%n", DONE, published.count(), published.seconds(), cpuSeconds);
        out.flush();
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
