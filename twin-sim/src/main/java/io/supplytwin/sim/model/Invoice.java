package io.supplytwin.sim.model;

/** A trade receivable of {@code payee}, owed by {@code payer} (-1 for a customer outside the network). */
final class Invoice {
    final int payee;
    final int payer;
    final double amount;
    final double issuedHour;
    final double dueHour;
    /** When an outside customer actually pays (network payers decide when they pay). */
    double payAfterHour;
    double paidHour = Double.NaN;
    boolean writtenOff;

    Invoice(int payee, int payer, double amount, double issuedHour, double dueHour) {
        this.payee = payee;
        this.payer = payer;
        this.amount = amount;
        this.issuedHour = issuedHour;
        this.dueHour = dueHour;
        this.payAfterHour = dueHour;
    }

    boolean open() {
        return Double.isNaN(paidHour) && !writtenOff;
    }

    double overdueDays(double now) {
        return open() && now > dueHour ? (now - dueHour) / 24 : 0;
    }
}
