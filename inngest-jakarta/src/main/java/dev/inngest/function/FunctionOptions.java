package dev.inngest.function;

import dev.inngest.error.InvalidFunctionException;
import dev.inngest.error.InvalidFunctionException.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything about a function but its code: id, name, triggers and flow control.
 *
 * <pre>{@code
 * FunctionOptions options = FunctionOptions.builder("process-order")
 *         .name("Process order")
 *         .triggerEvent("shop/order.created")
 *         .concurrency(Concurrency.limit(1).key("event.data.userId"))
 *         .retries(5)
 *         .cancelOn(Cancellation.onEvent("shop/order.cancelled").match("data.orderId"))
 *         .build();
 * }</pre>
 *
 * @param id the function id, unique in the app
 * @param name the display name, defaults to the id
 * @param triggers events and crons that start the function (at least one)
 * @param concurrency up to two concurrency limits
 * @param rateLimit a rate limit, or null
 * @param throttle a throttle, or null
 * @param debounce a debounce, or null
 * @param batchEvents event batching, or null
 * @param cancelOn events that cancel a run
 * @param retries retries after the first attempt (0–20), or null for the server's default (4)
 * @param backoff the delay between retries, or null for the server's default
 * @param idempotency an expression: one run per value within 24 hours, or null
 * @param priority an expression giving a run's priority (-600 to 600 seconds), or null
 * @param timeouts start and finish timeouts, or null
 * @param singleton one run at a time, or null
 * @param onFailure called once a run has failed for good, or null
 */
