package io.supplytwin.schemas.avro;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One filled-in example of every record SupplyTwin writes, optional fields set. */
public final class Samples {

    public static final Instant T0 = Instant.ofEpochMilli(1_767_225_600_000L);

    private Samples() {}

    public static TelemetryReading telemetry() {
        return TelemetryReading.newBuilder()
                .setEnterpriseId("E-01").setLevel(TwinLevel.EQUIPMENT).setEntityId("E-01/press-3").setSeq(42L)
                .setEventTime(T0).setIngestTime(T0.plusMillis(120))
                .setValues(Map.of("EQ_OEE", 0.83, "EQ_TEMP_C", 71.5)).setFlagged(List.of("EQ_TEMP_C"))
                .setSource(TelemetrySource.SPARKPLUG_B).build();
    }

    public static TwinState twinState() {
        return TwinState.newBuilder()
                .setEntityId("E-01/press-3").setEnterpriseId("E-01").setLevel(TwinLevel.EQUIPMENT)
                .setUpdateTime(T0).setVersion(7L).setEmitReason(EmitReason.DEADBAND)
                .setIndicators(Map.of("EQ_OEE", new IndicatorState(0.83, T0, 0.8, 0.02, 12L))).build();
    }

    public static HealthIndex health() {
        return HealthIndex.newBuilder()
                .setEnterpriseId("E-01").setTime(T0).setH(0.71)
                .setComponents(List.of(
                        new HealthComponent("ORD_FULFILMENT_RATE", "Order fulfilment rate", 0.95, 0.9, 0.2),
                        new HealthComponent("INV_TURNOVER", "Inventory turnover", null, null, 0.1)))
                .setAlerts(List.of("HEALTH_LOW")).build();
    }

    public static CreditAssessment credit() {
        return CreditAssessment.newBuilder()
                .setEnterpriseId("E-01").setTime(T0).setC(0.74).setCh(0.8).setCr(0.7).setH(0.71).setP(0.12)
                .setPSource(ProbabilitySource.MODEL).setA(0.4).setLmax(1_200_000.0).setMonthlyRevenue(2_000_000.0)
                .setIndustryRisk(0.19).setRateBand(RateBand.STANDARD).setRate(0.052).setGuaranteeRequired(false)
                .setAlerts(List.of()).setExplanation(List.of(new ExplanationItem("H", 0.71, 0.32, "health is fair")))
                .build();
    }

    public static Forecast forecast() {
        return Forecast.newBuilder()
                .setEntityId("E-01").setEnterpriseId("E-01").setTime(T0).setKind(ForecastKind.RISK).setHorizonDays(7)
                .setValues(List.of(1.0, 2.0, 3.0)).setProbability(0.12).setModel("xgboost").setModelVersion("1")
                .build();
    }

    public static Alert alert() {
        return Alert.newBuilder()
                .setAlertId("A-1").setEnterpriseId("E-01").setEntityId("E-01/press-3").setTime(T0)
                .setSeverity(Severity.WARNING).setKind("HEALTH_LOW").setMessage("H fell below 0.6")
                .setValue(0.58).setThreshold(0.6).build();
    }

    public static LedgerRequest ledgerRequest() {
        return LedgerRequest.newBuilder()
                .setRequestId("R-1").setContractId("C-1").setType(LedgerRequestType.APPLY).setEnterpriseId("E-01")
                .setSubmitterOrg("BankOrg").setAmount(500_000.0).setAttributes(Map.of("tenorDays", "90"))
                .setTime(T0).build();
    }

    public static LedgerReceipt ledgerReceipt() {
        return LedgerReceipt.newBuilder()
                .setRequestId("R-1").setContractId("C-1").setTxId("tx-1").setStatus(ReceiptStatus.COMMITTED)
                .setReason(null).setBlockNumber(3L).setBlockHash("ab12").setContractState("APPLIED").setTime(T0)
                .build();
    }

    public static CreditHistory creditHistory() {
        return new CreditHistory("E-01", 5, 4, 1, 4, 0, T0);
    }

    public static DeadLetter deadLetter() {
        return DeadLetter.newBuilder()
                .setSource("twin/v1/E-01/equipment/press-3/telemetry")
                .setOriginalBytes(ByteBuffer.wrap("{not json".getBytes(StandardCharsets.UTF_8)))
                .setReason("MALFORMED_JSON").setDetail("Unexpected end of input").setTime(T0).setKey("press-3")
                .build();
    }

    /** One example of each record type. */
    public static List<SpecificRecord> all() {
        return List.of(telemetry(), twinState(), health(), credit(), forecast(), alert(), ledgerRequest(),
                ledgerReceipt(), creditHistory(), deadLetter());
    }

    /** The example of this record type. */
    public static <V> V of(Class<V> type) {
        return all().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No sample of " + type.getName()));
    }
}
