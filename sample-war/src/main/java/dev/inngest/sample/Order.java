package dev.inngest.sample;

/**
 * An order as the shop receives it: the data of {@code shop/order.created}.
 *
 * @param orderId the order id
 * @param userId the customer
 * @param amount the amount in cents
 */
public record Order(String orderId, String userId, long amount) {
}
