package io.langop.sdk.content;

import java.util.Optional;

/** What a LanguageAgent's built-in content filters look for, by their type in {@code safetyConfig.contentFilters}. */
public enum ContentDetector {
    /** E-mail addresses, phone numbers, payment card numbers, IBANs and API keys ({@link SensitiveData}). */
    PII("pii") {
        @Override
        public Optional<String> firstIn(CharSequence text) {
            return SensitiveData.find(text).stream()
                    .findFirst()
                    .map(finding -> finding.kind().description());
        }
    },
    /** Words of the profanity list ({@link Profanity}). */
    PROFANITY("profanity") {
        @Override
        public Optional<String> firstIn(CharSequence text) {
            return Profanity.firstIn(text).map(word -> "profanity");
        }
    };

    private final String filterType;

    ContentDetector(String filterType) {
        this.filterType = filterType;
    }

    /** The content filter type that selects this detector. */
    public String filterType() {
        return filterType;
    }

    /**
     * What the first match is ("an e-mail address", "profanity"), never the matched text: the description goes into
     * logs and error answers, where the data must not.
     */
    public abstract Optional<String> firstIn(CharSequence text);

    public static Optional<ContentDetector> forFilterType(String type) {
        for (ContentDetector detector : values()) {
            if (detector.filterType.equals(type)) {
                return Optional.of(detector);
            }
        }
        return Optional.empty();
    }
}
