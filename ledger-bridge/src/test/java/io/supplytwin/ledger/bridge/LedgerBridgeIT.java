package io.supplytwin.ledger.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.ledger.chain.EmbeddedLedger;
import io.supplytwin.platform.EmbeddedPlatform;
import io.supplytwin.platform.config.Settings;
import io.supplytwin.platform.testkit.PlatformExtension;
import io.supplytwin.schemas.avro.CreditAssessment;
import io.supplytwin.schemas.avro.CreditHistory;
import io.supplytwin.schemas.avro.LedgerReceipt;
import io.supplytwin.schemas.avro.LedgerRequest;
import io.supplytwin.schemas.avro.LedgerRequestType;
import io.supplytwin.schemas.avro.ProbabilitySource;
import io.supplytwin.schemas.avro.RateBand;
import io.supplytwin.schemas.avro.ReceiptStatus;
import io.supplytwin.schemas.registry.client.RestSchemaRegistryClient;
import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The bridge on the real embedded Kafka broker and schema registry: requests in, receipts and credit history out. */
@ExtendWith(PlatformExtension.class)
class LedgerBridgeIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    SchemaRegistryClient registry;
    LedgerBridgeService service;
    KafkaProducer<String, LedgerRequest> requests;
    KafkaProducer<String, CreditAssessment> credit;
    KafkaConsumer<String, LedgerReceipt> receipts;
    KafkaConsumer<String, CreditHistory> history;
    final String enterprise = "ent-" + UUID.randomUUID();

    @BeforeEach
    void start(EmbeddedPlatform platform) throws Exception {
        registry = new RestSchemaRegistryClient(platform.registryUrl());
        LedgerBridgeConfig config = LedgerBridgeConfig.from(Settings.defaults(LedgerBridgeConfig.SETTINGS))
                .withEmbedded(new EmbeddedLedger.Options(dir, 100, Duration.ofMillis(10), "supplychain"))
                .withGroupId("ledger-it-" + UUID.randomUUID());
        service = new LedgerBridgeService(config, platform.bootstrapServers(), registry, null, null);
        service.start();
        Map<String, Object> p = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        requests = new KafkaProducer<>(p, new StringSerializer(), Topics.LEDGER_REQUESTS.valueSerde(registry).serializer());
        credit = new KafkaProducer<>(p, new StringSerializer(), Topics.CREDIT.valueSerde(registry).serializer());
        Map<String, Object> c = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "ledger-it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        receipts = new KafkaConsumer<>(c, new StringDeserializer(), Topics.LEDGER_RECEIPTS.valueSerde(registry).deserializer());
        receipts.subscribe(List.of(Topics.LEDGER_RECEIPTS.name()));
        Map<String, Object> c2 = new java.util.HashMap<>(c);
        c2.put(ConsumerConfig.GROUP_ID_CONFIG, "ledger-it-history-" + UUID.randomUUID());
        history = new KafkaConsumer<>(c2, new StringDeserializer(),
                Topics.LEDGER_CREDIT_HISTORY.valueSerde(registry).deserializer());
        history.subscribe(List.of(Topics.LEDGER_CREDIT_HISTORY.name()));
    }

    @AfterEach
    void stop() {
        service.close();
        requests.close();
        credit.close();
        receipts.close();
        history.close();
    }

    private LedgerRequest request(String requestId, String contractId, LedgerRequestType type, String org, Double amount) {
        return LedgerRequest.newBuilder().setRequestId(requestId).setContractId(contractId).setType(type)
                .setEnterpriseId(enterprise).setSubmitterOrg(org).setAmount(amount).setAttributes(Map.of())
                .setTime(Instant.now()).build();
    }

    private void send(LedgerRequest r) throws Exception {
        requests.send(new ProducerRecord<>(Topics.LEDGER_REQUESTS.name(), enterprise, r)).get();
    }

    /** Receipts for this test's enterprise until {@code count} have arrived. */
    private List<LedgerReceipt> receipts(int count) {
        List<LedgerReceipt> out = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (out.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, LedgerReceipt> r : receipts.poll(Duration.ofMillis(200))) {
                if (enterprise.equals(r.key())) {
                    out.add(r.value());
                }
            }
        }
        assertThat(out).as("receipts for %s", enterprise).hasSizeGreaterThanOrEqualTo(count);
        return out;
    }

    private CreditHistory latestHistoryWhere(java.util.function.Predicate<CreditHistory> done) {
        CreditHistory last = null;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while ((last == null || !done.test(last)) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, CreditHistory> r : history.poll(Duration.ofMillis(200))) {
                if (enterprise.equals(r.key())) {
                    last = r.value();
                }
            }
        }
        return last;
    }

    @Test
    void aWholeLifecycleProducesReceiptsAndCreditHistory() throws Exception {
        CreditAssessment assessment = CreditAssessment.newBuilder().setEnterpriseId(enterprise).setTime(Instant.now())
                .setC(0.84).setCh(0.8).setCr(0.86).setH(0.82).setP(0.08).setPSource(ProbabilitySource.MODEL).setA(0.4)
                .setLmax(5000).setMonthlyRevenue(9000).setIndustryRisk(0.3).setRateBand(RateBand.PREFERENTIAL).setRate(0.04)
                .setGuaranteeRequired(false).build();
        credit.send(new ProducerRecord<>(Topics.CREDIT.name(), enterprise, assessment)).get();
        String contract = "fin-" + UUID.randomUUID();
        send(request("r-apply-" + contract, contract, LedgerRequestType.APPLY, "supplier", 3000.0));
        LedgerReceipt applied = receipts(1).get(0);
        assertThat(applied.getStatus()).isEqualTo(ReceiptStatus.COMMITTED);
        assertThat(applied.getContractState()).isEqualTo("APPLIED");
        assertThat(applied.getMerkleRoot()).hasSize(64);
        assertThat(applied.getTreeSize()).isPositive();

        send(request("r-eval-" + contract, contract, LedgerRequestType.EVALUATE, "bank", null));
        send(request("r-approve-" + contract, contract, LedgerRequestType.APPROVE, "bank", null));
        send(request("r-fund-big-" + contract, contract, LedgerRequestType.FUND, "bank", 6000.0));
        send(request("r-fund-" + contract, contract, LedgerRequestType.FUND, "bank", 3000.0));
        send(request("r-repay-" + contract, contract, LedgerRequestType.REPAY, "supplier", 3000.0));
        List<LedgerReceipt> rest = receipts(5);
        assertThat(rest).extracting(LedgerReceipt::getRequestId).containsExactly("r-eval-" + contract,
                "r-approve-" + contract, "r-fund-big-" + contract, "r-fund-" + contract, "r-repay-" + contract);
        assertThat(rest.get(0).getContractState()).isEqualTo("EVALUATED");
        assertThat(rest.get(2).getStatus()).isEqualTo(ReceiptStatus.REJECTED);
        assertThat(rest.get(2).getReason()).contains("exceeds the financing limit Lmax 5000");
        assertThat(rest.get(4).getStatus()).isEqualTo(ReceiptStatus.COMMITTED);
        assertThat(rest.get(4).getContractState()).isEqualTo("REPAID");

        CreditHistory h = latestHistoryWhere(x -> x.getFulfilledContracts() == 1);
        assertThat(h).isNotNull();
        assertThat(h.getContracts()).isEqualTo(1);
        assertThat(h.getOnTimeRepayments()).isEqualTo(1);
        assertThat(h.getDefaults()).isZero();

        String evidence = service.ledger().evaluate("BankMSP", "application", "readCase", contract).orElseThrow();
        assertThat(evidence).contains(java.util.HexFormat.of().formatHex(io.supplytwin.ledger.chain.MerkleTree.sha256(
                Topics.CREDIT.valueSerde(registry).serializer().serialize(Topics.CREDIT.name(), assessment))));
    }

    @Test
    void aDuplicateRequestIdIsCommittedOnceAndAnsweredWithTheFirstReceipt() throws Exception {
        EmbeddedLedger ledger = (EmbeddedLedger) service.ledger();
        String contract = "fin-" + UUID.randomUUID();
        LedgerRequest apply = request("r-dup-" + contract, contract, LedgerRequestType.APPLY, "supplier", 100.0);
        send(apply);
        LedgerReceipt first = receipts(1).get(0);
        long size = ledger.size();
        send(apply);
        LedgerReceipt second = receipts(1).get(0);
        assertThat(second.getRequestId()).isEqualTo(first.getRequestId());
        assertThat(second.getTxId()).isEqualTo(first.getTxId());
        assertThat(second.getStatus()).isEqualTo(ReceiptStatus.COMMITTED);
        assertThat(second.getBlockNumber()).isEqualTo(first.getBlockNumber());
        assertThat(ledger.size()).isEqualTo(size);
    }
}
