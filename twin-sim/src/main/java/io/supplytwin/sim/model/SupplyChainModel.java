package io.supplytwin.sim.model;

import io.supplytwin.core.catalogue.Level;
import io.supplytwin.core.network.Enterprise;
import io.supplytwin.core.network.Equipment;
import io.supplytwin.core.network.Order;
import io.supplytwin.core.network.ReferenceNetwork;
import io.supplytwin.core.network.Role;
import io.supplytwin.core.network.SupplyNetwork;
import io.supplytwin.sim.shock.Shock;
import io.supplytwin.sim.shock.ShockKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The latent supply-chain model behind the simulated gateways. Market demand (seed 000's curve) reaches the core
 * enterprise; every firm orders components from its suppliers once a day with an order-up-to policy
 * (exponentially smoothed forecast, safety stock base + k·σ, batches of 16), so orders travel up the tiers with
 * lead times and the bullwhip effect appears on its own. Machines wear, fail and are repaired; shipments are
 * invoiced and paid after payment terms and each payer's habits; cash pays running costs.
 *
 * <p>All randomness comes from one {@link SplittableRandom} per entity, derived from the seed and the entity's
 * id, so the same seed, network and step sizes give the same state. Not thread-safe: one thread steps it.
 */
public final class SupplyChainModel {
    /** Share of a supplier's output that goes to customers inside the network. */
    static final double NETWORK_SHARE = 0.35;
    /** Purchased material as a share of the price, when in-network components do not already exceed it. */
    static final double MATERIAL_SHARE = 0.55;
    static final double QUOTED_LEAD_DAYS = 3;
    static final double TRANSIT_DAYS = 1;
    static final double SAFETY_Z = 1.65;
    static final double SMOOTHING_ALPHA = 0.3;

    private final List<EnterpriseState> enterprises = new ArrayList<>();
    private final Map<String, EnterpriseState> byId = new HashMap<>();
    private final Map<String, MachineState> machinesById = new HashMap<>();
    private final ArrayDeque<Shipment> pipeline = new ArrayDeque<>();
    private final List<Shock> shocks = new CopyOnWriteArrayList<>();
    /** Shocks whose one-off effect (a distress's bad receivables) has happened. */
    private final Set<Shock> struck = new java.util.HashSet<>();
    private final IndicatorSynthesiser synthesiser;
    private final long seed;
    private double now;
    private long day;
    private long cycle;
    private double demandMultiplier = 1;
    private boolean overdraft = true;
    private double insolvencyArrearsDays = Double.POSITIVE_INFINITY;
    /** Outside buyers charge this much more for a component a defaulted supplier no longer makes. */
    static final double RESOURCING_PREMIUM = 1.15;

    public SupplyChainModel(long seed) {
        this(ReferenceNetwork.create(), seed, 1);
    }

    /**
     * @param copies how many independent copies of the network to run; copy k ≥ 2 prefixes every id with
     *               {@code nKK-} (e.g. {@code n02-t1-03}) so twins stay distinct
     */
    public SupplyChainModel(SupplyNetwork network, long seed, int copies) {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1 but was " + copies);
        }
        this.seed = seed;
        for (int k = 1; k <= copies; k++) {
            build(network, k == 1 ? "" : String.format(Locale.ROOT, "n%02d-", k));
        }
        this.synthesiser = new IndicatorSynthesiser(seed);
    }

    /** Live runs cover cash gaps with an overdraft; scenario runs switch it off and finance gaps themselves. */
    public void setOverdraft(boolean overdraft) {
        this.overdraft = overdraft;
    }

    /**
     * A firm whose arrears on its running costs (negative cash, with no overdraft) exceed this many days of those
     * costs at a day's close becomes insolvent: it defaults for good. Infinite (the default) turns the rule off.
     */
    public void setInsolvencyArrearsDays(double days) {
        if (!(days > 0)) {
            throw new IllegalArgumentException("insolvency arrears must be positive days but was " + days);
        }
        this.insolvencyArrearsDays = days;
    }

    public List<EnterpriseState> enterprises() {
        return Collections.unmodifiableList(enterprises);
    }

    public EnterpriseState enterprise(String publicId) {
        EnterpriseState e = byId.get(publicId);
        if (e == null) {
            throw new IllegalArgumentException("unknown enterprise " + publicId);
        }
        return e;
    }

    /** Simulated hours since the start. */
    public double hours() {
        return now;
    }

    /** Steps taken so far. */
    public long cycle() {
        return cycle;
    }

    public int machineCount() {
        return machinesById.size();
    }

    public int orderTwinCount() {
        return enterprises.stream().mapToInt(e -> e.orderSlots.values().stream().mapToInt(List::size).sum()).sum();
    }

    /** Entities reporting each cycle: enterprises, machines and order twins. */
    public int entityCount() {
        return enterprises.size() + machineCount() + orderTwinCount();
    }

    /**
     * Schedules a shock; an immediate one starts now.
     *
     * @throws IllegalArgumentException when the target is neither an enterprise nor (for machine failures) a machine
     */
    public Shock inject(Shock shock) {
        validate(shock);
        Shock pinned = shock.immediate() ? shock.startingAt(now) : shock;
        shocks.add(pinned);
        return pinned;
    }

    /** Checks a shock's target without scheduling it; safe to call from another thread than the stepping one. */
    public void validate(Shock shock) {
        if (!shock.target().isEmpty() && !byId.containsKey(shock.target())
                && !(shock.kind() == ShockKind.MACHINE_FAILURE && machinesById.containsKey(shock.target()))) {
            throw new IllegalArgumentException("unknown target '" + shock.target() + "' for " + shock.kind().code()
                    + (shock.kind() == ShockKind.MACHINE_FAILURE ? " (expected an enterprise or equipment id)" : " (expected an enterprise id)"));
        }
    }

    public List<Shock> shocks() {
        return List.copyOf(shocks);
    }

    /** Advances the model by {@code dtHours}. */
    public void step(double dtHours) {
        if (!(dtHours > 0)) {
            throw new IllegalArgumentException("step must be positive but was " + dtHours);
        }
        now += dtHours;
        cycle++;
        applyShocks();
        long today = (long) Math.floor(now / 24);
        if (today != day) {
            day = today;
            for (EnterpriseState e : enterprises) {
                closeDay(e);
            }
        }
        while (!pipeline.isEmpty() && pipeline.peekFirst().arrivalHour() <= now) {
            Shipment s = pipeline.pollFirst();
            EnterpriseState customer = enterprises.get(s.customer());
            customer.componentStock[s.supplierSlot()] += s.units();
            customer.inTransit[s.supplierSlot()] -= s.units();
        }
        for (EnterpriseState e : enterprises) {
            outsideDemand(e, dtHours);
            produce(e, dtHours);
            ship(e);
        }
        for (EnterpriseState e : enterprises) {
            pay(e);
        }
    }

    /** Every entity's reading at the current state, in a stable order. */
    public void readings(Consumer<Reading> sink) {
        readings(EnumSet.allOf(Level.class), sink);
    }

    /** The readings of the twins of the given levels only (skipping the others shifts nothing in the model). */
    public void readings(Set<Level> levels, Consumer<Reading> sink) {
        for (EnterpriseState e : enterprises) {
            if (levels.contains(Level.ENTERPRISE)) {
                synthesiser.enterprise(e, now, cycle, sink);
            }
            if (levels.contains(Level.EQUIPMENT)) {
                for (MachineState m : e.machines) {
                    synthesiser.equipment(e, m, cycle, sink);
                }
            }
            if (!levels.contains(Level.ORDER)) {
                continue;
            }
            for (Map.Entry<Integer, List<Order>> slots : e.orderSlots.entrySet()) {
                OrderLine[] ring = e.recentLines.get(slots.getKey());
                for (int i = 0; i < slots.getValue().size(); i++) {
                    synthesiser.order(e, slots.getValue().get(i), ring[i], now, cycle, sink);
                }
            }
        }
    }

    public List<Reading> readings() {
        List<Reading> out = new ArrayList<>(entityCount());
        readings(out::add);
        return out;
    }

    // ---------------------------------------------------------------- construction

    private SplittableRandom randomFor(String publicId) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + publicId.hashCode());
    }

    private void build(SupplyNetwork network, String prefix) {
        int first = enterprises.size();
        Map<String, Integer> local = new HashMap<>();
        for (Enterprise e : network.enterprises()) {
            String id = prefix + e.id();
            EnterpriseState state = new EnterpriseState(enterprises.size(), e, id, randomFor(id));
            local.put(e.id(), state.index);
            enterprises.add(state);
            byId.put(id, state);
        }
        List<EnterpriseState> copy = enterprises.subList(first, enterprises.size());
        for (EnterpriseState e : copy) {
            e.suppliers = network.suppliersOf(e.enterprise.id()).stream().mapToInt(local::get).toArray();
            e.customers = network.customersOf(e.enterprise.id()).stream().mapToInt(local::get).toArray();
        }
        for (Role role : Role.values()) {
            for (EnterpriseState e : copy) {
                if (e.role() == role) {
                    sizeUp(e);
                }
            }
        }
        for (EnterpriseState e : copy) {
            price(e);
        }
        for (EnterpriseState e : copy) {
            equip(network, e, prefix);
            slots(network, e, prefix, local);
        }
        for (EnterpriseState e : copy) {
            history(e);
        }
    }

    private void sizeUp(EnterpriseState e) {
        double network = 0;
        for (int c : e.customers) {
            network += enterprises.get(c).unitsPerDay;
        }
        e.networkUnitsPerDay = network;
        e.unitsPerDay = e.role() == Role.CORE ? DemandModel.BASE : network / NETWORK_SHARE;
        e.outsideScale = (e.unitsPerDay - network) / DemandModel.BASE;
        e.outsideDemand = new DemandModel(e.random.split(), e.role() == Role.CORE ? 0 : e.random.nextDouble() * 90);
        e.forecast = e.unitsPerDay;
        e.demandVariance = Math.pow(0.1 * e.unitsPerDay, 2);
    }

    private void price(EnterpriseState e) {
        SplittableRandom r = e.random;
        double monthly = e.enterprise.monthlyRevenue();
        e.price = monthly / (30 * e.unitsPerDay);
        double networkMaterial = 0;
        for (int s : e.suppliers) {
            networkMaterial += monthly == 0 ? 0 : enterprises.get(s).enterprise.monthlyRevenue() / (30 * enterprises.get(s).unitsPerDay);
        }
        // components bought inside the network are priced by the supplier; the rest of the bill comes from outside
        e.externalMaterialPerUnit = Math.max(0, MATERIAL_SHARE * e.price - networkMaterial);
        double materialShare = (networkMaterial + e.externalMaterialPerUnit) / e.price;
        double margin = 0.06 + 0.03 * r.nextGaussian();
        e.opexPerDay = Math.max(0.05, 1 - materialShare - margin) * monthly / 30;
        e.termDaysToSuppliers = switch (e.role()) {
            case CORE -> 60;
            case TIER_1 -> 45;
            case TIER_2 -> 30;
        };
        e.termDaysFromOutside = e.role() == Role.CORE ? 30 : 45;
        e.payHabitDays = r.nextDouble() < 0.15 ? 10 + 15 * r.nextDouble() : 3 * r.nextDouble();
        e.fixedAssets = 12 * monthly / (3 + 3 * r.nextDouble());
        e.cash = 20 * e.dailyCosts() * Math.exp(0.5 * r.nextGaussian());
        e.debt = e.fixedAssets * (0.3 + 0.3 * r.nextDouble());
        e.finishedGoods = 1.5 * e.unitsPerDay;
        e.componentStock = new double[e.suppliers.length];
        e.inTransit = new double[e.suppliers.length];
        e.supplierLeadDays = new double[e.suppliers.length];
        e.supplierPrice = new double[e.suppliers.length];
        for (int i = 0; i < e.suppliers.length; i++) {
            EnterpriseState supplier = enterprises.get(e.suppliers[i]);
            e.supplierPrice[i] = supplier.enterprise.monthlyRevenue() / (30 * supplier.unitsPerDay);
            e.supplierLeadDays[i] = QUOTED_LEAD_DAYS + TRANSIT_DAYS;
            e.componentStock[i] = 2.5 * e.unitsPerDay;
        }
    }

    private void equip(SupplyNetwork network, EnterpriseState e, String prefix) {
        List<Equipment> list = network.equipmentOf(e.enterprise.id());
        double perMachine = e.unitsPerDay * 1.35 / (0.95 * 0.85 * 0.98) / Math.max(1, list.size());
        for (Equipment eq : list) {
            Equipment published = new Equipment(prefix + eq.id(), e.publicId, eq.kind());
            MachineState m = new MachineState(published, randomFor(published.id()), perMachine);
            e.machines.add(m);
            machinesById.put(published.id(), m);
        }
        e.capacityPerDay = perMachine * list.size();
    }

    private void slots(SupplyNetwork network, EnterpriseState e, String prefix, Map<String, Integer> local) {
        Map<Integer, List<Order>> byCustomer = new HashMap<>();
        for (Order o : network.ordersOf(e.enterprise.id())) {
            int customer = local.getOrDefault(o.customerId(), -1);
            byCustomer.computeIfAbsent(customer, k -> new ArrayList<>())
                    .add(new Order(prefix + o.id(), e.publicId, local.containsKey(o.customerId()) ? prefix + o.customerId() : o.customerId()));
        }
        // the market customers of the core share one outside order stream
        for (Map.Entry<Integer, List<Order>> entry : byCustomer.entrySet()) {
            e.orderSlots.put(entry.getKey(), entry.getValue());
            e.recentLines.put(entry.getKey(), new OrderLine[entry.getValue().size()]);
        }
    }

    /** Fills past orders, invoices and open lines so the run starts near a steady state. */
    private void history(EnterpriseState e) {
        List<Integer> buyers = new ArrayList<>();
        for (int c : e.customers) {
            buyers.add(c);
        }
        if (e.outsideScale > 0) {
            buyers.add(-1);
        }
        int longestTerm = 60;
        for (int d = -longestTerm; d <= 0; d++) {
            for (int buyer : buyers) {
                double units = buyer < 0 ? e.outsideScale * DemandModel.BASE : enterprises.get(buyer).unitsPerDay;
                double created = d * 24.0 - 24 * QUOTED_LEAD_DAYS;
                OrderLine line = new OrderLine(buyer, created, d * 24.0, units);
                if (d >= -1) {
                    // still open: due today or tomorrow
                    OrderLine open = new OrderLine(buyer, (d - 1) * 24.0, (d + 2) * 24.0, units);
                    e.backlog.add(open);
                    e.remember(open, d - 1);
                    continue;
                }
                line.shipped = units;
                line.shippedOnTime = units;
                line.completedHour = d * 24.0;
                line.quality = 0.98;
                double term = buyer < 0 ? e.termDaysFromOutside : enterprises.get(buyer).termDaysToSuppliers;
                if (-d <= term + 5) {
                    line.invoice = invoice(e, buyer, line, d * 24.0, term);
                }
                e.remember(line, d);
            }
        }
        e.revenueDaily.update(e.unitsPerDay * e.price, 1e9);
        e.revenueYear.update(e.unitsPerDay * e.price, 1e9);
        e.cogsDaily.update(e.unitsPerDay * e.price * MATERIAL_SHARE, 1e9);
        e.outputDaily.update(e.unitsPerDay, 1e9);
        e.profitDaily.update(e.unitsPerDay * e.price - e.unitsPerDay * e.price * MATERIAL_SHARE - e.opexPerDay, 1e9);
        e.purchasesDaily.update(e.unitsPerDay * e.price * MATERIAL_SHARE, 1e9);
    }

    private Invoice invoice(EnterpriseState payee, int payer, OrderLine line, double issued, double termDays) {
        Invoice invoice = new Invoice(payee.index, payer, line.units * payee.price, issued, issued + termDays * 24);
        if (payer < 0) {
            invoice.payAfterHour = invoice.dueHour + 24 * Math.abs(2 * payee.random.nextGaussian());
        } else {
            enterprises.get(payer).payables.add(invoice);
        }
        payee.receivables.add(invoice);
        return invoice;
    }

    // ---------------------------------------------------------------- dynamics

    private void applyShocks() {
        demandMultiplier = 1;
        for (EnterpriseState e : enterprises) {
            e.lateShockDays = 0;
            e.lostOutsideShare = 0;
            for (MachineState m : e.machines) {
                m.forcedShare = 0;
            }
        }
        for (Shock s : shocks) {
            if (now < s.atHours() || now >= s.atHours() + s.hours()) {
                continue;
            }
            switch (s.kind()) {
                case DEMAND_SURGE -> demandMultiplier *= s.magnitude();
                case LATE_PAYER -> byId.get(s.target()).lateShockDays += s.magnitude();
                case SUPPLIER_DEFAULT -> markDefaulted(byId.get(s.target()));
                case DISTRESS -> {
                    EnterpriseState e = byId.get(s.target());
                    e.lostOutsideShare = Math.min(1, 1 - (1 - e.lostOutsideShare) * (1 - s.magnitude()));
                    if (struck.add(s)) {
                        writeOffOutside(e, s.magnitude());
                    }
                }
                case MACHINE_FAILURE -> {
                    MachineState one = machinesById.get(s.target());
                    List<MachineState> hit = one != null ? List.of(one) : byId.get(s.target()).machines;
                    hit.forEach(m -> m.forcedShare = Math.max(m.forcedShare, s.magnitude()));
                }
            }
        }
    }

    private void outsideDemand(EnterpriseState e, double dt) {
        if (e.outsideScale <= 0 || e.defaulted) {
            return;
        }
        double units = e.outsideScale * e.outsideDemand.unitsPerDay(now / 24) * demandMultiplier * (1 - e.lostOutsideShare)
                * dt / 24;
        OrderLine line = e.openOutsideLine;
        if (line == null || Math.floor(line.createdHour / 24) != day) {
            line = new OrderLine(-1, now, now + QUOTED_LEAD_DAYS * 24, 0);
            e.openOutsideLine = line;
            e.backlog.add(line);
            e.remember(line, day);
            e.backorderedLines.add(e.finishedGoods < e.openBacklogUnits() ? 1 : 0, 1);
        }
        line.units += units;
        e.demandToday += units;
    }

    private void produce(EnterpriseState e, double dt) {
        double desiredPerDay = 0;
        if (!e.defaulted) {
            // aim for one day of finished goods beyond the open orders due within a day
            double gap = e.openBacklogUnits() + e.forecast - e.finishedGoods - e.forecast * QUOTED_LEAD_DAYS * 0.5;
            desiredPerDay = Math.max(0, e.forecast + gap / 2);
        }
        double load = desiredPerDay / Math.max(1e-9, e.capacityPerDay);
        double made = 0;
        for (MachineState m : e.machines) {
            m.step(dt, load);
            made += m.output(dt);
        }
        double material = Double.POSITIVE_INFINITY;
        for (int i = 0; i < e.componentStock.length; i++) {
            if (!enterprises.get(e.suppliers[i]).defaulted) {
                material = Math.min(material, e.componentStock[i]);
            }
        }
        if (made > material) {
            made = Math.max(0, material);
            e.stockoutHoursToday += dt;
        }
        double resourced = 0;
        for (int i = 0; i < e.componentStock.length; i++) {
            // a defaulted supplier's component is bought outside at a premium once its stock is used up
            double fromStock = enterprises.get(e.suppliers[i]).defaulted ? Math.min(made, Math.max(0, e.componentStock[i])) : made;
            resourced += (made - fromStock) * e.supplierPrice[i] * RESOURCING_PREMIUM;
            e.componentStock[i] -= fromStock;
        }
        e.cash -= resourced;
        e.cashOutToday += resourced;
        e.purchasesToday += resourced;
        e.finishedGoods += made;
        e.producedToday += made;
        double outsideMaterial = made * e.externalMaterialPerUnit;
        e.cash -= outsideMaterial;
        e.cashOutToday += outsideMaterial;
        e.purchasesToday += outsideMaterial;
    }

    private void ship(EnterpriseState e) {
        if (e.defaulted) {
            return;
        }
        Map<Integer, Double> shippedTo = new HashMap<>();
        for (OrderLine line : e.backlog) {
            if (e.finishedGoods <= 1e-9) {
                break;
            }
            double s = Math.min(e.finishedGoods, line.remaining());
            if (s <= 0) {
                continue;
            }
            e.finishedGoods -= s;
            line.shipped += s;
            if (now <= line.dueHour) {
                line.shippedOnTime += s;
            }
            e.shippedToday += s;
            e.revenueToday += s * e.price;
            e.cogsToday += s * e.price * MATERIAL_SHARE;
            e.onTimeUnits.add(now <= line.dueHour ? s : 0, s);
            if (line.customer >= 0) {
                shippedTo.merge(line.customer, s, Double::sum);
            }
            if (line.remaining() <= 1e-9 && !(line == e.openOutsideLine && Math.floor(line.createdHour / 24) == day)) {
                complete(e, line);
            }
        }
        for (Map.Entry<Integer, Double> entry : shippedTo.entrySet()) {
            EnterpriseState customer = enterprises.get(entry.getKey());
            int slot = slotOf(customer, e.index);
            customer.inTransit[slot] += entry.getValue();
            pipeline.add(new Shipment(now + TRANSIT_DAYS * 24, customer.index, slot, entry.getValue()));
        }
        while (!e.backlog.isEmpty() && e.backlog.peekFirst().complete()) {
            e.backlog.pollFirst();
        }
        if (e.overdueBacklogUnits(now) > 0 && e.finishedGoods <= 1e-9) {
            e.stockoutShare.update(1, 0.1);
        } else {
            e.stockoutShare.update(0, 0.1);
        }
    }

    private void complete(EnterpriseState e, OrderLine line) {
        line.completedHour = now;
        boolean onTime = now <= line.dueHour;
        e.fulfilledLines.add(onTime ? 1 : 0, 1);
        line.quality = e.machines.stream().mapToDouble(m -> m.quality.value()).average().orElse(0.98);
        e.qualityPass.add(line.quality * line.units, line.units);
        double term;
        if (line.customer >= 0) {
            EnterpriseState customer = enterprises.get(line.customer);
            customer.supplierOtif.add(onTime ? 1 : 0, 1);
            customer.supplierLeadTime.add((now - line.createdHour) / 24 + TRANSIT_DAYS, 1);
            term = customer.termDaysToSuppliers;
        } else {
            term = e.termDaysFromOutside;
        }
        line.invoice = invoice(e, line.customer, line, now, term);
    }

    private static int slotOf(EnterpriseState customer, int supplier) {
        for (int i = 0; i < customer.suppliers.length; i++) {
            if (customer.suppliers[i] == supplier) {
                return i;
            }
        }
        throw new IllegalStateException(supplier + " does not supply " + customer.publicId);
    }

    private void pay(EnterpriseState e) {
        if (!e.defaulted) {
            double delay = 24 * (e.payHabitDays + e.lateShockDays);
            Iterator<Invoice> it = e.payables.iterator();
            while (it.hasNext()) {
                Invoice inv = it.next();
                if (!inv.open()) {
                    it.remove();
                } else if (now >= inv.dueHour + delay && e.cash >= inv.amount) {
                    settle(inv, e, enterprises.get(inv.payee));
                    e.paidOnTime.add(now <= inv.dueHour + 24 ? 1 : 0, 1);
                    it.remove();
                }
            }
        }
        for (Invoice inv : e.receivables) {
            if (inv.payer < 0 && inv.open() && now >= inv.payAfterHour) {
                settle(inv, null, e);
            }
        }
    }

    private void settle(Invoice inv, EnterpriseState payer, EnterpriseState payee) {
        inv.paidHour = now;
        if (payer != null) {
            payer.cash -= inv.amount;
            payer.cashOutToday += inv.amount;
        }
        payee.cash += inv.amount;
        payee.cashInToday += inv.amount;
    }

    private void closeDay(EnterpriseState e) {
        e.demandVariance = (1 - SMOOTHING_ALPHA) * e.demandVariance
                + SMOOTHING_ALPHA * Math.pow(e.demandToday - e.forecast, 2);
        e.forecast = SMOOTHING_ALPHA * e.demandToday + (1 - SMOOTHING_ALPHA) * e.forecast;
        if (!e.defaulted) {
            order(e);
        }
        double interest = e.debt * e.interestRatePct / 100 / 365;
        double running = e.defaulted ? 0 : e.opexPerDay + interest;
        e.cash -= running;
        e.cashOutToday += running;
        if (!e.defaulted && e.cash < -insolvencyArrearsDays * e.dailyCosts()) {
            markDefaulted(e);
        }
        if (overdraft) {
            if (e.cash < 0) {
                e.borrow(-e.cash);
            } else if (e.cash > 30 * e.dailyCosts()) {
                e.repay(e.cash - 30 * e.dailyCosts());
            }
        }
        for (Invoice inv : e.receivables) {
            if (inv.open() && inv.payer >= 0 && enterprises.get(inv.payer).defaulted && now - inv.dueHour > 90 * 24) {
                inv.writtenOff = true;
                e.writtenOffMonthly += inv.amount;
            }
        }
        e.receivables.removeIf(inv -> !inv.open());
        e.writtenOffMonthly *= Math.exp(-24 / (365 * 24.0));
        e.revenueDaily.update(e.revenueToday, 24);
        e.revenueYear.update(e.revenueToday, 24);
        e.cogsDaily.update(e.cogsToday, 24);
        e.profitDaily.update(e.revenueToday - e.cogsToday - running, 24);
        e.purchasesDaily.update(e.purchasesToday + networkPurchases(e), 24);
        e.operatingCashDaily.update(e.cashInToday - e.cashOutToday, 24);
        e.outputDaily.update(e.producedToday, 24);
        e.demandToday = 0;
        e.shippedToday = 0;
        e.producedToday = 0;
        e.revenueToday = 0;
        e.cogsToday = 0;
        e.purchasesToday = 0;
        e.cashInToday = 0;
        e.cashOutToday = 0;
        e.stockoutHoursToday = 0;
        decay(e, 24);
    }

    /** The customers a distressed firm lost do not pay what they owe: that share of its outside receivables goes bad. */
    private static void writeOffOutside(EnterpriseState e, double share) {
        double open = 0;
        for (Invoice inv : e.receivables) {
            open += inv.payer < 0 && inv.open() ? inv.amount : 0;
        }
        double toWriteOff = share * open;
        for (Invoice inv : e.receivables) {
            if (toWriteOff <= 0) {
                break;
            }
            if (inv.payer < 0 && inv.open()) {
                inv.writtenOff = true;
                e.writtenOffMonthly += inv.amount;
                toWriteOff -= inv.amount;
            }
        }
    }

    private void markDefaulted(EnterpriseState e) {
        if (!e.defaulted) {
            e.defaulted = true;
            e.defaultedHour = now;
        }
    }

    private double networkPurchases(EnterpriseState e) {
        double value = 0;
        for (int i = 0; i < e.suppliers.length; i++) {
            EnterpriseState s = enterprises.get(e.suppliers[i]);
            value += e.forecast * s.price;
        }
        return value;
    }

    private static void decay(EnterpriseState e, double hours) {
        e.onTimeUnits.decay(hours);
        e.fulfilledLines.decay(hours);
        e.backorderedLines.decay(hours);
        e.supplierOtif.decay(hours);
        e.supplierLeadTime.decay(hours);
        e.qualityPass.decay(hours);
        e.paidOnTime.decay(hours);
    }

    /** Daily order-up-to decision for every supplier's component. */
    private void order(EnterpriseState e) {
        double sigma = Math.sqrt(e.demandVariance);
        for (int i = 0; i < e.suppliers.length; i++) {
            EnterpriseState supplier = enterprises.get(e.suppliers[i]);
            double onOrder = 0;
            for (OrderLine line : supplier.backlog) {
                if (line.customer == e.index) {
                    onOrder += line.remaining();
                }
            }
            double lead = e.supplierLeadDays[i];
            double target = e.forecast * (lead + 1) + 0.5 * e.forecast + SAFETY_Z * sigma * Math.sqrt(lead);
            double position = e.componentStock[i] + e.inTransit[i] + onOrder;
            double quantity = target - position;
            if (quantity <= 0 || supplier.defaulted) {
                continue;
            }
            quantity = Math.ceil(quantity / EnterpriseState.BATCH) * EnterpriseState.BATCH;
            OrderLine line = new OrderLine(e.index, now, now + QUOTED_LEAD_DAYS * 24, quantity);
            supplier.backorderedLines.add(supplier.finishedGoods < supplier.openBacklogUnits() + quantity ? 1 : 0, 1);
            supplier.backlog.add(line);
            supplier.remember(line, day);
            supplier.demandToday += quantity;
        }
    }
}
