package io.supplytwin.ledger.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplytwin.ledger.chain.EmbeddedLedger;
import io.supplytwin.ledger.chain.LedgerHead;
import io.supplytwin.ledger.chain.TxRecord;
import io.supplytwin.ledger.contract.CaseBook;
import io.supplytwin.ledger.gateway.LedgerException;
import io.supplytwin.ledger.gateway.LedgerGateway;
import io.supplytwin.ledger.identity.Org;
import io.supplytwin.platform.http.HttpApi;
import io.supplytwin.platform.http.HttpError;
import io.supplytwin.platform.http.Request;
import java.io.IOException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger over HTTP. A financing case with its history, an enterprise's credit record, and on the embedded
 * ledger the published head (tree size and root), a transaction with its inclusion proof and a consistency proof
 * between two sizes, all checkable by a client with RFC 9162's verification algorithms.
 */
public final class LedgerRoutes {

    private static final HexFormat HEX = HexFormat.of();

    private LedgerRoutes() {
    }

    public static void register(HttpApi api, LedgerGateway ledger) {
        api.get("/api/ledger/contracts/{id}", req -> {
            String id = req.pathParam("id");
            String json = query(ledger, "readCase", id);
            if (json == null) {
                throw HttpError.notFound("no financing case " + id);
            }
            return HttpApi.json(parse(json));
        });
        api.get("/api/ledger/history/{enterpriseId}", req -> HttpApi.json(parse(query(ledger, "readHistory",
                req.pathParam("enterpriseId")))));
        api.get("/api/ledger/head", req -> HttpApi.json(embedded(ledger).head()));
        api.get("/api/ledger/tx/{txId}", req -> HttpApi.json(transaction(embedded(ledger), req.pathParam("txId"))));
        api.get("/api/ledger/consistency", req -> HttpApi.json(consistency(embedded(ledger), req)));
    }

    private static String query(LedgerGateway ledger, String function, String arg) {
        try {
            return ledger.evaluate(Org.BANK.mspId(), "application", function, arg).orElse(null);
        } catch (LedgerException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    private static JsonNode parse(String json) {
        try {
            return CaseBook.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("ledger answered with invalid JSON", e);
        }
    }

    private static EmbeddedLedger embedded(LedgerGateway ledger) {
        if (ledger instanceof EmbeddedLedger e) {
            return e;
        }
        throw HttpError.notFound("Merkle proofs are served by the embedded ledger; this process uses " + ledger.describe());
    }

    static Map<String, Object> transaction(EmbeddedLedger ledger, String txId) {
        if (!txId.matches("[0-9a-f]{64}")) {
            throw HttpError.badRequest("transaction id must be 64 lower-case hex digits, got '" + txId + "'");
        }
        TxRecord rec = ledger.transaction(txId).orElseThrow(() -> HttpError.notFound("no transaction " + txId));
        LedgerHead head = ledger.head();
        if (rec.leafIndex() >= head.treeSize()) {
            throw HttpError.notFound("transaction " + txId + " is not in a published block yet");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("txId", rec.txId());
        out.put("requestId", rec.requestId());
        out.put("contract", rec.contract());
        out.put("function", rec.function());
        out.put("submitter", rec.submitterMsp());
        out.put("status", rec.status().name());
        out.put("reason", rec.reason());
        out.put("blockNumber", rec.blockNumber());
        out.put("indexInBlock", rec.indexInBlock());
        out.put("leafIndex", rec.leafIndex());
        out.put("leafHash", HEX.formatHex(ledger.leafHash(rec.leafIndex())));
        out.put("treeSize", head.treeSize());
        out.put("root", head.root());
        out.put("inclusionProof", hex(ledger.inclusionProof(rec.leafIndex(), head.treeSize())));
        return out;
    }

    static Map<String, Object> consistency(EmbeddedLedger ledger, Request req) {
        long size = ledger.head().treeSize();
        long from = longParam(req, "from");
        long to = req.queryParam("to").isPresent() ? longParam(req, "to") : size;
        if (from < 0 || to < 0) {
            throw HttpError.badRequest("from and to must not be negative");
        }
        if (from > to) {
            throw HttpError.badRequest("from (" + from + ") must not exceed to (" + to + ")");
        }
        if (to > size) {
            throw HttpError.badRequest("to (" + to + ") exceeds the ledger size " + size);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from);
        out.put("to", to);
        out.put("fromRoot", HEX.formatHex(ledger.root(from)));
        out.put("toRoot", HEX.formatHex(ledger.root(to)));
        out.put("proof", hex(ledger.consistencyProof(from, to)));
        return out;
    }

    private static long longParam(Request req, String name) {
        String v = req.queryParam(name).orElseThrow(() -> HttpError.badRequest("query parameter '" + name + "' is required"));
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("query parameter '" + name + "' must be an integer, got '" + v + "'");
        }
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
