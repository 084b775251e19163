package io.langop.console.dashboard;

import java.util.List;

/** {@code /events}: the namespace's events as they happen, newest first. */
final class EventsPage implements DashboardPage {

    private final ClusterWatch watch;

    EventsPage(ClusterWatch watch) {
        this.watch = watch;
    }

    @Override
    public String title() {
        return "Events";
    }

    @Override
    public List<String> kinds() {
        return List.of();
    }

    @Override
    public String live() {
        return "<h2>Events</h2>\n<p class=\"hint\">New events appear at the top as they happen.</p>\n";
    }

    @Override
    public String after() {
        return EventList.section("Events of namespace " + watch.namespace(), watch.events(null, null));
    }
}
