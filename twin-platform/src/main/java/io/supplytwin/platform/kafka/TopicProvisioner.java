package io.supplytwin.platform.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics of the one topic declaration that do not exist yet; existing topics are left as they are. */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {
    }

    /** Returns the names of the topics it created. */
    public static List<String> ensure(Admin admin, Collection<NewTopic> wanted) throws Exception {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        for (NewTopic t : wanted) {
            if (!existing.contains(t.name())) {
                missing.add(t);
            }
        }
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            awaitServed(admin, missing.stream().map(NewTopic::name).toList());
        }
        List<String> created = missing.stream().map(NewTopic::name).toList();
        LOG.info("topics ready: {} declared, {} created {}", wanted.size(), created.size(), created);
        return created;
    }

    /**
     * Waits until every partition of the new topics has a leader that serves it. Creation returns before that, and
     * metadata names a leader before the leader has opened the partition's log. An idempotent producer that writes at
     * once has its first batch to a partition refused (NOT_LEADER_OR_FOLLOWER) while a later batch to the same
     * partition, sent a moment after, is accepted; the retried first batch then has a sequence number below the
     * broker's and fails for good with OUT_OF_ORDER_SEQUENCE_NUMBER: records lost a few per hundred thousand right
     * after creation. So a partition counts as ready only once its leader answers a ListOffsets request for it.
     */
    private static void awaitServed(Admin admin, List<String> topics) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            boolean ready;
            try {
                Collection<TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS)
                        .values();
                ready = described.stream()
                        .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()))
                        && served(admin, described);
            } catch (ExecutionException e) {
                ready = false; // metadata not propagated yet (UnknownTopicOrPartition)
            }
            if (ready) {
                return;
            }
            if (System.nanoTime() > deadline) {
                LOG.warn("topics {} still have partitions without a leader after 30 s", topics);
                return;
            }
            Thread.sleep(50);
        }
    }

    /** Whether the leader of every partition answers for it (its log is open). */
    private static boolean served(Admin admin, Collection<TopicDescription> topics) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (TopicDescription d : topics) {
            d.partitions().forEach(p -> partitions.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
        }
        try {
            admin.listOffsets(partitions, new ListOffsetsOptions().timeoutMs(2_000)).all().get(5, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
