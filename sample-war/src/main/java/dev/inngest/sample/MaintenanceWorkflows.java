package dev.inngest.sample;

import dev.inngest.cdi.InngestFunction;
import dev.inngest.cdi.OnCron;
import dev.inngest.cdi.OnEvent;
import dev.inngest.cdi.OnFailure;
import dev.inngest.cdi.Retries;
import dev.inngest.function.FunctionContext;
import dev.inngest.step.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;

/**
 * Housekeeping: a nightly cleanup, and an inventory sync that fails when the warehouse is offline.
 */
@ApplicationScoped
public class MaintenanceWorkflows {

    @Inject
    OrderStore orders;

    /**
     * Purges abandoned carts every night at midnight (UTC).
     *
     * @param step the step tools
     * @return how many carts were purged
     */
    @InngestFunction(id = "daily-cleanup", name = "Daily cleanup")
    @OnCron("0 0 * * *")
    public int dailyCleanup(Step step) {
        return step.run("purge-abandoned-carts", Integer.class, () -> 0);
    }

    /**
     * Syncs inventory from a warehouse; retried twice, then the failure handler raises an alert.
     *
     * @param data the event data: {@code {"warehouse": "..."}}
     * @param step the step tools
     * @return the number of items synced
     */
    @InngestFunction(id = "sync-inventory", name = "Sync inventory")
    @OnEvent("shop/inventory.sync")
    @Retries(2)
    @OnFailure("inventorySyncFailed")
    public int syncInventory(JsonObject data, Step step) {
        String warehouse = data.getString("warehouse", "main");
        return step.run("call-warehouse", Integer.class, () -> {
            if (warehouse.equals("offline")) {
                throw new IOException("warehouse " + warehouse + " does not answer");
            }
            return 42;
        });
    }

    /**
     * Raises an alert once an inventory sync has failed for good.
     *
     * @param ctx the run of the failure handler: its event is {@code inngest/function.failed}
     * @param step the step tools
     * @return the alert text
     */
    public String inventorySyncFailed(FunctionContext ctx, Step step) {
        JsonObject failed = ctx.event().data();
        String message = failed.getJsonObject("error").getString("message", "unknown error");
        return step.run("raise-alert", String.class, () -> {
            orders.set("inventory-alert", message);
            return "ALERT inventory sync failed: " + message;
        });
    }
}