public record FunctionOptions(
        String id,
        String name,
        List<Trigger> triggers,
        List<Concurrency> concurrency,
        RateLimit rateLimit,
        Throttle throttle,
        Debounce debounce,
        Batching batchEvents,
        List<Cancellation> cancelOn,
        Integer retries,
        Backoff backoff,
        String idempotency,
        String priority,
        Timeouts timeouts,
        Singleton singleton,
        FunctionHandler onFailure) {

    /** The most retries Inngest allows. */
    public static final int MAX_RETRIES = 20;

    /** Copies the lists and checks the whole definition; every problem is reported at once. */
    public FunctionOptions {
        triggers = List.copyOf(triggers == null ? List.of() : triggers);
        concurrency = List.copyOf(concurrency == null ? List.of() : concurrency);
        cancelOn = List.copyOf(cancelOn == null ? List.of() : cancelOn);
        List<Problem> problems = new ArrayList<>();
        if (id == null || id.isBlank()) {
            problems.add(new Problem(InvalidFunctionException.NO_ID,
                    "the function has no id; give it one such as \"process-order\""));
        } else if (!id.equals(id.trim())) {
            problems.add(new Problem(InvalidFunctionException.ID_SPACES,
                    "the function id \"" + id + "\" has spaces around it"));
        }
        if (name == null || name.isBlank()) {
            name = id;
        }
        if (triggers.isEmpty()) {
            problems.add(new Problem(InvalidFunctionException.NO_TRIGGER,
                    "the function has no trigger; add an event trigger such as \"shop/order.created\" or a cron"));
        }
        if (concurrency.size() > 2) {
            problems.add(new Problem(InvalidFunctionException.TOO_MANY_CONCURRENCY_LIMITS,
                    "the function has " + concurrency.size() + " concurrency limits; Inngest allows at most 2"));
        }
        if (retries != null && (retries < 0 || retries > MAX_RETRIES)) {
            problems.add(new Problem(InvalidFunctionException.RETRIES_OUT_OF_RANGE,
                    "retries must be from 0 to " + MAX_RETRIES + ", was " + retries));
        }
        if (idempotency != null && idempotency.isBlank()) {
            problems.add(new Problem(InvalidFunctionException.BLANK_EXPRESSION,
                    "the idempotency expression is blank; use one such as \"event.data.orderId\""));
        }
        if (priority != null && priority.isBlank()) {
            problems.add(new Problem(InvalidFunctionException.BLANK_EXPRESSION,
                    "the priority expression is blank; use one such as \"event.data.priority\""));
        }
        if (batchEvents != null && debounce != null) {
            problems.add(new Problem(InvalidFunctionException.BATCHING_WITH_DEBOUNCE,
                    "batching and debounce cannot be combined; choose one"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFunctionException(id, problems);
        }
    }

    /**
     * Starts the options of a function.
     *
     * @param id the function id, unique in the app, e.g. {@code process-order}
     * @return a builder
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** @return the failure handler, if any */
    public Optional<FunctionHandler> failureHandler() {
        return Optional.ofNullable(onFailure);
    }

    /** Builds {@link FunctionOptions}. */
    public static final class Builder {
        private final String id;
        private String name;
        private final List<Trigger> triggers = new ArrayList<>();
        private final List<Concurrency> concurrency = new ArrayList<>();
        private RateLimit rateLimit;
        private Throttle throttle;
        private Debounce debounce;
        private Batching batchEvents;
        private final List<Cancellation> cancelOn = new ArrayList<>();
        private Integer retries;
        private Backoff backoff;
        private String idempotency;
        private String priority;
        private Timeouts timeouts;
        private Singleton singleton;
        private FunctionHandler onFailure;

        private Builder(String id) {
            this.id = id;
        }

        /** @param name the display name @return this builder */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** @param trigger a trigger to add @return this builder */
        public Builder trigger(Trigger trigger) {
            triggers.add(trigger);
            return this;
        }

        /** @param event an event name that starts the function @return this builder */
        public Builder triggerEvent(String event) {
            return trigger(Trigger.event(event));
        }

        /**
         * @param event an event name
         * @param expression an expression the event must match
         * @return this builder
         */
        public Builder triggerEvent(String event, String expression) {
            return trigger(Trigger.event(event, expression));
        }

        /** @param cron a cron schedule, optionally prefixed {@code TZ=<zone> } @return this builder */
        public Builder triggerCron(String cron) {
            return trigger(Trigger.cron(cron));
        }

        /** @param limit how many steps may run at once @return this builder */
        public Builder concurrency(int limit) {
            return concurrency(Concurrency.limit(limit));
        }

        /** @param limit a concurrency limit to add (at most two) @return this builder */
        public Builder concurrency(Concurrency limit) {
            concurrency.add(limit);
            return this;
        }

        /** @param rateLimit the rate limit @return this builder */
        public Builder rateLimit(RateLimit rateLimit) {
            this.rateLimit = rateLimit;
            return this;
        }

        /** @param throttle the throttle @return this builder */
        public Builder throttle(Throttle throttle) {
            this.throttle = throttle;
            return this;
        }

        /** @param debounce the debounce @return this builder */
        public Builder debounce(Debounce debounce) {
            this.debounce = debounce;
            return this;
        }

        /** @param batching event batching @return this builder */
        public Builder batchEvents(Batching batching) {
            this.batchEvents = batching;
            return this;
        }

        /** @param cancellation a cancellation to add @return this builder */
        public Builder cancelOn(Cancellation cancellation) {
            cancelOn.add(cancellation);
            return this;
        }

        /** @param retries retries after the first attempt, 0 to 20 @return this builder */
        public Builder retries(int retries) {
            this.retries = retries;
            return this;
        }

        /** @param backoff the delay between retries @return this builder */
        public Builder backoff(Backoff backoff) {
            this.backoff = backoff;
            return this;
        }

        /** @param expression one run per value of this expression within 24 hours @return this builder */
        public Builder idempotency(String expression) {
            this.idempotency = expression;
            return this;
        }

        /** @param expression the run priority, e.g. {@code event.data.plan == 'pro' ? 120 : 0} @return this builder */
        public Builder priority(String expression) {
            this.priority = expression;
            return this;
        }

        /** @param timeouts start and finish timeouts @return this builder */
        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = timeouts;
            return this;
        }

        /** @param singleton one run at a time @return this builder */
        public Builder singleton(Singleton singleton) {
            this.singleton = singleton;
            return this;
        }

        /**
         * Adds a handler that runs once a run of this function has failed for good. Its
         * {@link FunctionContext#event()} is the {@code inngest/function.failed} event, whose data holds the
         * failed run's {@code event}, {@code error} and {@code run_id}.
         *
         * @param handler the failure handler
         * @return this builder
         */
        public Builder onFailure(FunctionHandler handler) {
            this.onFailure = handler;
            return this;
        }

        /**
         * @return the options
         * @throws InvalidFunctionException listing every problem
         */
        public FunctionOptions build() {
            return new FunctionOptions(id, name, triggers, concurrency, rateLimit, throttle, debounce, batchEvents,
                    cancelOn, retries, backoff, idempotency, priority, timeouts, singleton, onFailure);
        }
    }
}
