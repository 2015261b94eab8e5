/** Financing contracts on a tamper-evident ledger, Fabric path, Kafka bridge */
package io.supplytwin.ledger;
