package io.langop.proxy.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.langop.proxy.openai.InvalidRequestException;
import io.langop.proxy.openai.Json;
import io.langop.proxy.report.UsageReport;
import io.langop.wire.PendingApprovals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the body of {@code POST /approvals}: the calls an agent says wait for approval, bounded as the wire says. */
public final class ApprovalReports {

    private ApprovalReports() {}

    /** @throws InvalidRequestException when the body is no such list, with what is wrong */
    public static List<UsageReport.PendingApproval> parse(byte[] body) {
        JsonNode list;
        try {
            list = Json.read(body);
        } catch (JsonProcessingException e) {
            throw InvalidRequestException.of("Pending approvals are a JSON array: " + e.getOriginalMessage(), null);
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException("reading bytes in memory", cannotHappen);
        }
        if (list == null || !list.isArray()) {
            throw InvalidRequestException.of("Pending approvals are a JSON array.", null);
        }
        List<UsageReport.PendingApproval> pending = new ArrayList<>();
        for (JsonNode call : list) {
            if (pending.size() == PendingApprovals.MAX_LISTED) {
                break;
            }
            if (!call.path(PendingApprovals.ID).isTextual()
                    || !call.path(PendingApprovals.TOOL).isTextual()
                    || !call.path(PendingApprovals.DEADLINE).isTextual()) {
                throw InvalidRequestException.of(
                        "A pending approval needs \"" + PendingApprovals.ID + "\", \"" + PendingApprovals.TOOL
                                + "\" and \"" + PendingApprovals.DEADLINE + "\" (text).",
                        null);
            }
            pending.add(new UsageReport.PendingApproval(
                    bounded(call.path(PendingApprovals.ID).asText(), 64),
                    bounded(call.path(PendingApprovals.TOOL).asText(), 256),
                    PendingApprovals.bounded(
                            call.path(PendingApprovals.ARGUMENTS).asText("")),
                    bounded(call.path(PendingApprovals.DEADLINE).asText(), 64)));
        }
        return pending;
    }

    private static String bounded(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
