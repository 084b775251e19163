package io.langop.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.console.dashboard.LineDiff.Change;
import io.langop.console.dashboard.LineDiff.Line;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void keepsTheCommonLinesAndMarksWhatWasRemovedAndAddedInOrder() {
        assertThat(LineDiff.of("a\nb\nc\nd\n", "a\nc\nx\nd\n"))
                .containsExactly(
                        new Line(Change.KEPT, "a"),
                        new Line(Change.REMOVED, "b"),
                        new Line(Change.KEPT, "c"),
                        new Line(Change.ADDED, "x"),
                        new Line(Change.KEPT, "d"));
    }

    @Test
    void aNewFileIsAllAddedAndAFinalLineBreakStartsNoEmptyLine() {
        assertThat(LineDiff.of("", "one\r\ntwo\n"))
                .containsExactly(new Line(Change.ADDED, "one"), new Line(Change.ADDED, "two"));
        assertThat(LineDiff.of("same\n", "same\n")).containsExactly(new Line(Change.KEPT, "same"));
    }

    @Test
    void filesBeyondTheLimitAreComparedWholeInsteadOfInQuadraticTime() {
        String huge = "x\n".repeat(LineDiff.MAX_LINES + 1);
        assertThat(LineDiff.of(huge, "x\n"))
                .hasSize(LineDiff.MAX_LINES + 2)
                .last()
                .isEqualTo(new Line(Change.ADDED, "x"));
    }
}
