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
        for (String optional : new String[] {RunReport.CODE_HASH, RunReport.FAILURE}) {
            if (!report.path(optional).isMissingNode()
                    && !report.path(optional).isNull()
                    && !report.path(optional).isTextual()) {
                throw InvalidRequestException.of("\"" + optional + "\" of a run report is text.", optional);
            }
        }
        String result = report.path(RunReport.RESULT).asText();
        String codeHash = report.path(RunReport.CODE_HASH).textValue();
        try {
            RunReport.checkedResult(result);
            if (codeHash != null) {
                RunReport.checkedCodeHash(codeHash);
            }
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(e.getMessage(), codeHash == null ? RunReport.RESULT : RunReport.CODE_HASH);
        }
        // a longer failure than the runtime sends is cut, not refused: the run's outcome still counts
        return new RunReport(
                result,
                report.path(RunReport.SUCCEEDED).asBoolean(),
                codeHash,
                report.path(RunReport.FAILURE).textValue());
    }
}
