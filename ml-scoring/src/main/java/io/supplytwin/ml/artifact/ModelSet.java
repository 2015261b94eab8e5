package io.supplytwin.ml.artifact;

import io.supplytwin.ml.forecast.Forecaster;
import io.supplytwin.ml.risk.SequenceClassifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded model version: its forecasters, the enterprise risk classifier and the equipment fault classifier.
 * Scoring threads {@link #retain} it for the length of a call; once it is {@link #retire retired} (a newer version
 * took over) the last {@link #release} closes the native models, so no call ever sees a closed model.
 */
public final class ModelSet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelSet.class);
    public static final String FORECAST_DIR = "forecast";
    public static final String RISK_DIR = "risk";
    public static final String EQUIPMENT_DIR = "equipment";

    private final Manifest manifest;
    private final Map<String, Forecaster> forecasters;
    private final SequenceClassifier risk;
    private final SequenceClassifier equipment;
    /** One reference held by the owner until retirement, plus one per call in flight. */
    private final AtomicInteger references = new AtomicInteger(1);

    public ModelSet(Manifest manifest, Map<String, Forecaster> forecasters, SequenceClassifier risk,
                    SequenceClassifier equipment) {
        this.manifest = manifest;
        this.forecasters = Map.copyOf(forecasters);
        this.risk = risk;
        this.equipment = equipment;
    }

    /** Loads every model of a finished version directory; an error names the file that is missing or corrupt. */
    public static ModelSet load(Path dir) throws IOException {
        Manifest manifest = ArtifactFiles.read(dir.resolve(Manifest.FILE), Manifest.class);
        Map<String, Forecaster> forecasters = new LinkedHashMap<>();
        SequenceClassifier risk = null;
        try {
            for (String name : manifest.forecasters()) {
                forecasters.put(name, ForecasterKind.load(name, dir.resolve(FORECAST_DIR).resolve(name)));
            }
            if (!forecasters.containsKey(manifest.servingForecaster())) {
                throw new IOException("manifest " + dir.resolve(Manifest.FILE) + " serves '"
                        + manifest.servingForecaster() + "', which it does not list");
            }
            risk = SequenceClassifier.load(dir.resolve(RISK_DIR));
            SequenceClassifier equipment = SequenceClassifier.load(dir.resolve(EQUIPMENT_DIR));
            return new ModelSet(manifest, forecasters, risk, equipment);
        } catch (IOException | RuntimeException e) {
            forecasters.values().forEach(Forecaster::close);
            if (risk != null) {
                risk.close();
            }
            throw e instanceof IOException io ? io : new IOException("cannot load models from " + dir + ": " + e, e);
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    public String version() {
        return manifest.version();
    }

    public Forecaster serving() {
        return forecasters.get(manifest.servingForecaster());
    }

    public Map<String, Forecaster> forecasters() {
        return forecasters;
    }

    public SequenceClassifier risk() {
        return risk;
    }

    public SequenceClassifier equipment() {
        return equipment;
    }

    /** Takes a reference for one call; false when the set is already closed (take the current one again). */
    public boolean retain() {
        while (true) {
            int n = references.get();
            if (n == 0) {
                return false;
            }
            if (references.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    public void release() {
        if (references.decrementAndGet() == 0) {
            LOG.info("Closed model version {}", version());
            forecasters.values().forEach(Forecaster::close);
            risk.close();
            equipment.close();
        }
    }

    /** Drops the owner's reference: closes now, or when the last call in flight releases. */
    public void retire() {
        release();
    }

    @Override
    public void close() {
        retire();
    }
}
