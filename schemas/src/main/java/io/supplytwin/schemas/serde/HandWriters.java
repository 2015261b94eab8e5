package io.supplytwin.schemas.serde;

import io.supplytwin.schemas.avro.CreditAssessment;
import io.supplytwin.schemas.avro.ExplanationItem;
import io.supplytwin.schemas.avro.HealthComponent;
import io.supplytwin.schemas.avro.HealthIndex;
import io.supplytwin.schemas.avro.IndicatorState;
import io.supplytwin.schemas.avro.TwinState;
import java.io.IOException;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Avro writers written out by hand for the records the twin publishes most (a twin's state on every publication, an
 * enterprise's health and credit on every update of the enterprise). Avro's generic writer looks up every field and
 * its logical-type conversion through the schema per record and per map entry, and was a fifth of the stream
 * thread's time; these write the same fields in the same order with the same encoder calls, so the bytes are
 * identical (HandWritersTest compares them with Avro's writer over random records).
 *
 * <p>Each writer is tied to the parsing fingerprint of the schema it was written for. A regenerated class whose schema
 * differs (a field added, say) gets Avro's own writer instead, with a warning, so a stale hand writer can never write
 * a record its schema does not describe.
 */
final class HandWriters {

    private static final Logger LOG = LoggerFactory.getLogger(HandWriters.class);

    /** Parsing fingerprints of the schemas the writers below follow, field for field. */
    static final long TWIN_STATE = 0xabc2e69016578d1bL;
    static final long HEALTH_INDEX = 0x10eceec62cf08af2L;
    static final long CREDIT_ASSESSMENT = 0x9dd1a729279d595bL;

    private HandWriters() {
    }

    /** The hand writer of this schema, null when there is none or the schema is not the one it was written for. */
    static DatumWriter<Object> forSchema(Schema schema) {
        if (schema == TwinState.SCHEMA$ || schema.equals(TwinState.SCHEMA$)) {
            return checked(schema, TWIN_STATE, (r, out) -> writeTwinState((TwinState) r, out));
        }
        if (schema == HealthIndex.SCHEMA$ || schema.equals(HealthIndex.SCHEMA$)) {
            return checked(schema, HEALTH_INDEX, (r, out) -> writeHealthIndex((HealthIndex) r, out));
        }
        if (schema == CreditAssessment.SCHEMA$ || schema.equals(CreditAssessment.SCHEMA$)) {
            return checked(schema, CREDIT_ASSESSMENT, (r, out) -> writeCreditAssessment((CreditAssessment) r, out));
        }
        return null;
    }

    @FunctionalInterface
    private interface Body {
        void write(Object record, Encoder out) throws IOException;
    }

    private static DatumWriter<Object> checked(Schema schema, long expected, Body body) {
        long actual = SchemaNormalization.parsingFingerprint64(schema);
        if (actual != expected) {
            LOG.warn("schema of {} changed (fingerprint {} instead of {}): written by Avro's generic writer until its hand"
                    + " writer is updated", schema.getFullName(), Long.toHexString(actual), Long.toHexString(expected));
            return null;
        }
        return new DatumWriter<>() {
            @Override
            public void setSchema(Schema s) {
                // bound to one schema
            }

            @Override
            public void write(Object datum, Encoder out) throws IOException {
                if (datum instanceof AvroWritable self) {
                    self.writeAvro(out);
                } else {
                    body.write(datum, out);
                }
            }
        };
    }

    private static void writeTwinState(TwinState s, Encoder out) throws IOException {
        out.writeString(s.getEntityId());
        out.writeString(s.getEnterpriseId());
        out.writeEnum(s.getLevel().ordinal());
        out.writeLong(s.getUpdateTime().toEpochMilli());
        out.writeLong(s.getVersion());
        out.writeEnum(s.getEmitReason().ordinal());
        Map<String, IndicatorState> indicators = s.getIndicators();
        int size = indicators.size();
        out.writeMapStart();
        out.setItemCount(size);
        int written = 0;
        for (Map.Entry<String, IndicatorState> e : indicators.entrySet()) {
            out.startItem();
            out.writeString(e.getKey());
            IndicatorState i = e.getValue();
            out.writeDouble(i.getValue());
            out.writeLong(i.getUpdatedAt().toEpochMilli());
            out.writeDouble(i.getMean());
            out.writeDouble(i.getStd());
            out.writeLong(i.getCount());
            written++;
        }
        out.writeMapEnd();
        if (written != size) {
            throw new ConcurrentModificationException("indicators changed while " + s.getEntityId() + " was written");
        }
    }

    private static void writeHealthIndex(HealthIndex h, Encoder out) throws IOException {
        out.writeString(h.getEnterpriseId());
        out.writeLong(h.getTime().toEpochMilli());
        out.writeDouble(h.getH());
        List<HealthComponent> components = h.getComponents();
        out.writeArrayStart();
        out.setItemCount(components.size());
        for (HealthComponent c : components) {
            out.startItem();
            out.writeString(c.getKey());
            out.writeString(c.getLabel());
            writeOptional(c.getValue(), out);
            writeOptional(c.getScore(), out);
            out.writeDouble(c.getWeight());
        }
        out.writeArrayEnd();
        writeStrings(h.getAlerts(), out);
    }

    private static void writeCreditAssessment(CreditAssessment c, Encoder out) throws IOException {
        out.writeString(c.getEnterpriseId());
        out.writeLong(c.getTime().toEpochMilli());
        out.writeDouble(c.getC());
        out.writeDouble(c.getCh());
        out.writeDouble(c.getCr());
        out.writeDouble(c.getH());
        out.writeDouble(c.getP());
        out.writeEnum(c.getPSource().ordinal());
        out.writeDouble(c.getA());
        out.writeDouble(c.getLmax());
        out.writeDouble(c.getMonthlyRevenue());
        out.writeDouble(c.getIndustryRisk());
        out.writeEnum(c.getRateBand().ordinal());
        out.writeDouble(c.getRate());
        out.writeBoolean(c.getGuaranteeRequired());
        writeStrings(c.getAlerts(), out);
        List<ExplanationItem> items = c.getExplanation();
        out.writeArrayStart();
        out.setItemCount(items.size());
        for (ExplanationItem i : items) {
            out.startItem();
            out.writeString(i.getFactor());
            out.writeDouble(i.getValue());
            out.writeDouble(i.getContribution());
            out.writeString(i.getText());
        }
        out.writeArrayEnd();
    }

    /** A ["null", "double"] union. */
    private static void writeOptional(Double v, Encoder out) throws IOException {
        if (v == null) {
            out.writeIndex(0);
            out.writeNull();
        } else {
            out.writeIndex(1);
            out.writeDouble(v);
        }
    }

    private static void writeStrings(List<String> strings, Encoder out) throws IOException {
        out.writeArrayStart();
        out.setItemCount(strings.size());
        for (String s : strings) {
            out.startItem();
            out.writeString(s);
        }
        out.writeArrayEnd();
    }
}
