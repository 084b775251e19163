package io.langop.console.dashboard;

import java.util.List;

/**
 * One page of the dashboard: its title, the kinds or objects whose changes it shows (a change of one makes the
 * browser fetch the page's live part again) and that part, rendered from the watch.
 */
interface DashboardPage {

    String title();

    /** What this page shows: kinds ({@code LanguageModel}) or single objects ({@code LanguageAgent/digest}). */
    List<String> kinds();

    /** The part of the page the browser replaces when one of {@link #kinds} changes. */
    String live();

    /** What the page has besides its live part (events and logs that the browser appends to itself); HTML. */
    default String after() {
        return "";
    }

    /** {@code Kind/name} of the object whose events the page's event list shows; null for none or all. */
    default String eventsOf() {
        return null;
    }
}
