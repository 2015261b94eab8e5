package io.supplytwin.schemas.serde;

import java.io.IOException;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.io.Encoder;
import org.apache.avro.specific.SpecificRecord;

/**
 * A record's content kept in another form (a twin's columns, say) that writes the record's Avro binary body itself,
 * so that it need not first be copied into a generated record's fields and maps only to be written out again.
 * {@link AvroSerializer} writes it under {@link #getSchema()} like the record: through {@link #writeAvro} where that
 * schema has a {@link HandWriters hand writer}, and as {@link #toRecord()} through Avro's writer where it has none (a
 * regenerated class whose schema the hand writer no longer follows).
 */
public interface AvroWritable extends GenericContainer {

    /** Writes the record's fields in its schema's order, exactly as Avro's writer would (a map's entries in any order). */
    void writeAvro(Encoder out) throws IOException;

    /** The same content as a generated record of {@link #getSchema()}. */
    SpecificRecord toRecord();
}
