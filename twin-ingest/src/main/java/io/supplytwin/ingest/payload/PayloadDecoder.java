package io.supplytwin.ingest.payload;

import io.supplytwin.ingest.clean.RejectedInputException;

/** Turns the bytes of one MQTT message into a reading, or says why it cannot. */
public interface PayloadDecoder {

    DecodedReading decode(TopicAddress address, byte[] payload) throws RejectedInputException;
}
