package io.supplytwin.schemas.serde;

/**
 * Settings of the Avro serdes.
 *
 * @param autoRegister register the writer's schema on first use (true), or only look it up and fail
 *                     when it was not registered beforehand (false; for deployments where schemas are
 *                     registered by a release step)
 */
public record AvroSerdeConfig(boolean autoRegister) {

    public static final AvroSerdeConfig DEFAULTS = new AvroSerdeConfig(true);
}
