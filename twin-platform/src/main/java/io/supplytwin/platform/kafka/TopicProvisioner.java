package io.supplytwin.platform.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
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
            awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
        }
        List<String> created = missing.stream().map(NewTopic::name).toList();
        LOG.info("topics ready: {} declared, {} created {}", wanted.size(), created.size(), created);
        return created;
    }

    /**
     * Waits until every partition of the new topics has a leader. Creation returns before that; an idempotent producer
     * that writes at once meets NOT_LEADER_OR_FOLLOWER, and on a loaded broker its retries then stalled for a minute
     * on OUT_OF_ORDER_SEQUENCE_NUMBER.
     */
    private static void awaitLeaders(Admin admin, List<String> topics) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            boolean ready;
            try {
                ready = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                        .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
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
}
