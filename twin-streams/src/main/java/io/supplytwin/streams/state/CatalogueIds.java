package io.supplytwin.streams.state;

import io.supplytwin.core.catalogue.Indicator;
import io.supplytwin.core.catalogue.IndicatorCatalogue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Positions of the standard catalogue's indicators, for compact store values, with a fingerprint of the id list so a
 * value written against a different catalogue is recognised instead of misread.
 */
public final class CatalogueIds {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueIds.class);
    private static final List<String> IDS = IndicatorCatalogue.standard().all().stream().map(Indicator::id).toList();
    private static final Map<String, Integer> INDEX = new HashMap<>();
    public static final int FINGERPRINT = IDS.hashCode();
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    static {
        for (int i = 0; i < IDS.size(); i++) {
            INDEX.put(IDS.get(i), i);
        }
    }

    private CatalogueIds() {
    }

    /** Position of the id in the catalogue, -1 when it is not there. */
    public static int indexOf(String id) {
        Integer i = INDEX.get(id);
        return i == null ? -1 : i;
    }

    /** How many indicators the catalogue has. */
    public static int size() {
        return IDS.size();
    }

    public static String id(int index) {
        return IDS.get(index);
    }

    public static void warnStale(String entityId) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn("twin {} (and maybe others) was stored with another indicator catalogue; such twins start afresh", entityId);
        }
    }
}
