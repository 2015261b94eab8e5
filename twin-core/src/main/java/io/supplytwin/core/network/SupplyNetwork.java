package io.supplytwin.core.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Enterprises, who supplies whom, and each enterprise's equipment and orders. Immutable; two networks
 * are equal when they hold the same enterprises, links, equipment and orders. Orders of a core
 * enterprise may go to customers outside the network (the market).
 */
public final class SupplyNetwork {
    private final Map<String, Enterprise> enterprises;
    private final List<SupplierLink> links;
    private final Map<String, List<Equipment>> equipment;
    private final Map<String, List<Order>> orders;

    public SupplyNetwork(List<Enterprise> enterprises, List<SupplierLink> links, List<Equipment> equipment,
                         List<Order> orders) {
        Map<String, Enterprise> byId = new LinkedHashMap<>();
        for (Enterprise enterprise : enterprises) {
            if (byId.put(enterprise.id(), enterprise) != null) {
                throw new IllegalArgumentException("duplicate enterprise id " + enterprise.id());
            }
        }
        for (SupplierLink link : links) {
            requireKnown(byId, link.supplierId(), "link supplier");
            requireKnown(byId, link.customerId(), "link customer");
        }
        if (new HashSet<>(links).size() != links.size()) {
            throw new IllegalArgumentException("duplicate supplier links");
        }
        Map<String, List<Equipment>> machines = new LinkedHashMap<>();
        byId.keySet().forEach(id -> machines.put(id, new ArrayList<>()));
        Set<String> ids = new HashSet<>();
        for (Equipment e : equipment) {
            requireKnown(byId, e.enterpriseId(), "equipment " + e.id() + " owner");
            if (!ids.add(e.id())) {
                throw new IllegalArgumentException("duplicate equipment id " + e.id());
            }
            machines.get(e.enterpriseId()).add(e);
        }
        Map<String, List<Order>> orderBook = new LinkedHashMap<>();
        byId.keySet().forEach(id -> orderBook.put(id, new ArrayList<>()));
        Set<SupplierLink> linkSet = new HashSet<>(links);
        for (Order o : orders) {
            requireKnown(byId, o.supplierId(), "order " + o.id() + " supplier");
            boolean toMarket = !byId.containsKey(o.customerId()) && byId.get(o.supplierId()).role() == Role.CORE;
            if (!toMarket && !linkSet.contains(new SupplierLink(o.supplierId(), o.customerId()))) {
                throw new IllegalArgumentException("order " + o.id() + " has no supplier link " + o.supplierId()
                        + " -> " + o.customerId());
            }
            if (!ids.add(o.id())) {
                throw new IllegalArgumentException("duplicate id " + o.id());
            }
            orderBook.get(o.supplierId()).add(o);
        }
        machines.replaceAll((k, v) -> List.copyOf(v));
        orderBook.replaceAll((k, v) -> List.copyOf(v));
        this.enterprises = Collections.unmodifiableMap(byId);
        this.links = List.copyOf(links);
        this.equipment = Collections.unmodifiableMap(machines);
        this.orders = Collections.unmodifiableMap(orderBook);
    }

    private static void requireKnown(Map<String, Enterprise> byId, String id, String what) {
        if (!byId.containsKey(id)) {
            throw new IllegalArgumentException(what + " " + id + " is not an enterprise of the network");
        }
    }

    public List<Enterprise> enterprises() {
        return List.copyOf(enterprises.values());
    }

    public Optional<Enterprise> enterprise(String id) {
        return Optional.ofNullable(enterprises.get(id));
    }

    public List<Enterprise> withRole(Role role) {
        return enterprises.values().stream().filter(e -> e.role() == role).toList();
    }

    public List<SupplierLink> links() {
        return links;
    }

    /** Enterprises that deliver to {@code customerId}. */
    public List<String> suppliersOf(String customerId) {
        return links.stream().filter(l -> l.customerId().equals(customerId)).map(SupplierLink::supplierId).toList();
    }

    /** Enterprises that {@code supplierId} delivers to. */
    public List<String> customersOf(String supplierId) {
        return links.stream().filter(l -> l.supplierId().equals(supplierId)).map(SupplierLink::customerId).toList();
    }

    /** Equipment of an enterprise; empty for an unknown id. */
    public List<Equipment> equipmentOf(String enterpriseId) {
        return equipment.getOrDefault(enterpriseId, List.of());
    }

    /** Orders an enterprise executes as supplier; empty for an unknown id. */
    public List<Order> ordersOf(String enterpriseId) {
        return orders.getOrDefault(enterpriseId, List.of());
    }

    public List<Equipment> allEquipment() {
        return equipment.values().stream().flatMap(List::stream).toList();
    }

    public List<Order> allOrders() {
        return orders.values().stream().flatMap(List::stream).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SupplyNetwork that && enterprises.equals(that.enterprises) && links.equals(that.links)
                && equipment.equals(that.equipment) && orders.equals(that.orders);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enterprises, links, equipment, orders);
    }
}
