package dev.inngest.sample;

/**
 * How an order's workflow ended.
 *
 * @param status {@code completed} or {@code cancelled}
 * @param orderId the order id
 */
public record OrderResult(String status, String orderId) {
}
