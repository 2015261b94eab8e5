package io.supplytwin.ledger.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * What the financing contracts share: reading and writing cases, credit records and request markers in the world
 * state through Fabric's {@link ChaincodeStub}, and the lifecycle and permission checks. Values are JSON with
 * sorted keys, so every peer writes the same bytes.
 */
public final class CaseBook {

    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static final String BANK = "BankMSP";
    static final String CORE = "CoreManufacturerMSP";

    private final Context ctx;
    private final ChaincodeStub stub;

    public CaseBook(Context ctx) {
        this.ctx = ctx;
        this.stub = ctx.getStub();
    }

    public static String caseKey(String contractId) {
        return "case/" + contractId;
    }

    public static String historyKey(String enterpriseId) {
        return "history/" + enterpriseId;
    }

    public static String requestKey(String requestId) {
        return "request/" + requestId;
    }

    /** Marks a request id as used; a second transaction with the same id fails. */
    void claimRequest(String requestId) {
        require(requestId != null && !requestId.isBlank(), "request id is required");
        byte[] seen = stub.getState(requestKey(requestId));
        if (seen != null && seen.length > 0) {
            throw new ChaincodeException("duplicate request id " + requestId + " (first used by tx "
                    + new String(seen, StandardCharsets.UTF_8) + ")", "DUPLICATE_REQUEST");
        }
        stub.putState(requestKey(requestId), stub.getTxId().getBytes(StandardCharsets.UTF_8));
    }

    String submitter() {
        return ctx.getClientIdentity().getMSPID();
    }

    void requireSubmitter(Set<String> allowed, String what) {
        String msp = submitter();
        if (!allowed.contains(msp)) {
            throw new ChaincodeException(what + " must be submitted by " + String.join(" or ", allowed.stream().sorted().toList())
                    + ", not " + msp, "FORBIDDEN");
        }
    }

    Optional<FinancingCase> findCase(String contractId) {
        return read(caseKey(contractId), FinancingCase.class);
    }

    FinancingCase requireCase(String contractId) {
        return findCase(contractId).orElseThrow(() -> new ChaincodeException("no financing case " + contractId, "NOT_FOUND"));
    }

    /** Writes the case and returns its JSON (the transaction's answer), encoded once. */
    String save(FinancingCase c) {
        return write(caseKey(c.contractId()), c);
    }

    CreditRecord record(String enterpriseId) {
        return read(historyKey(enterpriseId), CreditRecord.class).orElse(CreditRecord.empty(enterpriseId));
    }

    void save(CreditRecord r) {
        write(historyKey(r.enterpriseId()), r);
    }

    /** Moves {@code c} by {@code action}, or fails naming the state and what the lifecycle allows. */
    FinancingCase move(FinancingCase c, FinancingState.Action action, boolean fullyRepaid, CreditCredential cred,
            double funded, double repaid, String requestId, Double amount, String note) {
        FinancingState next = c.state().after(action, fullyRepaid).orElseThrow(() -> new ChaincodeException(
                "invalid transition: cannot " + action + " case " + c.contractId() + " in state " + c.state(),
                "INVALID_TRANSITION"));
        return c.with(next, cred, funded, repaid, event(requestId, action, c.state(), next, amount, note));
    }

    CaseEvent event(String requestId, FinancingState.Action action, FinancingState from, FinancingState to, Double amount,
            String note) {
        return new CaseEvent(stub.getTxId(), requestId, now(), action.name(), from == null ? null : from.name(),
                to.name(), amount, submitter(), note);
    }

    String now() {
        return stub.getTxTimestamp().toString();
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new ChaincodeException(message, "BAD_ARGUMENT");
        }
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new ChaincodeException("cannot encode " + o.getClass().getSimpleName(), e);
        }
    }

    private <T> Optional<T> read(String key, Class<T> type) {
        byte[] bytes = stub.getState(key);
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(bytes, type));
        } catch (java.io.IOException e) {
            throw new ChaincodeException("corrupt value at " + key + ": " + e.getMessage(), "CORRUPT_STATE");
        }
    }

    private String write(String key, Object value) {
        String json = json(value);
        stub.putState(key, json.getBytes(StandardCharsets.UTF_8));
        return json;
    }
}
