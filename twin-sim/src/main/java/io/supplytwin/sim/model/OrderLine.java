package io.supplytwin.sim.model;

/**
 * A customer order placed with a supplier: quantity, due time, what has shipped, and the invoice once it is
 * complete. Order twins report the line they are attached to.
 */
final class OrderLine {
    /** Index of the ordering enterprise, or -1 for a customer outside the network. */
    final int customer;
    final double createdHour;
    final double dueHour;
    double units;
    double shipped;
    double shippedOnTime;
    double completedHour = Double.NaN;
    double quality = 1;
    Invoice invoice;
    int changes;

    OrderLine(int customer, double createdHour, double dueHour, double units) {
        this.customer = customer;
        this.createdHour = createdHour;
        this.dueHour = dueHour;
        this.units = units;
    }

    double remaining() {
        return Math.max(0, units - shipped);
    }

    boolean complete() {
        return !Double.isNaN(completedHour);
    }
}
