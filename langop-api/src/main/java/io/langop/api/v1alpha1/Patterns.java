package io.langop.api.v1alpha1;

/** Regular expressions shared by the schemas of several kinds, kept in one place so they agree. */
public final class Patterns {

    /** A Go-style duration such as {@code 30s}, {@code 10m} or {@code 1h30m}. */
    public static final String DURATION = "^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$";

    /** A Kubernetes resource quantity such as {@code 10Gi}. */
    public static final String QUANTITY = "^[0-9]+(\\.[0-9]+)?(Ei|Pi|Ti|Gi|Mi|Ki|E|P|T|G|M|k)?$";

    /** A retention age in days, weeks, months or years, such as {@code 7d}. */
    public static final String RETENTION_AGE = "^[0-9]+(d|w|m|y)$";

    /** A five-field cron expression or one of the macros Kubernetes CronJobs accept. */
    public static final String CRON = "^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|[^ ]+( +[^ ]+){4})$";

    /**
     * A schedule the operator fires a {@code schedule} trigger on: {@link #CRON}, or {@code @every <duration>} (a
     * Go duration such as {@code 90s} or {@code 1h30m}, counted from the Unix epoch so that restarts keep the beat).
     */
    public static final String TRIGGER_SCHEDULE =
            "^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|@every [0-9][0-9a-z.]*|[^ ]+( +[^ ]+){4})$";

    /** An IPv4 or IPv6 block in CIDR notation. */
    public static final String CIDR = "^([0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}|[0-9a-fA-F:]+/[0-9]{1,3})$";

    /** An absolute http or https URL. */
    public static final String HTTP_URL = "^https?://[^\\s/$.?#][^\\s]*$";

    /** An ISO 4217 currency code. */
    public static final String CURRENCY = "^[A-Z]{3}$";

    /** A BCP 47 language tag such as {@code en} or {@code pt-BR}. */
    public static final String LANGUAGE_TAG = "^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$";

    /** An absolute path without blanks. */
    public static final String ABSOLUTE_PATH = "^/[^\\s]*$";

    private Patterns() {}
}
