package dev.inngest;

import dev.inngest.signature.SigningKey;
import dev.inngest.time.TimeString;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How this app talks to Inngest: app id, keys, mode (dev or cloud), URLs.
 *
 * <p>Read it from the environment variables every Inngest SDK reads ({@link #fromEnvironment(String)}), or
 * build it ({@link #builder(String)}); the CDI module reads it from MicroProfile Config.
 *
 * <table>
 * <caption>Settings and their variables</caption>
 * <tr><th>setting</th><th>variable</th></tr>
 * <tr><td>signing key</td><td>{@code INNGEST_SIGNING_KEY}</td></tr>
 * <tr><td>fallback signing key</td><td>{@code INNGEST_SIGNING_KEY_FALLBACK}</td></tr>
 * <tr><td>event key</td><td>{@code INNGEST_EVENT_KEY}</td></tr>
 * <tr><td>environment (branch)</td><td>{@code INNGEST_ENV}</td></tr>
 * <tr><td>dev mode</td><td>{@code INNGEST_DEV}: {@code 1}/{@code true}, {@code 0}/{@code false}, or the dev
 * server's URL</td></tr>
 * <tr><td>serve origin, serve path</td><td>{@code INNGEST_SERVE_ORIGIN}, {@code INNGEST_SERVE_PATH}</td></tr>
 * <tr><td>base URLs</td><td>{@code INNGEST_BASE_URL}, {@code INNGEST_API_BASE_URL},
 * {@code INNGEST_EVENT_API_BASE_URL}</td></tr>
 * <tr><td>connect and read timeouts of calls to Inngest</td><td>{@code INNGEST_CONNECT_TIMEOUT},
 * {@code INNGEST_READ_TIMEOUT} (time strings such as {@code 500ms} or {@code 30s}; defaults 10s and 30s)</td></tr>
 * </table>
 *
 * <p>Base URLs, most specific first: the builder's {@link Builder#apiBaseUrl} / {@link Builder#eventApiBaseUrl},
 * the builder's {@link Builder#baseUrl}, {@code INNGEST_API_BASE_URL} / {@code INNGEST_EVENT_API_BASE_URL},
 * {@code INNGEST_BASE_URL}, the {@code INNGEST_DEV} URL, then the mode's default ({@code http://localhost:8288/}
 * in dev mode; {@code https://api.inngest.com/} and {@code https://inn.gs/} in cloud mode).
 */
public final class InngestConfig {

    /** The Inngest cloud API. */
    public static final URI CLOUD_API = URI.create("https://api.inngest.com/");
    /** The Inngest cloud event API. */
    public static final URI CLOUD_EVENT_API = URI.create("https://inn.gs/");
    /** The Inngest dev server's default address. */
    public static final URI DEV_SERVER = URI.create("http://localhost:8288/");
    /** The largest event the Inngest server accepts by default, in bytes (512 KiB). */
    public static final int DEFAULT_MAX_EVENT_SIZE = 512 * 1024;
    /** The largest event any Inngest server accepts, in bytes (3 MiB). */
    public static final int ABSOLUTE_MAX_EVENT_SIZE = 3 * 1024 * 1024;

    private final String appId;
    private final String signingKey;
    private final String signingKeyFallback;
    /** parsed once: every signed request checks against them */
    private final List<SigningKey> signingKeys;
    private final String eventKey;
    private final String env;
    private final Boolean dev;
    private final URI devServerUrl;
    private final String serveOrigin;
    private final String servePath;
    private final URI baseUrl;
    private final URI apiBaseUrl;
    private final URI eventApiBaseUrl;
    private final URI envBaseUrl;
    private final URI envApiBaseUrl;
    private final URI envEventApiBaseUrl;
    private final int maxEventSize;
    private final boolean allowInBandSync;
    private final boolean allowUnauthenticatedSync;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    private InngestConfig(Builder b) {
        this.appId = b.appId;
        this.signingKey = blankToNull(b.signingKey);
        this.signingKeyFallback = blankToNull(b.signingKeyFallback);
        List<SigningKey> keys = new ArrayList<>(2);
        if (signingKey != null) {
            keys.add(SigningKey.of(signingKey));
        }
        if (signingKeyFallback != null) {
            keys.add(SigningKey.of(signingKeyFallback));
        }
        this.signingKeys = List.copyOf(keys);
        this.eventKey = blankToNull(b.eventKey);
        this.env = blankToNull(b.env);
        this.dev = b.dev;
        this.devServerUrl = b.devServerUrl;
        this.serveOrigin = blankToNull(b.serveOrigin);
        this.servePath = blankToNull(b.servePath);
        this.baseUrl = b.baseUrl;
        this.apiBaseUrl = b.apiBaseUrl;
        this.eventApiBaseUrl = b.eventApiBaseUrl;
        this.envBaseUrl = b.envBaseUrl;
        this.envApiBaseUrl = b.envApiBaseUrl;
        this.envEventApiBaseUrl = b.envEventApiBaseUrl;
        this.maxEventSize = b.maxEventSize;
        this.allowInBandSync = b.allowInBandSync;
        this.allowUnauthenticatedSync = b.allowUnauthenticatedSync;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
    }

    /**
     * Starts a configuration.
     *
     * @param appId this app's id in Inngest, e.g. {@code shop}
     * @return a builder
     */
    public static Builder builder(String appId) {
        return new Builder(appId);
    }

    /**
     * A configuration from the process environment ({@code INNGEST_*} variables).
     *
     * @param appId this app's id in Inngest
     * @return the configuration
     */
    public static InngestConfig fromEnvironment(String appId) {
        return builder(appId).from(System::getenv).build();
    }

    /** @return this app's id */
    public String appId() {
        return appId;
    }

    /** @return true in dev mode: no signatures, the dev server's URLs */
    public boolean isDev() {
        return dev != null ? dev : devServerUrl != null;
    }

    /** @return "dev" or "cloud" */
    public String mode() {
        return isDev() ? "dev" : "cloud";
    }

    /** @return the signing key, if set */
    public Optional<SigningKey> signingKey() {
        return signingKey == null ? Optional.empty() : Optional.of(signingKeys.get(0));
    }

    /** @return the fallback signing key (used while rotating keys), if set */
    public Optional<SigningKey> signingKeyFallback() {
        return signingKeyFallback == null ? Optional.empty() : Optional.of(signingKeys.get(signingKeys.size() - 1));
    }

    /** @return the keys that may sign requests, primary first */
    public List<SigningKey> signingKeys() {
        return signingKeys;
    }

    /** @return the event key, if set */
    public Optional<String> eventKey() {
        return Optional.ofNullable(eventKey);
    }

    /** @return the Inngest environment (branch) name, if set */
    public Optional<String> env() {
        return Optional.ofNullable(env);
    }

    /** @return the origin ({@code scheme://host:port}) Inngest should call, if it differs from the request's */
    public Optional<String> serveOrigin() {
        return Optional.ofNullable(serveOrigin);
    }

    /** @return the path Inngest should call, if it differs from the request's */
    public Optional<String> servePath() {
        return Optional.ofNullable(servePath);
    }

    /** @return the Inngest API base URL (sync, run state) */
    public URI apiBaseUrl() {
        return slash(first(apiBaseUrl, baseUrl, envApiBaseUrl, envBaseUrl, devServerUrl,
                isDev() ? DEV_SERVER : CLOUD_API));
    }

    /** @return the Inngest event API base URL */
    public URI eventApiBaseUrl() {
        return slash(first(eventApiBaseUrl, baseUrl, envEventApiBaseUrl, envBaseUrl, devServerUrl,
                isDev() ? DEV_SERVER : CLOUD_EVENT_API));
    }

    /** @return true unless in-band sync was switched off */
    public boolean allowInBandSync() {
        return allowInBandSync;
    }

    /** @return true unless unsigned sync requests were refused ({@code INNGEST_ENABLE_UNAUTHED_SYNC=false}) */
    public boolean allowUnauthenticatedSync() {
        return allowUnauthenticatedSync;
    }

    /** @return how long to wait for a connection to Inngest */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return how long to wait for Inngest's answer */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** @return the largest event this app sends, in bytes of JSON; larger ones are refused before sending */
    public int maxEventSize() {
        return maxEventSize;
    }

    /**
     * What is wrong with this configuration for its mode, for start-up logs and health checks.
     *
     * @return problems, empty when the configuration can serve
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (appId == null || appId.isBlank()) {
            problems.add("INNGEST-C001 no app id: set inngest.app-id (INNGEST_APP_ID)");
        }
        if (!isDev() && signingKey == null) {
            problems.add("INNGEST-C002 cloud mode needs a signing key: set INNGEST_SIGNING_KEY "
                    + "(inngest.signing-key), or INNGEST_DEV=1 to use the Inngest dev server");
        }
        return problems;
    }

    private static URI first(URI... uris) {
        for (URI u : uris) {
            if (u != null) {
                return u;
            }
        }
        throw new IllegalStateException("no URL");
    }

    private static URI slash(URI u) {
        String s = u.toString();
        return s.endsWith("/") ? u : URI.create(s + "/");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Builds an {@link InngestConfig}. */
    public static final class Builder {
        private String appId;
        private String signingKey;
        private String signingKeyFallback;
        private String eventKey;
        private String env;
        private Boolean dev;
        private URI devServerUrl;
        private String serveOrigin;
        private String servePath;
        private URI baseUrl;
        private URI apiBaseUrl;
        private URI eventApiBaseUrl;
        private URI envBaseUrl;
        private URI envApiBaseUrl;
        private URI envEventApiBaseUrl;
        private int maxEventSize = DEFAULT_MAX_EVENT_SIZE;
        private boolean allowInBandSync = true;
        private boolean allowUnauthenticatedSync = true;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);

        private Builder(String appId) {
            this.appId = appId;
        }

        /**
         * Reads the {@code INNGEST_*} variables through a lookup, for example {@code System::getenv}. Values
         * already set on the builder are overwritten only where the lookup has a value.
         *
         * @param lookup a variable name to value function, returning null when unset
         * @return this builder
         */
        public Builder from(Function<String, String> lookup) {
            set(lookup, "INNGEST_APP_ID", v -> appId = v);
            set(lookup, "INNGEST_SIGNING_KEY", v -> signingKey = v);
            set(lookup, "INNGEST_SIGNING_KEY_FALLBACK", v -> signingKeyFallback = v);
            set(lookup, "INNGEST_EVENT_KEY", v -> eventKey = v);
            set(lookup, "INNGEST_ENV", v -> env = v);
            set(lookup, "INNGEST_DEV", this::dev);
            set(lookup, "INNGEST_SERVE_HOST", v -> serveOrigin = v);
            set(lookup, "INNGEST_SERVE_ORIGIN", v -> serveOrigin = v);
            set(lookup, "INNGEST_SERVE_PATH", v -> servePath = v);
            set(lookup, "INNGEST_BASE_URL", v -> envBaseUrl = URI.create(v));
            set(lookup, "INNGEST_API_BASE_URL", v -> envApiBaseUrl = URI.create(v));
            set(lookup, "INNGEST_EVENT_API_BASE_URL", v -> envEventApiBaseUrl = URI.create(v));
            set(lookup, "INNGEST_CONNECT_TIMEOUT", v -> connectTimeout(timeout("INNGEST_CONNECT_TIMEOUT", v)));
            set(lookup, "INNGEST_READ_TIMEOUT", v -> readTimeout(timeout("INNGEST_READ_TIMEOUT", v)));
            set(lookup, "INNGEST_ALLOW_IN_BAND_SYNC", v -> allowInBandSync = !isFalse(v));
            set(lookup, "INNGEST_ENABLE_UNAUTHED_SYNC", v -> allowUnauthenticatedSync = !isFalse(v));
            return this;
        }

        private static Duration timeout(String key, String value) {
            try {
                return TimeString.parse(value);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new IllegalArgumentException(key + " is \"" + value
                        + "\"; use a time string such as 500ms, 10s or 1m", e);
            }
        }

        private static void set(Function<String, String> lookup, String key, java.util.function.Consumer<String> to) {
            String v = lookup.apply(key);
            if (v != null && !v.isBlank()) {
                to.accept(v.trim());
            }
        }

        /** @param appId this app's id @return this builder */
        public Builder appId(String appId) {
            this.appId = appId;
            return this;
        }

        /** @param key the signing key, {@code signkey-<env>-…} @return this builder */
        public Builder signingKey(String key) {
            this.signingKey = key;
            return this;
        }

        /** @param key the fallback signing key @return this builder */
        public Builder signingKeyFallback(String key) {
            this.signingKeyFallback = key;
            return this;
        }

        /** @param key the event key @return this builder */
        public Builder eventKey(String key) {
            this.eventKey = key;
            return this;
        }

        /** @param env the Inngest environment (branch) name @return this builder */
        public Builder env(String env) {
            this.env = env;
            return this;
        }

        /** @param dev true for dev mode, false for cloud mode @return this builder */
        public Builder dev(boolean dev) {
            this.dev = dev;
            return this;
        }

        /**
         * Reads {@code INNGEST_DEV}: {@code 1}/{@code true} dev, {@code 0}/{@code false} cloud, a URL dev
         * mode with that dev server.
         *
         * @param value the variable's value
         * @return this builder
         */
        public Builder dev(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.equals("1") || v.equals("true")) {
                dev = true;
            } else if (isFalse(v)) {
                dev = false;
            } else if (v.startsWith("http://") || v.startsWith("https://")) {
                dev = true;
                devServerUrl = URI.create(value.trim());
            } else {
                throw new IllegalArgumentException("INNGEST_DEV is \"" + value
                        + "\"; use 1 or true (dev mode), 0 or false (cloud mode), or the dev server's URL");
            }
            return this;
        }

        /** @param url the dev server's URL; implies dev mode @return this builder */
        public Builder devServerUrl(URI url) {
            this.dev = true;
            this.devServerUrl = url;
            return this;
        }

        /** @param origin the origin Inngest should call, e.g. {@code https://shop.example.com} @return this builder */
        public Builder serveOrigin(String origin) {
            this.serveOrigin = origin;
            return this;
        }

        /** @param path the path Inngest should call, e.g. {@code /api/inngest} @return this builder */
        public Builder servePath(String path) {
            this.servePath = path;
            return this;
        }

        /**
         * @param url the base of both Inngest APIs; beats {@code INNGEST_*BASE_URL} but not {@link #apiBaseUrl}
         *        or {@link #eventApiBaseUrl}
         * @return this builder
         */
        public Builder baseUrl(URI url) {
            this.baseUrl = url;
            return this;
        }

        /** @param url the Inngest API base @return this builder */
        public Builder apiBaseUrl(URI url) {
            this.apiBaseUrl = url;
            return this;
        }

        /** @param url the event API base @return this builder */
        public Builder eventApiBaseUrl(URI url) {
            this.eventApiBaseUrl = url;
            return this;
        }

        /** @param allow false to refuse in-band sync @return this builder */
        public Builder allowInBandSync(boolean allow) {
            this.allowInBandSync = allow;
            return this;
        }

        /** @param allow false to refuse unsigned sync requests in cloud mode @return this builder */
        public Builder allowUnauthenticatedSync(boolean allow) {
            this.allowUnauthenticatedSync = allow;
            return this;
        }

        /**
         * @param timeout connect timeout for calls to Inngest ({@code INNGEST_CONNECT_TIMEOUT}), positive
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connect timeout", timeout);
            return this;
        }

        /**
         * @param timeout read timeout for calls to Inngest ({@code INNGEST_READ_TIMEOUT}), positive
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive("read timeout", timeout);
            return this;
        }

        /**
         * The largest event this app may send; larger events are refused before sending. Raise it only if your
         * Inngest account or server accepts larger events.
         *
         * @param bytes 1 to {@link InngestConfig#ABSOLUTE_MAX_EVENT_SIZE} (3 MiB); default
         *        {@link InngestConfig#DEFAULT_MAX_EVENT_SIZE} (512 KiB)
         * @return this builder
         */
        public Builder maxEventSize(int bytes) {
            if (bytes < 1 || bytes > ABSOLUTE_MAX_EVENT_SIZE) {
                throw new IllegalArgumentException("max event size is " + bytes + " bytes; use 1 to "
                        + ABSOLUTE_MAX_EVENT_SIZE + " (3 MiB, the Inngest server's absolute limit)");
            }
            this.maxEventSize = bytes;
            return this;
        }

        private static Duration positive(String what, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("the " + what + " must be positive, not " + d);
            }
            return d;
        }

        /** @return the configuration */
        public InngestConfig build() {
            return new InngestConfig(this);
        }

        private static boolean isFalse(String v) {
            String s = v.trim().toLowerCase(Locale.ROOT);
            return s.equals("0") || s.equals("false");
        }
    }
}
