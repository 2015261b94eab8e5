package io.supplytwin.ml.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.supplytwin.ml.experiment.search.ForecastModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment's measurements as {@code results.json} beside its report, so a report can be written again (or from
 * several experiments on the same seeds, e.g. a model added later) without running anything.
 */
public final class ResultFile {
    public static final String NAME = "results.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFile() {
    }

    public static Path write(ExperimentResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(NAME);
        JSON.writeValue(file.toFile(), result);
        return file;
    }

    /** @throws IOException naming the file when it is missing or not an experiment's results */
    public static ExperimentResult read(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no " + NAME + " in " + dir);
        }
        try {
            return JSON.readValue(file.toFile(), ExperimentResult.class);
        } catch (IOException | RuntimeException e) {
            throw new IOException("not an experiment's results: " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * One result holding the policies of both. They must have run on the same days, and {@code b} on some of
     * {@code a}'s seeds (a slow model may run on fewer); a policy in both keeps {@code a}'s runs.
     */
    public static ExperimentResult merge(ExperimentResult a, ExperimentResult b) {
        ExperimentSettings sa = a.settings();
        ExperimentSettings sb = b.settings();
        if (!sa.seeds().containsAll(sb.seeds()) || sa.days() != sb.days() || sa.trainingDays() != sb.trainingDays()) {
            throw new IllegalArgumentException("results ran on different seeds or days: " + sa.seeds() + "/"
                    + sa.days() + " and " + sb.seeds() + "/" + sb.days() + " (the second's seeds must be among the "
                    + "first's)");
        }
        Map<String, List<PolicyRun>> runs = new LinkedHashMap<>(a.runs());
        Map<String, String> kinds = new LinkedHashMap<>(a.kinds());
        b.runs().forEach(runs::putIfAbsent);
        b.kinds().forEach(kinds::putIfAbsent);
        List<ForecastModel> models = new ArrayList<>(sa.models());
        sb.models().stream().filter(m -> !models.contains(m)).forEach(models::add);
        ExperimentSettings settings = sa.withModels(models, sa.dqn() || sb.dqn());
        boolean shapFromA = !a.shap().isEmpty();
        return new ExperimentResult(settings, runs, kinds, shapFromA ? a.shapFeatures() : b.shapFeatures(),
                shapFromA ? a.shap() : b.shap(), a.seconds() + b.seconds());
    }
}
