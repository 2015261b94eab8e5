package io.supplytwin.sim.model;

import io.supplytwin.core.network.Enterprise;
import io.supplytwin.core.network.Order;
import io.supplytwin.core.network.Role;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The latent state of one firm: stock, open customer orders, machines, cash, receivables, payables and debt.
 * Quantities are in units of the firm's own product (one unit of each supplier's component per unit made).
 */
public final class EnterpriseState {
    static final double MONTH_HOURS = 30 * 24;
    static final double BATCH = 16;

    final int index;
    final Enterprise enterprise;
    /** Id as published: the reference id, prefixed for copies of the network. */
    final String publicId;
    final SplittableRandom random;
    final List<MachineState> machines = new ArrayList<>();
    int[] suppliers = new int[0];
    int[] customers = new int[0];
    /** Order twins: for each customer index (-1 for the market), the order ids that mirror its recent lines. */
    final Map<Integer, List<Order>> orderSlots = new HashMap<>();
    final Map<Integer, OrderLine[]> recentLines = new HashMap<>();

    double unitsPerDay;
    double networkUnitsPerDay;
    double outsideScale;
    double price;
    double externalMaterialPerUnit;
    double opexPerDay;
    double capacityPerDay;
    DemandModel outsideDemand;
    double termDaysToSuppliers;
    double termDaysFromOutside;
    double payHabitDays;
    double lateShockDays;
    /** Share of outside sales lost to a distress shock, while it lasts. */
    double lostOutsideShare;
    boolean defaulted;
    /** Simulated hour of the default (insolvency or a default shock); NaN while the firm is sound. */
    double defaultedHour = Double.NaN;
    double fixedAssets;

    final ArrayDeque<OrderLine> backlog = new ArrayDeque<>();
    OrderLine openOutsideLine;
    double finishedGoods;
    double[] componentStock = new double[0];
    double[] inTransit = new double[0];
    double[] supplierLeadDays = new double[0];
    double[] supplierPrice = new double[0];
    double forecast;
    double demandVariance;
    double demandToday;
    double shippedToday;
    double producedToday;
    double revenueToday;
    double cogsToday;
    double purchasesToday;
    double cashInToday;
    double cashOutToday;
    double stockoutHoursToday;

    double cash;
    double debt;
    double interestRatePct = 5.0;
    final List<Invoice> receivables = new ArrayList<>();
    final List<Invoice> payables = new ArrayList<>();
    double writtenOffMonthly;

    final Ewma revenueDaily = new Ewma(MONTH_HOURS, 0);
    final Ewma cogsDaily = new Ewma(MONTH_HOURS, 0);
    final Ewma profitDaily = new Ewma(MONTH_HOURS, 0);
    final Ewma purchasesDaily = new Ewma(MONTH_HOURS, 0);
    final Ewma operatingCashDaily = new Ewma(MONTH_HOURS, 0);
    final Ewma outputDaily = new Ewma(24, 0);
    final Ewma stockoutShare = new Ewma(MONTH_HOURS, 0.01);
    final Ewma revenueYear = new Ewma(365 * 24, 0);
    final RollingRatio onTimeUnits = new RollingRatio(MONTH_HOURS, 0.95);
    final RollingRatio fulfilledLines = new RollingRatio(MONTH_HOURS, 0.95);
    final RollingRatio backorderedLines = new RollingRatio(MONTH_HOURS, 0.03);
    final RollingRatio supplierOtif = new RollingRatio(MONTH_HOURS, 0.93);
    final RollingRatio supplierLeadTime = new RollingRatio(MONTH_HOURS, 4);
    final RollingRatio qualityPass = new RollingRatio(MONTH_HOURS, 0.98);
    final RollingRatio paidOnTime = new RollingRatio(90 * 24, 0.95);

    EnterpriseState(int index, Enterprise enterprise, String publicId, SplittableRandom random) {
        this.index = index;
        this.enterprise = enterprise;
        this.publicId = publicId;
        this.random = random;
    }

    public String id() {
        return publicId;
    }

    public Enterprise enterprise() {
        return enterprise;
    }

    public Role role() {
        return enterprise.role();
    }

    public boolean defaulted() {
        return defaulted;
    }

    /** Simulated hour the firm defaulted at, NaN while it has not. */
    public double defaultedHour() {
        return defaultedHour;
    }

    /** Cash, negative when the firm is in arrears on its running costs. */
    public double cash() {
        return cash;
    }

    public double debt() {
        return debt;
    }

    /** Usual payment delay beyond terms, in days: this firm's habit. */
    public double payHabitDays() {
        return payHabitDays;
    }

    /** Days the oldest unpaid supplier invoice is past its due date; 0 when none is. */
    public double oldestOverduePayableDays(double now) {
        double oldest = 0;
        for (Invoice inv : payables) {
            oldest = Math.max(oldest, inv.overdueDays(now));
        }
        return oldest;
    }

    /** Open trade receivables in CNY. */
    public double receivables() {
        return receivables.stream().filter(Invoice::open).mapToDouble(i -> i.amount).sum();
    }

    /** Open trade payables in CNY. */
    public double payables() {
        return payables.stream().filter(Invoice::open).mapToDouble(i -> i.amount).sum();
    }

    public double overduePayables(double now) {
        return payables.stream().filter(i -> i.open() && now > i.dueHour).mapToDouble(i -> i.amount).sum();
    }

    public double overdueReceivables(double now) {
        return receivables.stream().filter(i -> i.open() && now > i.dueHour).mapToDouble(i -> i.amount).sum();
    }

    /** Average daily revenue over the last month. */
    public double dailyRevenue() {
        return revenueDaily.value();
    }

    /** Daily running costs (conversion costs and outside materials), what a cash buffer is measured in. */
    public double dailyCosts() {
        return opexPerDay + externalMaterialPerUnit * unitsPerDay;
    }

    public double equipmentAvailability() {
        return machines.stream().mapToDouble(m -> m.availability.value()).average().orElse(1);
    }

    public double inventoryValue() {
        double components = componentStock.length == 0 ? 5 * forecast * externalMaterialPerUnit : 0;
        for (int i = 0; i < componentStock.length; i++) {
            components += Math.max(0, componentStock[i]) * supplierPrice[i];
        }
        return finishedGoods * price * 0.75 + components + 0.5 * outputDaily.value() * price * 0.5;
    }

    public double totalAssets() {
        return Math.max(1, Math.max(0, cash) + receivables() + inventoryValue() + fixedAssets);
    }

    /** Takes a loan (or any cash injection that must be paid back). */
    public void borrow(double amount) {
        cash += amount;
        debt += amount;
    }

    /** Pays back up to {@code amount} from cash; returns what was paid. */
    public double repay(double amount) {
        double paid = Math.max(0, Math.min(amount, Math.min(cash, debt)));
        cash -= paid;
        debt -= paid;
        return paid;
    }

    /** Writes off {@code amount} of debt (a lender's loss after a default). */
    public void forgive(double amount) {
        debt = Math.max(0, debt - amount);
    }

    double openBacklogUnits() {
        double units = 0;
        for (OrderLine line : backlog) {
            units += line.remaining();
        }
        return units;
    }

    double overdueBacklogUnits(double now) {
        double units = 0;
        for (OrderLine line : backlog) {
            if (now > line.dueHour) {
                units += line.remaining();
            }
        }
        return units;
    }

    /** Records a line in the ring its order twins read from. */
    void remember(OrderLine line, long day) {
        OrderLine[] ring = recentLines.get(line.customer);
        if (ring != null) {
            ring[(int) Math.floorMod(day, (long) ring.length)] = line;
        }
    }
}
