package io.langop.tool.email.send;

import jakarta.mail.internet.InternetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A list of full addresses and domains, a domain also covering its subdomains, as
 * {@code SMTP_ALLOWED_RECIPIENTS} and {@code SMTP_ALLOWED_SENDERS} are written
 * ({@code "example.com, @partner.org, boss@elsewhere.net"}). Compared without regard to case.
 */
record AddressAllowList(List<String> entries) {

    AddressAllowList {
        entries = List.copyOf(entries);
    }

    static AddressAllowList parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new AddressAllowList(List.of());
        }
        return new AddressAllowList(Arrays.stream(raw.split(",", -1))
                .map(entry -> entry.strip().toLowerCase(Locale.ROOT))
                .map(entry -> entry.startsWith("@") ? entry.substring(1) : entry)
                .filter(entry -> !entry.isEmpty())
                .toList());
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    boolean permits(InternetAddress address) {
        String normalized = address.getAddress().toLowerCase(Locale.ROOT);
        String domain = normalized.substring(normalized.lastIndexOf('@') + 1);
        return entries.stream()
                .anyMatch(entry -> entry.contains("@")
                        ? entry.equals(normalized)
                        : domain.equals(entry) || domain.endsWith("." + entry));
    }

    @Override
    public String toString() {
        return String.join(", ", entries);
    }
}
