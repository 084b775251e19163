package io.langop.console.dashboard;

import io.fabric8.kubernetes.api.model.Event;
import java.util.List;

/**
 * A list of events, newest first: rendered here when the page loads; the browser puts each new one on top as it
 * arrives (dashboard.js builds the same markup from the event's JSON, as text).
 */
final class EventList {

    /** How many a page starts with; the live stream adds to them. */
    static final int SHOWN = 100;

    private EventList() {}

    static String section(String title, List<Event> events) {
        StringBuilder html = new StringBuilder("<section aria-labelledby=\"events-title\">\n<h3 id=\"events-title\">")
                .append(Markup.text(title))
                .append(
                        "</h3>\n<ol id=\"event-list\" class=\"events\" aria-live=\"polite\" aria-labelledby=\"events-title\">\n");
        events.stream().limit(SHOWN).map(EventText::of).forEach(event -> html.append(item(event)));
        return html.append("</ol>\n</section>\n").toString();
    }

    static String item(EventText event) {
        return "<li class=\"event" + (event.warning() ? " warning" : "") + "\"><time>"
                + Markup.text(event.time()) + "</time> <strong>" + Markup.text(event.reason()) + "</strong> "
                + "<span class=\"object\">" + Markup.text(event.object()) + "</span> "
                + "<span class=\"message\">" + Markup.text(event.message())
                + (event.count() > 1 ? " (×" + event.count() + ")" : "") + "</span></li>\n";
    }
}
