package io.supplytwin.ledger.state;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * Fabric's {@link ChaincodeStub} over the embedded world state, for simulating one transaction. As on a Fabric
 * peer, reads see the committed state (not the transaction's own writes), each first read records the version
 * seen, and writes are buffered into the read-write set. Methods the financing contracts do not use (range and rich
 * queries, private data, chaincode-to-chaincode calls) throw {@link UnsupportedOperationException}.
 */
public final class SimulationStub implements ChaincodeStub {

    private final WorldState state;
    private final String channelId;
    private final String txId;
    private final Instant timestamp;
    private final byte[] creator;
    private final String mspId;
    private final String function;
    private final List<String> parameters;
    private final Map<String, Version> reads = new LinkedHashMap<>();
    private final Map<String, byte[]> writes = new LinkedHashMap<>();

    public SimulationStub(WorldState state, String channelId, String txId, Instant timestamp, byte[] creator,
            String mspId, String function, List<String> parameters) {
        this.state = state;
        this.channelId = channelId;
        this.txId = txId;
        this.timestamp = timestamp;
        this.creator = creator.clone();
        this.mspId = mspId;
        this.function = function;
        this.parameters = List.copyOf(parameters);
    }

    /** What this simulation read and wrote. */
    public ReadWriteSet readWriteSet() {
        List<ReadWriteSet.Read> r = new ArrayList<>();
        reads.forEach((k, v) -> r.add(new ReadWriteSet.Read(k, v)));
        List<ReadWriteSet.Write> w = new ArrayList<>();
        writes.forEach((k, v) -> w.add(new ReadWriteSet.Write(k, v)));
        return new ReadWriteSet(r, w);
    }

    @Override
    public byte[] getState(String key) {
        var entry = state.get(key);
        if (!reads.containsKey(key)) {
            reads.put(key, entry.map(WorldState.Entry::version).orElse(null));
        }
        return entry.map(e -> e.value().clone()).orElse(new byte[0]);
    }

    @Override
    public void putState(String key, byte[] value) {
        checkKey(key);
        writes.put(key, value.clone());
    }

    @Override
    public void delState(String key) {
        checkKey(key);
        writes.put(key, null);
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
    }

    @Override
    public String getTxId() {
        return txId;
    }

    @Override
    public String getChannelId() {
        return channelId;
    }

    @Override
    public Instant getTxTimestamp() {
        return timestamp;
    }

    @Override
    public byte[] getCreator() {
        return creator.clone();
    }

    @Override
    public String getMspId() {
        return mspId;
    }

    @Override
    public String getFunction() {
        return function;
    }

    @Override
    public List<String> getParameters() {
        return parameters;
    }

    @Override
    public List<String> getStringArgs() {
        List<String> all = new ArrayList<>();
        all.add(function);
        all.addAll(parameters);
        return all;
    }

    @Override
    public List<byte[]> getArgs() {
        return getStringArgs().stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    public Map<String, byte[]> getTransient() {
        return Map.of();
    }

    @Override
    public CompositeKey createCompositeKey(String objectType, String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    @Override
    public void setEvent(String name, byte[] payload) {
        // events are not delivered by the embedded ledger; receipts on ledger.receipts play their part
    }

    private static UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException("ChaincodeStub." + method
                + " is not supported by the embedded ledger (the financing contracts do not use it); run on Fabric for it");
    }

    @Override
    public Chaincode.Response invokeChaincode(String chaincodeName, List<byte[]> args, String channel) {
        throw unsupported("invokeChaincode");
    }

    @Override
    public byte[] getStateValidationParameter(String key) {
        throw unsupported("getStateValidationParameter");
    }

    @Override
    public void setStateValidationParameter(String key, byte[] value) {
        throw unsupported("setStateValidationParameter");
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
        throw unsupported("getStateByRange");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(String startKey, String endKey,
            int pageSize, String bookmark) {
        throw unsupported("getStateByRangeWithPagination");
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
        throw unsupported("getStateByPartialCompositeKey");
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String objectType, String... attributes) {
        throw unsupported("getStateByPartialCompositeKey");
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
        throw unsupported("getStateByPartialCompositeKey");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(CompositeKey compositeKey,
            int pageSize, String bookmark) {
        throw unsupported("getStateByPartialCompositeKeyWithPagination");
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(String query) {
        throw unsupported("getQueryResult");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(String query, int pageSize,
            String bookmark) {
        throw unsupported("getQueryResultWithPagination");
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
        throw unsupported("getHistoryForKey");
    }

    @Override
    public byte[] getPrivateData(String collection, String key) {
        throw unsupported("getPrivateData");
    }

    @Override
    public byte[] getPrivateDataHash(String collection, String key) {
        throw unsupported("getPrivateDataHash");
    }

    @Override
    public byte[] getPrivateDataValidationParameter(String collection, String key) {
        throw unsupported("getPrivateDataValidationParameter");
    }

    @Override
    public void putPrivateData(String collection, String key, byte[] value) {
        throw unsupported("putPrivateData");
    }

    @Override
    public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
        throw unsupported("setPrivateDataValidationParameter");
    }

    @Override
    public void delPrivateData(String collection, String key) {
        throw unsupported("delPrivateData");
    }

    @Override
    public void purgePrivateData(String collection, String key) {
        throw unsupported("purgePrivateData");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(String collection, String startKey, String endKey) {
        throw unsupported("getPrivateDataByRange");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, String compositeKey) {
        throw unsupported("getPrivateDataByPartialCompositeKey");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, CompositeKey compositeKey) {
        throw unsupported("getPrivateDataByPartialCompositeKey");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, String objectType,
            String... attributes) {
        throw unsupported("getPrivateDataByPartialCompositeKey");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String collection, String query) {
        throw unsupported("getPrivateDataQueryResult");
    }

    @Override
    public ChaincodeEvent getEvent() {
        return null;
    }

    @Override
    public SignedProposal getSignedProposal() {
        throw unsupported("getSignedProposal");
    }

    @Override
    public byte[] getBinding() {
        throw unsupported("getBinding");
    }
}
