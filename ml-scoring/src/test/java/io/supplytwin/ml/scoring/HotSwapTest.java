package io.supplytwin.ml.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supplytwin.ml.artifact.ModelStore;
import io.supplytwin.ml.feature.EntityHistory;
import io.supplytwin.ml.training.ModelTraining;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotSwapTest {

    @Test
    void a_new_version_appearing_under_traffic_is_swapped_in_without_errors_or_gaps(@TempDir Path dir) throws Exception {
        ModelStore.ensureModels(dir);
        EntityHistory history = Histories.enterprise(11, 60);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<List<String>> seen = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try (Scorer scorer = Scorer.open(dir, Scorer.Options.defaults().withPollInterval(Duration.ofMillis(50)))) {
            for (int t = 0; t < 3; t++) {
                List<String> versions = new ArrayList<>();
                seen.add(versions);
                Thread thread = new Thread(() -> {
                    try {
                        while (running.get()) {
                            ForecastResult r = scorer.forecast(history).orElseThrow();
                            versions.add(r.version());
                            if (r.values().length != 7 || Double.isNaN(r.p())) {
                                throw new AssertionError("incomplete result " + r);
                            }
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }, "scoring-" + t);
                threads.add(thread);
                thread.start();
            }
            ModelTraining.train(new ModelStore(dir), ModelTraining.Options.quick().withSeed(99),
                    ModelTraining.Progress.LOG);
            await().atMost(Duration.ofSeconds(60)).until(() -> scorer.version().equals("v0002"));
            int after = seen.get(0).size();
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.get(0).size() > after + 50);
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(errors).isEmpty();
            assertThat(scorer.counters().swaps()).isEqualTo(1);
        }
        for (List<String> versions : seen) {
            assertThat(versions).startsWith("v0001").endsWith("v0002");
            int firstNew = versions.indexOf("v0002");
            assertThat(versions.subList(firstNew, versions.size())).containsOnly("v0002");
        }
    }
}
