package io.langop.proxy.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.langop.proxy.openai.InvalidRequestException;
import io.langop.proxy.openai.Json;
import io.langop.wire.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads the body of {@code POST /runs}. */
public final class RunReports {

    private RunReports() {}

    /** @throws InvalidRequestException when the body is no run report, with what is wrong */
    public static RunReport parse(byte[] body) {
        JsonNode report;
        try {
            report = Json.read(body);
        } catch (JsonProcessingException e) {
            throw InvalidRequestException.of("A run report is a JSON object: " + e.getOriginalMessage(), null);
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException("reading bytes in memory", cannotHappen);
        }
        if (report == null
                || !report.path(RunReport.RESULT).isTextual()
                || !report.path(RunReport.SUCCEEDED).isBoolean()) {
            throw InvalidRequestException.of(
                    "A run report needs \"" + RunReport.RESULT + "\" (text) and \"" + RunReport.SUCCEEDED
                            + "\" (true or false).",
                    null);
        }
        try {
            return new RunReport(
                    report.path(RunReport.RESULT).asText(),
                    report.path(RunReport.SUCCEEDED).asBoolean());
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(e.getMessage(), RunReport.RESULT);
        }
    }
}
