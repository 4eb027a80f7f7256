package dev.inngest.sample;

/**
 * A prepared shipment.
 *
 * @param orderId the order shipped
 * @param reservation the stock reservation
 * @param courier the courier booked
 * @param costCents what shipping costs
 */
public record Shipment(String orderId, String reservation, String courier, long costCents) {
}
