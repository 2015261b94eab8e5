package io.supplytwin.ml.ordering;

import io.supplytwin.ml.feature.DayObservation;
import java.util.List;

/**
 * Every layer's day in a {@link SupplyChain} run: quantities, the money, and the forecast its policy ordered on.
 * Arrays are indexed [layer − 1][day].
 */
public final class ChainTrace {
    private final int days;
    private final double[][] demand;
    private final double[][] sales;
    private final double[][] orders;
    private final double[][] inventory;
    private final double[][] revenue;
    private final double[][] purchase;
    private final double[][] holding;
    private final double[][] shortage;
    private final double[][] theoretical;
    private final double[][][] forecasts;
    private List<List<DayObservation>> histories;

    ChainTrace(int days) {
        this.days = days;
        int n = SupplyChain.LAYERS;
        demand = new double[n][days];
        sales = new double[n][days];
        orders = new double[n][days];
        inventory = new double[n][days];
        revenue = new double[n][days];
        purchase = new double[n][days];
        holding = new double[n][days];
        shortage = new double[n][days];
        theoretical = new double[n][days];
        forecasts = new double[n][days][];
    }

    void record(int layer, int t, double demand, double sales, double order, double inventory, double revenue,
                double purchase, double holding, double shortage, double theoretical, double[] forecast) {
        int l = layer - 1;
        this.demand[l][t] = demand;
        this.sales[l][t] = sales;
        this.orders[l][t] = order;
        this.inventory[l][t] = inventory;
        this.revenue[l][t] = revenue;
        this.purchase[l][t] = purchase;
        this.holding[l][t] = holding;
        this.shortage[l][t] = shortage;
        this.theoretical[l][t] = theoretical;
        this.forecasts[l][t] = forecast == null ? new double[0] : forecast.clone();
    }

    void histories(List<List<DayObservation>> histories) {
        this.histories = histories.stream().map(List::copyOf).toList();
    }

    public int days() {
        return days;
    }

    /** Demand the layer saw (the retailer's: consumer demand; the others': the orders of the layer below). */
    public double demand(int layer, int t) {
        return demand[layer - 1][t];
    }

    public double sales(int layer, int t) {
        return sales[layer - 1][t];
    }

    public double order(int layer, int t) {
        return orders[layer - 1][t];
    }

    /** Stock at the end of the day. */
    public double inventory(int layer, int t) {
        return inventory[layer - 1][t];
    }

    public double revenue(int layer, int t) {
        return revenue[layer - 1][t];
    }

    public double purchaseCost(int layer, int t) {
        return purchase[layer - 1][t];
    }

    public double holdingCost(int layer, int t) {
        return holding[layer - 1][t];
    }

    public double shortageCost(int layer, int t) {
        return shortage[layer - 1][t];
    }

    /** Revenue − purchase − holding − shortage. */
    public double profit(int layer, int t) {
        int l = layer - 1;
        return revenue[l][t] - purchase[l][t] - holding[l][t] - shortage[l][t];
    }

    /** Seed 000's theoretical profit: all demand served at the margin, no holding or shortage: D·(P − C). */
    public double theoreticalProfit(int layer, int t) {
        return theoretical[layer - 1][t];
    }

    /** The forecast the layer's policy ordered on, day t + 1 first (empty when it gave none). */
    public double[] forecast(int layer, int t) {
        return forecasts[layer - 1][t].clone();
    }

    /** The layers' histories as the forecasters read them (index 0 = retailer). */
    public List<List<DayObservation>> histories() {
        return histories;
    }
}
