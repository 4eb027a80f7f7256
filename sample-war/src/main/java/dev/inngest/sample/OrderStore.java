package dev.inngest.sample;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The shop's orders and where each stands; in memory, as a sample. */
@ApplicationScoped
public class OrderStore {

    private final Map<String, String> statuses = new ConcurrentHashMap<>();

    /**
     * @param orderId an order
     * @param status its new status
     */
    public void set(String orderId, String status) {
        statuses.put(orderId, status);
    }

    /**
     * @param orderId an order
     * @return its status, if the order is known
     */
    public Optional<String> status(String orderId) {
        return Optional.ofNullable(statuses.get(orderId));
    }
}
