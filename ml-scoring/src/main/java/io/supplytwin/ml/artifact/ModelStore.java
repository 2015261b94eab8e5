package io.supplytwin.ml.artifact;

import io.supplytwin.ml.training.ModelTraining;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of model versions: {@code v0001/}, {@code v0002/}, … each complete with its manifest. A new version is
 * written under a hidden name and renamed into place in one atomic move, so a reader never sees half a version.
 */
public final class ModelStore {
    private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);
    private final Path root;

    public ModelStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Finished versions, oldest first. */
    public List<Path> versions() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().matches("v\\d{4,}"))
                    .filter(p -> Files.isRegularFile(p.resolve(Manifest.FILE)))
                    .sorted(Comparator.comparingLong(ModelStore::number)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list model versions in " + root, e);
        }
    }

    /** A fresh hidden directory to write a version into; {@link #publish} gives it its version name. */
    public Path stage() throws IOException {
        Files.createDirectories(root);
        return Files.createDirectory(root.resolve(".incoming-" + UUID.randomUUID()));
    }

    /** The version name the next {@link #publish} will use. */
    public String nextVersion() {
        List<Path> v = versions();
        long next = v.isEmpty() ? 1 : number(v.get(v.size() - 1)) + 1;
        return String.format("v%04d", next);
    }

    /** Moves a staged directory (with its manifest written) into place as {@code version}. */
    public Path publish(Path staged, String version) throws IOException {
        Path target = root.resolve(version);
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Published model version {} in {}", version, root);
        return target;
    }

    /**
     * The newest version that loads, trying older ones when a newer one is broken (each failure logged with the file
     * it names); empty when none loads. {@code newerThan} skips versions at or below it (null: none skipped); versions
     * in {@code broken} are skipped, and those that fail now are added to it with the reason (naming the file).
     */
    public Optional<ModelSet> loadNewestGood(String newerThan, Map<String, String> broken) {
        List<Path> v = new ArrayList<>(versions());
        for (int i = v.size() - 1; i >= 0; i--) {
            Path dir = v.get(i);
            if (newerThan != null && number(dir) <= number(Path.of(newerThan))) {
                break;
            }
            if (broken.containsKey(dir.getFileName().toString())) {
                continue;
            }
            try {
                return Optional.of(ModelSet.load(dir));
            } catch (IOException e) {
                LOG.error("Skipping model version {}: {}", dir.getFileName(), e.getMessage());
                broken.put(dir.getFileName().toString(), e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Makes sure {@code dir} holds a usable model version: when none loads, trains a small one on generated data (the
     * XGBoost forecaster and both risk models, some seconds) and says so. Returns the version that loads.
     */
    public static String ensureModels(Path dir) throws IOException {
        ModelStore store = new ModelStore(dir);
        Optional<ModelSet> existing = store.loadNewestGood(null, new HashMap<>());
        if (existing.isPresent()) {
            String version = existing.get().version();
            existing.get().close();
            return version;
        }
        LOG.info("No usable model in {}: training a small one on generated data (first start)", dir);
        long t0 = System.nanoTime();
        Path version = ModelTraining.train(store, ModelTraining.Options.quick(), ModelTraining.Progress.LOG);
        LOG.info("Trained model version {} on generated data in {} s; 'twin train' trains the full set",
                version.getFileName(), String.format("%.1f", (System.nanoTime() - t0) / 1e9));
        return version.getFileName().toString();
    }

    static long number(Path versionDir) {
        return Long.parseLong(versionDir.getFileName().toString().substring(1));
    }
}
