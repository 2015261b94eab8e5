package io.supplytwin.sim.model;

/** Units on their way from a supplier to a customer's raw-material stock. */
record Shipment(double arrivalHour, int customer, int supplierSlot, double units) {
}
